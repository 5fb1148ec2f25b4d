-- CreateEnum
CREATE TYPE "DecisionState" AS ENUM ('PENDING_SECOND_REVIEW', 'FINAL', 'OVERRULED');

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "reviewComment" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" UUID,
ADD COLUMN     "state" "DecisionState" NOT NULL DEFAULT 'FINAL';

-- CreateTable
CREATE TABLE "decision_reasons" (
    "id" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_reasons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_notes" (
    "id" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "decision_reasons_outcome_label_key" ON "decision_reasons"("outcome", "label");

-- CreateIndex
CREATE INDEX "verification_notes_verificationId_createdAt_idx" ON "verification_notes"("verificationId", "createdAt");

-- CreateIndex
CREATE INDEX "decisions_state_createdAt_idx" ON "decisions"("state", "createdAt");

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_notes" ADD CONSTRAINT "verification_notes_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_notes" ADD CONSTRAINT "verification_notes_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
