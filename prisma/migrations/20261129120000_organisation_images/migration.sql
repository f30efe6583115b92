-- Organisation logos are uploaded to Amply and stored in "Image", never a third-party URL every
-- donor's browser fetches. The logo URLs organisations typed before are dropped, not fetched:
-- they point at third-party hosts; organisations upload their logo again in Settings.
-- CreateEnum
CREATE TYPE "ImagePurpose" AS ENUM ('logo');

-- AlterTable
ALTER TABLE "Organisation" DROP COLUMN "logoUrl",
ADD COLUMN     "logoImageId" TEXT;

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "purpose" "ImagePurpose" NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Image_organisationId_idx" ON "Image"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_logoImageId_key" ON "Organisation"("logoImageId");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_logoImageId_fkey" FOREIGN KEY ("logoImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

