-- CreateTable
CREATE TABLE "retention_policy_versions" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_policy_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legal_holds" (
    "id" UUID NOT NULL,
    "verificationId" UUID,
    "clientId" TEXT,
    "reason" TEXT NOT NULL,
    "endsAt" TIMESTAMP(3),
    "placedById" UUID NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedById" UUID,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "legal_holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_purges" (
    "verificationId" UUID NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "retentionClass" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "files" JSONB NOT NULL,
    "filesDeletedAt" TIMESTAMP(3),
    "markidDeletedAt" TIMESTAMP(3),
    "markidAttempts" INTEGER NOT NULL DEFAULT 0,
    "markidError" TEXT,
    "markidWaiting" BOOLEAN NOT NULL DEFAULT false,
    "markidRetryAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "receipt" JSONB,

    CONSTRAINT "verification_purges_pkey" PRIMARY KEY ("verificationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "retention_policy_versions_version_key" ON "retention_policy_versions"("version");

-- CreateIndex
CREATE INDEX "legal_holds_verificationId_idx" ON "legal_holds"("verificationId");

-- CreateIndex
CREATE INDEX "legal_holds_clientId_idx" ON "legal_holds"("clientId");

-- CreateIndex
CREATE INDEX "verification_purges_completedAt_markidRetryAt_idx" ON "verification_purges"("completedAt", "markidRetryAt");

-- AddForeignKey
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_purges" ADD CONSTRAINT "verification_purges_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "verifications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
