-- AlterTable
ALTER TABLE "verifications" ADD COLUMN     "markidFinalAt" TIMESTAMP(3);
