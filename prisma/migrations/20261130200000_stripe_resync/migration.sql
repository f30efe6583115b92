-- CreateEnum
CREATE TYPE "StripeResyncReason" AS ENUM ('manual', 'daily', 'reconnect');

-- CreateEnum
CREATE TYPE "StripeResyncState" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "StripeResync" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "activeAccount" TEXT,
    "reason" "StripeResyncReason" NOT NULL,
    "state" "StripeResyncState" NOT NULL DEFAULT 'queued',
    "since" TIMESTAMP(3),
    "rereadObjects" BOOLEAN NOT NULL DEFAULT false,
    "phase" TEXT NOT NULL DEFAULT 'events',
    "cursor" TEXT,
    "eventsListed" INTEGER NOT NULL DEFAULT 0,
    "eventsNew" INTEGER NOT NULL DEFAULT 0,
    "eventsKnown" INTEGER NOT NULL DEFAULT 0,
    "objectsReread" INTEGER NOT NULL DEFAULT 0,
    "objectsChanged" INTEGER NOT NULL DEFAULT 0,
    "stripeRequests" INTEGER NOT NULL DEFAULT 0,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StripeResync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripeResync_activeAccount_key" ON "StripeResync"("activeAccount");

-- CreateIndex
CREATE INDEX "StripeResync_organisationId_createdAt_idx" ON "StripeResync"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "StripeResync_stripeAccountId_createdAt_idx" ON "StripeResync"("stripeAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "StripeResync_state_leaseUntil_idx" ON "StripeResync"("state", "leaseUntil");

-- AddForeignKey
ALTER TABLE "StripeResync" ADD CONSTRAINT "StripeResync_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

