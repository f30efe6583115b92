-- AlterTable
ALTER TABLE "Dispute" ADD COLUMN     "stripeAccountId" TEXT;

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "stripeAccountId" TEXT;

-- AlterTable
ALTER TABLE "RecurringDonation" ADD COLUMN     "stripeAccountId" TEXT;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "stripeAccountId" TEXT;

-- CreateTable
CREATE TABLE "StripeAccountConnection" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "connectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disconnectedAt" TIMESTAMP(3),

    CONSTRAINT "StripeAccountConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StripeAccountConnection_organisationId_idx" ON "StripeAccountConnection"("organisationId");

-- CreateIndex
CREATE INDEX "StripeAccountConnection_stripeAccountId_idx" ON "StripeAccountConnection"("stripeAccountId");

-- AddForeignKey
ALTER TABLE "StripeAccountConnection" ADD CONSTRAINT "StripeAccountConnection_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry existing rows forward. Until now a donation's account was its organisation's current one:
-- that is the best knowledge there is for donations of organisations still connected. Donations of
-- organisations that have since disconnected keep NULL (their account was never recorded).
UPDATE "Donation" d SET "stripeAccountId" = o."stripeAccountId"
FROM "Organisation" o WHERE o.id = d."organisationId" AND o."stripeAccountId" IS NOT NULL AND d."stripePaymentIntentId" IS NOT NULL;
UPDATE "Refund" r SET "stripeAccountId" = d."stripeAccountId" FROM "Donation" d WHERE d.id = r."donationId";
UPDATE "Dispute" x SET "stripeAccountId" = d."stripeAccountId" FROM "Donation" d WHERE d.id = x."donationId";
UPDATE "RecurringDonation" rd SET "stripeAccountId" = o."stripeAccountId"
FROM "Organisation" o WHERE o.id = rd."organisationId" AND o."stripeAccountId" IS NOT NULL AND rd."stripeSubscriptionId" IS NOT NULL;
INSERT INTO "StripeAccountConnection" (id, "organisationId", "stripeAccountId", "connectedAt")
SELECT 'sac_' || o.id, o.id, o."stripeAccountId", COALESCE(o."stripeConnectedAt", o."createdAt")
FROM "Organisation" o WHERE o."stripeAccountId" IS NOT NULL;
