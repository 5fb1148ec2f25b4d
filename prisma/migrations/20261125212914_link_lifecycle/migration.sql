-- AlterTable
ALTER TABLE "link_deliveries" ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lastOpenedAt" TIMESTAMP(3),
ADD COLUMN     "live" BOOLEAN DEFAULT true,
ADD COLUMN     "openCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "supersededAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "link_send_counters" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "link_send_counters_pkey" PRIMARY KEY ("key")
);

-- Hand-written: rows from before this migration keep only the newest link per verification and kind live,
-- so that the unique index below can be built.
UPDATE "link_deliveries" d SET "live" = NULL, "supersededAt" = d."createdAt"
WHERE d."supersededById" IS NOT NULL OR EXISTS (
  SELECT 1 FROM "link_deliveries" n
  WHERE n."verificationId" = d."verificationId" AND n."kind" = d."kind" AND (n."createdAt", n."id") > (d."createdAt", d."id")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_deliveries_verificationId_kind_live_key" ON "link_deliveries"("verificationId", "kind", "live");
