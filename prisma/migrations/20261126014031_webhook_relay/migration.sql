-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN     "enqueuedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "webhook_events_enqueuedAt_receivedAt_idx" ON "webhook_events"("enqueuedAt", "receivedAt");

-- Events stored before the relay existed were queued by the intake itself
UPDATE "webhook_events" SET "enqueuedAt" = "receivedAt";
