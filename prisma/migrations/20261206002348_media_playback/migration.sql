-- AlterTable
ALTER TABLE "media_assets" ADD COLUMN     "durationSeconds" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "watchedShare" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "media_playbacks" (
    "staffUserId" UUID NOT NULL,
    "mediaAssetId" UUID NOT NULL,
    "ranges" JSONB NOT NULL,
    "durationSeconds" DOUBLE PRECISION NOT NULL,
    "auditedStep" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "media_playbacks_pkey" PRIMARY KEY ("staffUserId","mediaAssetId")
);

-- AddForeignKey
ALTER TABLE "media_playbacks" ADD CONSTRAINT "media_playbacks_mediaAssetId_fkey" FOREIGN KEY ("mediaAssetId") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
