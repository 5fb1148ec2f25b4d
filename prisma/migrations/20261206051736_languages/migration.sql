-- CreateEnum
CREATE TYPE "Language" AS ENUM ('en', 'de', 'lt');

-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "language" "Language";

-- AlterTable
ALTER TABLE "verifications" ADD COLUMN     "clientLanguage" "Language" NOT NULL DEFAULT 'en';
