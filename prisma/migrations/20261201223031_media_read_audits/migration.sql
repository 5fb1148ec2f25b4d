-- CreateTable
CREATE TABLE "media_read_audits" (
    "staffUserId" UUID NOT NULL,
    "mediaAssetId" UUID NOT NULL,
    "auditedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "media_read_audits_pkey" PRIMARY KEY ("staffUserId","mediaAssetId")
);

-- AddForeignKey
ALTER TABLE "media_read_audits" ADD CONSTRAINT "media_read_audits_mediaAssetId_fkey" FOREIGN KEY ("mediaAssetId") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
