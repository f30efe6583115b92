-- What the connected account says about itself: its country and capabilities decide which bank
-- transfers it can receive. Filled at the next connect, account.updated or status refresh (a
-- donation to an organisation whose account was never read since also reads it first).
ALTER TABLE "Organisation" ADD COLUMN     "stripeAccountCountry" CHAR(2),
ADD COLUMN     "stripeCapabilities" JSONB,
ADD COLUMN     "stripeDefaultCurrency" CHAR(3);

-- A donor's Stripe customer per connected account: a customer exists only on the account it was
-- made on.
CREATE TABLE "StripeCustomer" (
    "donorId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "stripeCustomerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeCustomer_pkey" PRIMARY KEY ("donorId","stripeAccountId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripeCustomer_stripeCustomerId_key" ON "StripeCustomer"("stripeCustomerId");

-- AddForeignKey
ALTER TABLE "StripeCustomer" ADD CONSTRAINT "StripeCustomer_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry existing customer ids forward onto the account they were made on:
-- 1. the account of the donor's latest bank-transfer donation (its PaymentIntent used the customer;
--    after a reconnect no donation could be made with it, so none is on another account);
-- 2. otherwise the account the organisation had connected when the id was stored (the donor row is
--    written only then), from the connection history.
-- An id neither places is dropped: the donor gets a new customer at their next bank transfer, which
-- is what happens after a reconnect anyway.
INSERT INTO "StripeCustomer" ("donorId", "stripeAccountId", "stripeCustomerId", "createdAt")
SELECT placed."donorId", placed."stripeAccountId", placed."stripeCustomerId", placed."updatedAt"
FROM (
  SELECT d.id AS "donorId", d."stripeCustomerId", d."updatedAt",
    COALESCE(
      (SELECT x."stripeAccountId" FROM "Donation" x
        WHERE x."donorId" = d.id AND x.method = 'bank_transfer' AND x."stripeAccountId" IS NOT NULL
        ORDER BY x."createdAt" DESC LIMIT 1),
      (SELECT c."stripeAccountId" FROM "StripeAccountConnection" c
        WHERE c."organisationId" = d."organisationId" AND c."connectedAt" <= d."updatedAt"
          AND (c."disconnectedAt" IS NULL OR c."disconnectedAt" > d."updatedAt")
        ORDER BY c."connectedAt" DESC LIMIT 1)
    ) AS "stripeAccountId"
  FROM "Donor" d
  WHERE d."stripeCustomerId" IS NOT NULL
) placed
WHERE placed."stripeAccountId" IS NOT NULL
ON CONFLICT DO NOTHING;

-- DropIndex
DROP INDEX "Donor_organisationId_stripeCustomerId_key";

-- AlterTable
ALTER TABLE "Donor" DROP COLUMN "stripeCustomerId";
