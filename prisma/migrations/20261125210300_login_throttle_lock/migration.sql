-- AlterTable
ALTER TABLE "login_throttles" ADD COLUMN     "lockedUntil" TIMESTAMP(3);
