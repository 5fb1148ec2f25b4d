-- MarkID's auth tokens, and what carries them, are kept sealed (AES-256-GCM under a key derived from
-- NEXTAUTH_SECRET, which the database never holds). The columns are renamed, not dropped: rows written
-- before this migration keep their value, in plaintext, until the data migration "seal-markid-secrets"
-- (scripts/db/data-migrations.ts) seals them. npm start, npm run workers and the dev stack run it right
-- after the SQL migrations, and record it in data_migrations.

-- AlterTable
ALTER TABLE "verifications" RENAME COLUMN "authToken" TO "authTokenSealed";

-- AlterTable
ALTER TABLE "link_deliveries" RENAME COLUMN "targetUrl" TO "targetUrlSealed";

-- AlterTable
ALTER TABLE "webhook_events" RENAME COLUMN "rawBody" TO "bodySealed";

-- CreateTable
CREATE TABLE "data_migrations" (
    "name" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_migrations_pkey" PRIMARY KEY ("name")
);
