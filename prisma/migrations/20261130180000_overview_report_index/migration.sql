-- CreateIndex
CREATE INDEX "Donation_organisationId_succeededAt_idx" ON "Donation"("organisationId", "succeededAt");

