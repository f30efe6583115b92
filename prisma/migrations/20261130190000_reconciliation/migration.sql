-- CreateEnum
CREATE TYPE "ReconciliationRunState" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "ReconciliationDifferenceKind" AS ENUM ('missing_in_amply', 'missing_in_stripe', 'amount_mismatch', 'fee_mismatch', 'currency_mismatch', 'status_mismatch');

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "state" "ReconciliationRunState" NOT NULL DEFAULT 'queued',
    "stripePages" INTEGER NOT NULL DEFAULT 0,
    "stripeRequests" INTEGER NOT NULL DEFAULT 0,
    "chargesCompared" INTEGER NOT NULL DEFAULT 0,
    "refundsCompared" INTEGER NOT NULL DEFAULT 0,
    "balanceTransactionsCompared" INTEGER NOT NULL DEFAULT 0,
    "ledgerEntriesChecked" INTEGER NOT NULL DEFAULT 0,
    "feesPending" INTEGER NOT NULL DEFAULT 0,
    "differencesFound" INTEGER NOT NULL DEFAULT 0,
    "unreadableAccounts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cursor" JSONB,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationDifference" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" "ReconciliationDifferenceKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "stripeObjectId" TEXT,
    "stripeAccountId" TEXT,
    "donationId" TEXT,
    "ledgerEntryId" BIGINT,
    "amply" TEXT NOT NULL,
    "stripe" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationDifference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationSeenEntry" (
    "runId" TEXT NOT NULL,
    "ledgerEntryId" BIGINT NOT NULL,

    CONSTRAINT "ReconciliationSeenEntry_pkey" PRIMARY KEY ("runId","ledgerEntryId")
);

-- CreateIndex
CREATE INDEX "ReconciliationRun_organisationId_createdAt_idx" ON "ReconciliationRun"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "ReconciliationRun_state_leaseUntil_idx" ON "ReconciliationRun"("state", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationDifference_runId_dedupeKey_key" ON "ReconciliationDifference"("runId", "dedupeKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_stripeBalanceTransactionId_idx" ON "LedgerEntry"("stripeBalanceTransactionId");

-- AddForeignKey
ALTER TABLE "ReconciliationRun" ADD CONSTRAINT "ReconciliationRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationDifference" ADD CONSTRAINT "ReconciliationDifference_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReconciliationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationSeenEntry" ADD CONSTRAINT "ReconciliationSeenEntry_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReconciliationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

