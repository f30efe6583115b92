-- CreateEnum
CREATE TYPE "RefundRequestStatus" AS ENUM ('submitting', 'submitted', 'recorded', 'refused');

-- CreateTable
CREATE TABLE "RefundRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "donationId" TEXT NOT NULL,
    "requestedById" TEXT,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "status" "RefundRequestStatus" NOT NULL DEFAULT 'submitting',
    "stripeAccountId" TEXT NOT NULL,
    "stripeRefundId" TEXT,
    "stripeStatus" TEXT,
    "stripeDestination" TEXT,
    "failureMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RefundRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RefundRequest_stripeRefundId_key" ON "RefundRequest"("stripeRefundId");

-- CreateIndex
CREATE INDEX "RefundRequest_donationId_idx" ON "RefundRequest"("donationId");

-- CreateIndex
CREATE INDEX "Donation_organisationId_number_idx" ON "Donation"("organisationId", "number" DESC);

-- CreateIndex
CREATE INDEX "Donation_organisationId_status_number_idx" ON "Donation"("organisationId", "status", "number" DESC);

-- CreateIndex
CREATE INDEX "Donation_organisationId_fundId_number_idx" ON "Donation"("organisationId", "fundId", "number" DESC);

-- CreateIndex
CREATE INDEX "Donation_organisationId_campaignId_number_idx" ON "Donation"("organisationId", "campaignId", "number" DESC);

-- CreateIndex
CREATE INDEX "Donation_donorId_number_idx" ON "Donation"("donorId", "number" DESC);

-- AddForeignKey
ALTER TABLE "RefundRequest" ADD CONSTRAINT "RefundRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundRequest" ADD CONSTRAINT "RefundRequest_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

