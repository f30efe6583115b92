-- Recurring gifts: the intervals an organisation's page offers, each installment's billing period,
-- what Amply needs to start and follow a subscription, and the donation product per connected
-- account (a product exists only on the account it was made on).
-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "recurringIntervals" "RecurringInterval"[] DEFAULT ARRAY[]::"RecurringInterval"[];

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "periodEnd" TIMESTAMP(3),
ADD COLUMN     "periodStart" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RecurringDonation" ADD COLUMN     "anonymous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dedication" TEXT,
ADD COLUMN     "donorName" TEXT,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "nextPaymentAt" TIMESTAMP(3),
ADD COLUMN     "paymentMethodType" TEXT,
ADD COLUMN     "stripeCheckedAt" TIMESTAMP(3),
ADD COLUMN     "stripeCustomerId" TEXT;

-- CreateTable
CREATE TABLE "StripeDonationProduct" (
    "stripeAccountId" TEXT NOT NULL,
    "stripeProductId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeDonationProduct_pkey" PRIMARY KEY ("stripeAccountId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripeDonationProduct_stripeProductId_key" ON "StripeDonationProduct"("stripeProductId");

-- CreateIndex
CREATE UNIQUE INDEX "RecurringDonation_organisationId_idempotencyKey_key" ON "RecurringDonation"("organisationId", "idempotencyKey");


-- A product stored on the organisation belongs to the account connected now.
INSERT INTO "StripeDonationProduct" ("stripeAccountId", "stripeProductId")
SELECT "stripeAccountId", "stripeDonationProductId" FROM "Organisation"
WHERE "stripeAccountId" IS NOT NULL AND "stripeDonationProductId" IS NOT NULL
ON CONFLICT DO NOTHING;
