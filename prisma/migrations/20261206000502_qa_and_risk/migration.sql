-- CreateEnum
CREATE TYPE "QaSampleReason" AS ENUM ('RANDOM', 'RISK');

-- CreateEnum
CREATE TYPE "QaVerdict" AS ENUM ('AGREE', 'DISAGREE');

-- AlterTable
ALTER TABLE "verifications" ADD COLUMN     "documentNumber" TEXT;

-- AlterTable
ALTER TABLE "media_assets" ADD COLUMN     "durationMs" INTEGER;

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "riskSignals" JSONB;

-- CreateTable
CREATE TABLE "qa_samples" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "reason" "QaSampleReason" NOT NULL,
    "sampledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigneeId" UUID,
    "reviewerId" UUID,
    "reviewedAt" TIMESTAMP(3),
    "verdict" "QaVerdict",
    "disagreeReason" TEXT,
    "comment" TEXT,
    "reopened" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "qa_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "qa_samples_decisionId_key" ON "qa_samples"("decisionId");

-- CreateIndex
CREATE INDEX "qa_samples_reviewedAt_sampledAt_idx" ON "qa_samples"("reviewedAt", "sampledAt");

-- CreateIndex
CREATE INDEX "qa_samples_assigneeId_reviewedAt_idx" ON "qa_samples"("assigneeId", "reviewedAt");

-- CreateIndex
CREATE INDEX "qa_samples_verificationId_idx" ON "qa_samples"("verificationId");

-- CreateIndex
CREATE INDEX "verifications_documentNumber_idx" ON "verifications"("documentNumber");

-- AddForeignKey
ALTER TABLE "qa_samples" ADD CONSTRAINT "qa_samples_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_samples" ADD CONSTRAINT "qa_samples_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_samples" ADD CONSTRAINT "qa_samples_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_samples" ADD CONSTRAINT "qa_samples_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
