-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICER', 'LEAD', 'OPS', 'ADMIN');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CALL_IN_PROGRESS', 'CALL_FINISHED', 'REVIEWING', 'APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED', 'DELETED', 'ABORTED', 'RESUBMISSION_REQUESTED');

-- CreateEnum
CREATE TYPE "TokenType" AS ENUM ('VIDEO_CALL', 'VIDEO_CALL_PHOTOS');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'FAILED_TO_START');

-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('FACE_PHOTO', 'DOCUMENT_FRONT', 'DOCUMENT_BACK', 'VIDEO');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('APPROVE', 'REJECT', 'REQUEST_RESUBMISSION', 'ABORT');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('TOKEN_REDIRECT', 'VIDEO_CALL');

-- CreateEnum
CREATE TYPE "LinkChannel" AS ENUM ('COPY', 'QR', 'EMAIL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'ACCEPTED', 'FAILED');

-- CreateEnum
CREATE TYPE "WebhookKind" AS ENUM ('IDENTIFICATION', 'VIDEO_CALL_FINISHED', 'UNKNOWN');

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "lastTotpStep" BIGINT,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "failedLoginWindow" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_codes" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttles" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" UUID NOT NULL,
    "scanRef" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "authToken" TEXT,
    "tokenType" "TokenType" NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "externalRef" TEXT,
    "status" "VerificationStatus" NOT NULL DEFAULT 'ACTIVE',
    "markidStatus" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "createdById" UUID,
    "assigneeId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_calls" (
    "id" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "startedById" UUID,
    "photos" BOOLEAN NOT NULL,
    "callUrl" TEXT,
    "outcome" "CallOutcome" NOT NULL DEFAULT 'PENDING',
    "errorMessage" TEXT,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_assets" (
    "id" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "decidedById" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "reason" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_deliveries" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "verificationId" UUID NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "channel" "LinkChannel" NOT NULL,
    "targetUrl" TEXT NOT NULL,
    "recipient" TEXT,
    "sentById" UUID,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "firstOpenedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "supersededById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "rawBody" TEXT NOT NULL,
    "kind" "WebhookKind" NOT NULL,
    "scanRef" TEXT,
    "verificationId" UUID,
    "unknownScanRef" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "processError" TEXT,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "requestId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- CreateIndex
CREATE INDEX "recovery_codes_userId_idx" ON "recovery_codes"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_tokenHash_key" ON "invitations"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "verifications_scanRef_key" ON "verifications"("scanRef");

-- CreateIndex
CREATE INDEX "verifications_clientId_idx" ON "verifications"("clientId");

-- CreateIndex
CREATE INDEX "verifications_status_createdAt_id_idx" ON "verifications"("status", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "verifications_createdAt_id_idx" ON "verifications"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "verifications_assigneeId_createdAt_idx" ON "verifications"("assigneeId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "video_calls_verificationId_createdAt_idx" ON "video_calls"("verificationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "media_assets_verificationId_sourceKey_key" ON "media_assets"("verificationId", "sourceKey");

-- CreateIndex
CREATE INDEX "decisions_verificationId_createdAt_idx" ON "decisions"("verificationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "link_deliveries_slug_key" ON "link_deliveries"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "link_deliveries_supersededById_key" ON "link_deliveries"("supersededById");

-- CreateIndex
CREATE INDEX "link_deliveries_verificationId_createdAt_idx" ON "link_deliveries"("verificationId", "createdAt");

-- CreateIndex
CREATE INDEX "link_deliveries_expiresAt_idx" ON "link_deliveries"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_events_bodySha256_key" ON "webhook_events"("bodySha256");

-- CreateIndex
CREATE INDEX "webhook_events_scanRef_idx" ON "webhook_events"("scanRef");

-- CreateIndex
CREATE INDEX "webhook_events_verificationId_receivedAt_idx" ON "webhook_events"("verificationId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_targetType_targetId_id_idx" ON "audit_events"("targetType", "targetId", "id");

-- CreateIndex
CREATE INDEX "audit_events_actorId_id_idx" ON "audit_events"("actorId", "id");

-- CreateIndex
CREATE INDEX "audit_events_action_id_idx" ON "audit_events"("action", "id");

-- AddForeignKey
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_userId_fkey" FOREIGN KEY ("userId") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_calls" ADD CONSTRAINT "video_calls_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_calls" ADD CONSTRAINT "video_calls_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_deliveries" ADD CONSTRAINT "link_deliveries_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_deliveries" ADD CONSTRAINT "link_deliveries_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_deliveries" ADD CONSTRAINT "link_deliveries_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "link_deliveries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;
