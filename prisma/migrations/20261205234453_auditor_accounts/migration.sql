-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'AUDITOR';

-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "accessExpiresAt" TIMESTAMP(3),
ADD COLUMN     "scopeFrom" TIMESTAMP(3),
ADD COLUMN     "scopeTo" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "staff_requests" ADD COLUMN     "accessExpiresAt" TIMESTAMP(3),
ADD COLUMN     "scopeFrom" TIMESTAMP(3),
ADD COLUMN     "scopeTo" TIMESTAMP(3);

-- Hand-written: an auditor account never exists without an expiry (compared as text, as the new enum
-- value cannot be used in the transaction that adds it)
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_auditor_expiry"
  CHECK ("role"::text <> 'AUDITOR' OR "accessExpiresAt" IS NOT NULL);
