-- Campaigns: goals and suggested amounts per currency, a picture; the organisation's own story,
-- picture and website for its general donation page.


ALTER TYPE "ImagePurpose" ADD VALUE 'campaign';
ALTER TYPE "ImagePurpose" ADD VALUE 'story';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "story" TEXT,
ADD COLUMN     "storyImageId" TEXT,
ADD COLUMN     "websiteUrl" TEXT;


-- CreateTable
CREATE TABLE "CampaignCurrency" (
    "campaignId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "goalAmount" BIGINT,
    "suggestedAmounts" BIGINT[],

    CONSTRAINT "CampaignCurrency_pkey" PRIMARY KEY ("campaignId","currency")
);

-- Carry each campaign's one goal forward as its goal in that currency, then drop the old columns.
INSERT INTO "CampaignCurrency" ("campaignId", "currency", "goalAmount", "suggestedAmounts")
SELECT "id", UPPER("goalCurrency"), "goalAmount", ARRAY[]::BIGINT[]
FROM "Campaign"
WHERE "goalAmount" IS NOT NULL AND "goalAmount" > 0 AND "goalCurrency" IS NOT NULL;

-- AlterTable
ALTER TABLE "Campaign" DROP COLUMN "goalAmount",
DROP COLUMN "goalCurrency",
ADD COLUMN     "imageId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_storyImageId_key" ON "Organisation"("storyImageId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_imageId_key" ON "Campaign"("imageId");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_storyImageId_fkey" FOREIGN KEY ("storyImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCurrency" ADD CONSTRAINT "CampaignCurrency_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

