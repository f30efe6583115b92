-- CreateEnum
CREATE TYPE "GiftAidScope" AS ENUM ('this_gift', 'this_and_future');

-- CreateEnum
CREATE TYPE "GiftAidExportRowKind" AS ENUM ('donation', 'adjustment');

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "giftAidDeclarationId" TEXT;

-- CreateTable
CREATE TABLE "GiftAidDeclaration" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "donorId" TEXT NOT NULL,
    "title" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "houseNameOrNumber" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "scope" "GiftAidScope" NOT NULL,
    "wordingVersion" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "GiftAidDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftAidExport" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdByUserId" TEXT,
    "donationCount" INTEGER NOT NULL,
    "donationTotal" BIGINT NOT NULL,
    "adjustmentTotal" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftAidExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftAidExportRow" (
    "id" TEXT NOT NULL,
    "exportId" TEXT NOT NULL,
    "donationId" TEXT NOT NULL,
    "kind" "GiftAidExportRowKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "houseNameOrNumber" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "donationDate" DATE NOT NULL,

    CONSTRAINT "GiftAidExportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GiftAidDeclaration_organisationId_donorId_idx" ON "GiftAidDeclaration"("organisationId", "donorId");

-- CreateIndex
CREATE INDEX "GiftAidExport_organisationId_createdAt_idx" ON "GiftAidExport"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "GiftAidExportRow_donationId_idx" ON "GiftAidExportRow"("donationId");

-- CreateIndex
CREATE UNIQUE INDEX "GiftAidExportRow_exportId_position_key" ON "GiftAidExportRow"("exportId", "position");

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_giftAidDeclarationId_fkey" FOREIGN KEY ("giftAidDeclarationId") REFERENCES "GiftAidDeclaration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftAidDeclaration" ADD CONSTRAINT "GiftAidDeclaration_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftAidDeclaration" ADD CONSTRAINT "GiftAidDeclaration_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftAidExport" ADD CONSTRAINT "GiftAidExport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftAidExportRow" ADD CONSTRAINT "GiftAidExportRow_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "GiftAidExport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftAidExportRow" ADD CONSTRAINT "GiftAidExportRow_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

