-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('AVAILABLE', 'AWAY', 'OFFLINE');

-- CreateEnum
CREATE TYPE "DeskStage" AS ENUM ('CREATED', 'LINK_SENT', 'LINK_OPENED', 'CALL_FINISHED', 'RECORDINGS_ARCHIVED', 'AWAITING_DECISION', 'AWAITING_SECOND_REVIEW', 'DECIDED');

-- CreateTable
CREATE TABLE "staff_presence" (
    "staffUserId" UUID NOT NULL,
    "status" "Availability" NOT NULL DEFAULT 'OFFLINE',
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionVersion" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAssignedAt" TIMESTAMP(3),

    CONSTRAINT "staff_presence_pkey" PRIMARY KEY ("staffUserId")
);

-- CreateTable
CREATE TABLE "stage_breaches" (
    "verificationId" UUID NOT NULL,
    "stage" "DeskStage" NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "assigneeId" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stage_breaches_pkey" PRIMARY KEY ("verificationId","stage")
);

-- CreateIndex
CREATE INDEX "staff_presence_status_lastAssignedAt_idx" ON "staff_presence"("status", "lastAssignedAt");

-- CreateIndex
CREATE INDEX "stage_breaches_recordedAt_idx" ON "stage_breaches"("recordedAt");

-- AddForeignKey
ALTER TABLE "staff_presence" ADD CONSTRAINT "staff_presence_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_breaches" ADD CONSTRAINT "stage_breaches_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
