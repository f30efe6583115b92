-- CreateEnum
CREATE TYPE "ReceiptKind" AS ENUM ('original', 'correction');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "address" TEXT,
ADD COLUMN     "legalName" TEXT,
ADD COLUMN     "registrationNumber" TEXT,
ADD COLUMN     "taxStatement" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "receiptId" TEXT;

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "donationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "ReceiptKind" NOT NULL DEFAULT 'original',
    "replacesReceiptId" TEXT,
    "donorName" TEXT,
    "donorAddress" TEXT,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxAttachment" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "MailboxAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_replacesReceiptId_key" ON "Receipt"("replacesReceiptId");

-- CreateIndex
CREATE INDEX "Receipt_donationId_idx" ON "Receipt"("donationId");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_organisationId_number_key" ON "Receipt"("organisationId", "number");

-- CreateIndex
CREATE INDEX "MailboxAttachment_messageId_idx" ON "MailboxAttachment"("messageId");

-- CreateIndex
CREATE INDEX "OutboxEmail_receiptId_idx" ON "OutboxEmail"("receiptId");

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_replacesReceiptId_fkey" FOREIGN KEY ("replacesReceiptId") REFERENCES "Receipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "Receipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailboxAttachment" ADD CONSTRAINT "MailboxAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "MailboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Carry forward: every gift that already has a receipt number gets its Receipt row (as issued when
-- it was paid, to the name given with the gift), so corrections and resends work for it too.
INSERT INTO "Receipt" ("id", "organisationId", "donationId", "number", "kind", "donorName", "issuedAt")
SELECT 'rcpt_' || d."id", d."organisationId", d."id", d."receiptNumber", 'original', d."donorName", COALESCE(d."succeededAt", d."updatedAt")
FROM "Donation" d
WHERE d."receiptNumber" IS NOT NULL;

-- Existing organisations date gifts in their country's zone where the country has only one
-- (lib/organisations/time-zone.ts keeps the same list for new organisations), UTC elsewhere.
UPDATE "Organisation" o SET "timeZone" = z.zone
FROM (VALUES
  ('AE', 'Asia/Dubai'), ('AT', 'Europe/Vienna'), ('BE', 'Europe/Brussels'), ('BG', 'Europe/Sofia'), ('CH', 'Europe/Zurich'),
  ('CZ', 'Europe/Prague'), ('DE', 'Europe/Berlin'), ('DK', 'Europe/Copenhagen'), ('EE', 'Europe/Tallinn'), ('FI', 'Europe/Helsinki'),
  ('FR', 'Europe/Paris'), ('GB', 'Europe/London'), ('GI', 'Europe/Gibraltar'), ('GR', 'Europe/Athens'), ('HK', 'Asia/Hong_Kong'),
  ('HR', 'Europe/Zagreb'), ('HU', 'Europe/Budapest'), ('IE', 'Europe/Dublin'), ('IN', 'Asia/Kolkata'), ('IT', 'Europe/Rome'),
  ('JP', 'Asia/Tokyo'), ('LI', 'Europe/Vaduz'), ('LT', 'Europe/Vilnius'), ('LU', 'Europe/Luxembourg'), ('LV', 'Europe/Riga'),
  ('MT', 'Europe/Malta'), ('MY', 'Asia/Kuala_Lumpur'), ('NL', 'Europe/Amsterdam'), ('NO', 'Europe/Oslo'), ('PL', 'Europe/Warsaw'),
  ('RO', 'Europe/Bucharest'), ('SE', 'Europe/Stockholm'), ('SG', 'Asia/Singapore'), ('SI', 'Europe/Ljubljana'), ('SK', 'Europe/Bratislava'),
  ('TH', 'Asia/Bangkok')
) AS z(country, zone)
WHERE o."country" = z.country;
