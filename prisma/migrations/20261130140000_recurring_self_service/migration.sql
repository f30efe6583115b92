-- AlterTable
ALTER TABLE "RecurringDonation" ADD COLUMN     "pausedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RecurringChange" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recurringDonationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "RecurringChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecurringChange_requestId_key" ON "RecurringChange"("requestId");

-- CreateIndex
CREATE INDEX "RecurringChange_recurringDonationId_idx" ON "RecurringChange"("recurringDonationId");

-- AddForeignKey
ALTER TABLE "RecurringChange" ADD CONSTRAINT "RecurringChange_recurringDonationId_fkey" FOREIGN KEY ("recurringDonationId") REFERENCES "RecurringDonation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

