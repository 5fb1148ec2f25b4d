-- CreateEnum
CREATE TYPE "ChecklistResult" AS ENUM ('PASS', 'FAIL', 'NOT_APPLICABLE');

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "checklistSnapshot" JSONB,
ADD COLUMN     "qualificationSnapshot" JSONB,
ADD COLUMN     "reviewVerdicts" JSONB,
ADD COLUMN     "rulebookVersionId" UUID;

-- CreateTable
CREATE TABLE "rulebook_versions" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rulebook_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklist_answers" (
    "verificationId" UUID NOT NULL,
    "itemKey" TEXT NOT NULL,
    "rulebookVersionId" UUID NOT NULL,
    "result" "ChecklistResult" NOT NULL,
    "choice" TEXT,
    "note" TEXT,
    "markMediaId" UUID,
    "markSeconds" INTEGER,
    "answeredById" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "checklist_answers_pkey" PRIMARY KEY ("verificationId","itemKey")
);

-- CreateTable
CREATE TABLE "qualifications" (
    "id" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "validUntil" TIMESTAMP(3),
    "evidence" TEXT NOT NULL,
    "grantedById" UUID NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "revokeNote" TEXT,

    CONSTRAINT "qualifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rulebook_versions_version_key" ON "rulebook_versions"("version");

-- CreateIndex
CREATE INDEX "qualifications_staffUserId_idx" ON "qualifications"("staffUserId");

-- CreateIndex
CREATE INDEX "qualifications_validUntil_idx" ON "qualifications"("validUntil");

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_rulebookVersionId_fkey" FOREIGN KEY ("rulebookVersionId") REFERENCES "rulebook_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_rulebookVersionId_fkey" FOREIGN KEY ("rulebookVersionId") REFERENCES "rulebook_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_markMediaId_fkey" FOREIGN KEY ("markMediaId") REFERENCES "media_assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: a rulebook version is what past decisions were made under, so it never changes. Any UPDATE
-- fails, like audit_events' (the separator in the E-string is written \073: the runner splits at semicolons).
CREATE FUNCTION rulebook_versions_refuse_update() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''rulebook_versions are immutable: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege'' \073 END';

CREATE TRIGGER rulebook_versions_immutable
  BEFORE UPDATE ON "rulebook_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION rulebook_versions_refuse_update();

ALTER TABLE "rulebook_versions" ENABLE ALWAYS TRIGGER rulebook_versions_immutable;

-- Reasons the default rulebook's failed items suggest (lib/rulebook/default-template.ts), so that the
-- suggestion can be picked from the list as it is.
INSERT INTO "decision_reasons" ("id", "outcome", "label", "sortOrder") VALUES
  (gen_random_uuid(), 'REJECT', 'Document data do not match the application', 50),
  (gen_random_uuid(), 'REJECT', 'Signs of manipulation or a presentation attack', 60),
  (gen_random_uuid(), 'REQUEST_RESUBMISSION', 'Call recording interrupted or incomplete', 40),
  (gen_random_uuid(), 'REQUEST_RESUBMISSION', 'Address or other details need clarifying', 50),
  (gen_random_uuid(), 'ABORT', 'Consent to recording not given', 40)
ON CONFLICT ("outcome", "label") DO NOTHING;
