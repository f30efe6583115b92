-- The webhook inbox replaces the processed-event table; donations gain the payment's own status
-- (their status is derived from it, refunds and disputes) and per-organisation receipt numbers.

-- CreateEnum
CREATE TYPE "StripeEventState" AS ENUM ('pending', 'processed', 'ignored', 'rejected', 'failed');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "receiptCounter" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "paymentStatus" "DonationStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "receiptNumber" INTEGER;

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "account" TEXT,
    "apiVersion" TEXT,
    "orderingKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "StripeEventState" NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "stripeCreatedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StripeEvent_state_nextAttemptAt_idx" ON "StripeEvent"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "StripeEvent_orderingKey_state_idx" ON "StripeEvent"("orderingKey", "state");

-- CreateIndex
CREATE INDEX "StripeEvent_processedAt_idx" ON "StripeEvent"("processedAt");

-- Carry forward: events already processed stay processed (a redelivery of one is still a no-op).
-- Their payloads were never kept.
INSERT INTO "StripeEvent" (id, type, account, "orderingKey", payload, state, outcome, "stripeCreatedAt", "receivedAt", "processedAt")
SELECT "eventId", type, account, 'carried:' || "eventId", '{}'::jsonb, 'processed', 'processed before the inbox existed', "processedAt", "processedAt", "processedAt"
FROM "ProcessedStripeEvent";

-- DropTable
DROP TABLE "ProcessedStripeEvent";

-- Carry forward: the payment's own status is the old status, where it was one; a refunded or
-- disputed donation had been paid.
UPDATE "Donation" SET "paymentStatus" = CASE
  WHEN status IN ('pending', 'processing', 'succeeded', 'failed') THEN status
  ELSE 'succeeded'::"DonationStatus" END;

-- Carry forward: receipts already issued keep the number they were sent with; each organisation's
-- counter continues from its highest.
UPDATE "Donation" SET "receiptNumber" = number WHERE "succeededAt" IS NOT NULL OR status IN ('succeeded', 'disputed', 'partially_refunded', 'refunded');
UPDATE "Organisation" o SET "receiptCounter" = COALESCE((SELECT max("receiptNumber") FROM "Donation" d WHERE d."organisationId" = o.id), 0);

-- CreateIndex
CREATE UNIQUE INDEX "Donation_organisationId_receiptNumber_key" ON "Donation"("organisationId", "receiptNumber");
