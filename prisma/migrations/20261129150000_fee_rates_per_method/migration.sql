-- Fee rates per payment method family (docs/stripe.md#fees-per-payment-method): cards, SEPA Direct
-- Debit and bank transfers are priced differently by Stripe, and bank transfers have a cap.

-- CreateEnum
CREATE TYPE "FeeFamily" AS ENUM ('card', 'sepa_debit', 'bank_transfer');

-- AlterTable: every existing rate was the card rate, and stays it (the column's default).
ALTER TABLE "FeeRate" DROP CONSTRAINT "FeeRate_pkey",
ADD COLUMN     "capMinor" INTEGER,
ADD COLUMN     "family" "FeeFamily" NOT NULL DEFAULT 'card',
ADD CONSTRAINT "FeeRate_pkey" PRIMARY KEY ("organisationId", "currency", "family");

-- Existing organisations get Stripe's standard rates for the other families, in the currencies
-- where they already have a card rate and the method exists (the same defaults as a new
-- organisation, DEFAULT_FEE_RATES in lib/money/fees.ts): SEPA Direct Debit 0.35 EUR; bank
-- transfers 0.5% capped at 5.00 in EUR, GBP and USD. They can change them in Settings.
INSERT INTO "FeeRate" ("organisationId", "currency", "family", "percentBps", "fixedMinor", "capMinor", "updatedAt")
SELECT card."organisationId", card."currency", defaults."family"::"FeeFamily", defaults."percentBps", defaults."fixedMinor", defaults."capMinor", NOW()
FROM "FeeRate" card
JOIN (VALUES
  ('EUR', 'sepa_debit', 0, 35, NULL::INTEGER),
  ('EUR', 'bank_transfer', 50, 0, 500),
  ('GBP', 'bank_transfer', 50, 0, 500),
  ('USD', 'bank_transfer', 50, 0, 500)
) AS defaults("currency", "family", "percentBps", "fixedMinor", "capMinor") ON defaults."currency" = card."currency"
WHERE card."family" = 'card'
ON CONFLICT DO NOTHING;
