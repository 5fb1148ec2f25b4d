-- CreateEnum
CREATE TYPE "StaffRequestKind" AS ENUM ('INVITATION', 'ROLE_CHANGE');

-- CreateTable
CREATE TABLE "staff_requests" (
    "id" UUID NOT NULL,
    "kind" "StaffRequestKind" NOT NULL,
    "role" "Role" NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "userId" UUID,
    "requestedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_requests_email_key" ON "staff_requests"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_requests_userId_key" ON "staff_requests"("userId");

-- AddForeignKey
ALTER TABLE "staff_requests" ADD CONSTRAINT "staff_requests_userId_fkey" FOREIGN KEY ("userId") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_requests" ADD CONSTRAINT "staff_requests_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
