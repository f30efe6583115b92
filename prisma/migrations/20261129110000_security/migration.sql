-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "donorName" TEXT;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "revokedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MailboxMessage" (
    "id" TEXT NOT NULL,
    "emailId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailboxMessage_emailId_key" ON "MailboxMessage"("emailId");

-- CreateIndex
CREATE INDEX "MailboxMessage_to_createdAt_idx" ON "MailboxMessage"("to", "createdAt");

-- Carry existing rows forward: each donation keeps the name its donor record shows today, and the
-- development mailbox keeps the mail it already holds.
UPDATE "Donation" d SET "donorName" = dn.name FROM "Donor" dn WHERE dn.id = d."donorId" AND dn.name IS NOT NULL;
INSERT INTO "MailboxMessage" (id, "emailId", kind, "to", subject, text, "createdAt")
SELECT 'mbx_' || id, id, kind, "to", subject, text, "createdAt" FROM "OutboxEmail" WHERE transport = 'mailbox';
