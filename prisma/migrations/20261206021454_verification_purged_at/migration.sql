-- AlterTable
ALTER TABLE "verifications" ADD COLUMN     "purgedAt" TIMESTAMP(3);
