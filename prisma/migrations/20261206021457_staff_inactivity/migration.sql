-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "activeSince" TIMESTAMP(3);
