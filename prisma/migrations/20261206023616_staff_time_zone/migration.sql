-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "timeZone" TEXT;
