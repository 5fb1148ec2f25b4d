-- DropIndex
DROP INDEX "verifications_clientId_idx";

-- DropIndex
DROP INDEX "verifications_status_createdAt_id_idx";

-- DropIndex
DROP INDEX "verifications_createdAt_id_idx";

-- DropIndex
DROP INDEX "verifications_assigneeId_createdAt_idx";

-- CreateIndex
CREATE INDEX "verifications_clientId_id_idx" ON "verifications"("clientId", "id");

-- CreateIndex
CREATE INDEX "verifications_status_createdAt_id_idx" ON "verifications"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "verifications_createdAt_id_idx" ON "verifications"("createdAt", "id");

-- CreateIndex
CREATE INDEX "verifications_updatedAt_id_idx" ON "verifications"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "verifications_assigneeId_createdAt_id_idx" ON "verifications"("assigneeId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "verifications_createdById_createdAt_id_idx" ON "verifications"("createdById", "createdAt", "id");

-- CreateIndex
CREATE INDEX "audit_events_occurredAt_idx" ON "audit_events" USING BRIN ("occurredAt");
