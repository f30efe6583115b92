-- CreateEnum
CREATE TYPE "StatementRunState" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "statementDonorId" TEXT,
ADD COLUMN     "statementYear" INTEGER;

-- CreateTable
CREATE TABLE "StatementRun" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "state" "StatementRunState" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "doneCount" INTEGER NOT NULL DEFAULT 0,
    "emailedCount" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StatementRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementRunItem" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "donorId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatementRun_organisationId_createdAt_idx" ON "StatementRun"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "StatementRun_state_leaseUntil_idx" ON "StatementRun"("state", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "StatementRunItem_runId_donorId_key" ON "StatementRunItem"("runId", "donorId");

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_statementDonorId_fkey" FOREIGN KEY ("statementDonorId") REFERENCES "Donor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementRun" ADD CONSTRAINT "StatementRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementRunItem" ADD CONSTRAINT "StatementRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "StatementRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementRunItem" ADD CONSTRAINT "StatementRunItem_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

