// Email goes through the outbox: a failed send is retried later and never lost, a deduplicated
// message is sent once, and concurrent workers never send the same message twice. (Receipts are
// here too: every test that drains the outbox shares one file, so none drains another's mail.)
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/scripts/support/test-database";

const delivered: string[] = [];
/** Recipients whose next message the server refuses once (other files' mail is never refused). */
const failOnce = new Set<string>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let body = "";
    const to = session.envelope.rcptTo.map((r) => r.address);
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      const refused = to.find((address) => failOnce.has(address));
      if (refused) {
        failOnce.delete(refused);
        const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
        return callback(error);
      }
      delivered.push(body);
      callback();
    });
  },
});

let modules: {
  db: typeof import("@/lib/db/client").db;
  enqueueEmail: typeof import("@/lib/email/enqueue-email").enqueueEmail;
  drainOutbox: typeof import("@/lib/email/outbox-worker").drainOutbox;
};

let database: TestDatabase;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  // A database of its own: the other test files queue mail (receipts with PDFs, statements) in the
  // shared one all the time, and the outbox sends the oldest first.
  database = await createTestDatabase("outbox");
  process.env.DATABASE_URL = database.url;
  const [{ db }, { enqueueEmail }, { drainOutbox }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/email/enqueue-email"),
    import("@/lib/email/outbox-worker"),
  ]);
  modules = { db, enqueueEmail, drainOutbox };
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await modules.db.$disconnect();
  await database.drop();
});

/** The bytes of a base64 attachment in a raw MIME message, by file name. */
function pdfAttachment(raw: string, filename: string): Uint8Array {
  const start = raw.indexOf(`filename=${filename}`);
  if (start < 0) throw new Error(`no attachment ${filename}`);
  const body = raw.slice(raw.indexOf("\r\n\r\n", start) + 4);
  return Uint8Array.from(Buffer.from(body.slice(0, body.indexOf("\r\n--")).replace(/\s+/g, ""), "base64"));
}

async function dueNow(id: string) {
  await modules.db.outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date() } });
}

describe("the email outbox", () => {
  it("keeps a message whose send failed and delivers it on the retry, once", async () => {
    const { db, enqueueEmail, drainOutbox } = modules;
    const dedupeKey = `receipt:test-${Date.now()}`;
    const to = `retry-${Date.now()}@example.org`;
    await enqueueEmail(db, { to, subject: "Thank you", text: "Receipt", kind: "receipt", dedupeKey });
    await enqueueEmail(db, { to, subject: "Thank you", text: "Receipt", kind: "receipt", dedupeKey });
    expect(await db.outboxEmail.count({ where: { dedupeKey } })).toBe(1);

    failOnce.add(to);
    delivered.length = 0;
    expect((await drainOutbox()).failed).toBeGreaterThanOrEqual(1);
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey } });
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toMatch(/try again later/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(delivered).toHaveLength(0);

    await drainOutbox(); // not due yet: stays as it is
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: "pending", attempts: 1 });
    await dueNow(failed.id);
    await drainOutbox();
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: "sent", transport: "smtp", attempts: 2 });
    await drainOutbox();
    expect(delivered.filter((m) => m.includes(to))).toHaveLength(1);
  });

  it("keeps no copy of a sign-in or invitation link once the email is sent", async () => {
    const { db, enqueueEmail, drainOutbox } = modules;
    const to = `link-${Date.now()}@example.org`;
    const link = `http://localhost:3000/api/auth/callback/email?token=secret-${Date.now()}`;
    await enqueueEmail(db, { to, subject: "Sign in", text: `Sign in: ${link}`, html: `<a href="${link}">Sign in</a>`, kind: "sign_in" });
    await enqueueEmail(db, { to, subject: "Invitation", text: `Join: ${link}-invite`, kind: "invitation" });
    await enqueueEmail(db, { to, subject: "Receipt", text: `Receipt R-1 ${link}-receipt`, kind: "receipt" });
    delivered.length = 0;
    while ((await drainOutbox()).sent > 0);
    expect(delivered.filter((m) => m.includes(to))).toHaveLength(3);
    const rows = await db.outboxEmail.findMany({ where: { to }, orderBy: { subject: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
    const [invitation, receipt, signIn] = rows;
    expect(signIn?.text).not.toContain("token=");
    expect(signIn?.html).toBeNull();
    expect(invitation?.text).not.toContain("token=");
    // Other mail stays as sent, for the record.
    expect(receipt?.text).toContain("token=");
  });

  it("never sends a message twice when workers drain at the same time", async () => {
    const { db, enqueueEmail, drainOutbox } = modules;
    const batch = `batch-${Date.now()}`;
    for (let i = 0; i < 12; i++) await enqueueEmail(db, { to: `${batch}-${i}@example.org`, subject: batch, text: "Hello", kind: "receipt" });
    delivered.length = 0;
    await Promise.all([drainOutbox(5), drainOutbox(5), drainOutbox(5), drainOutbox(5)]);
    while ((await drainOutbox(5)).sent > 0);
    const mine = delivered.filter((m) => m.includes(batch));
    expect(mine).toHaveLength(12);
    expect(await db.outboxEmail.count({ where: { subject: batch, status: "sent" } })).toBe(12);
  });

  it("sends one receipt per paid donation, naming the organisation, amount, date, fund and receipt number, after an SMTP failure", async () => {
    const { db, drainOutbox } = modules;
    const { captured, chargeIdOf, connectedOrganisation, deliver, donationWithIntent, eventOf, payWithCard } = await import("../support/fixtures");
    const org = await connectedOrganisation();
    const fund = await db.fund.create({ data: { organisationId: org.organisation.id, slug: "shelter", name: "Shelter fund" } });
    const { intent, donation, donor } = await donationWithIntent(org, { amount: 2563, currency: "eur" });
    await db.donation.update({ where: { id: donation.id }, data: { fundId: fund.id, amount: 2500n, feeCovered: 63n } });
    const paid = await payWithCard(intent.id, org.account);
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    await deliver(event);
    await deliver(event);
    // The balance transaction arrives later with charge.updated: still one receipt.
    const updated = await captured(org.account, chargeIdOf(paid));
    await deliver(updated);
    await deliver(updated);

    delivered.length = 0;
    failOnce.add(donor.email);
    await drainOutbox();
    const receipt = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${donation.id}` } });
    expect(receipt).toMatchObject({ status: "pending", attempts: 1 });
    await dueNow(receipt.id);
    await drainOutbox();
    await drainOutbox();

    expect(delivered.filter((message) => message.includes(donor.email))).toHaveLength(1);
    const stored = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });
    const { text } = await db.outboxEmail.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(text).toContain(org.organisation.name);
    expect(text).toContain("Amount: €25.63\nYour gift: €25.00\nAdded to cover processing fees: €0.63");
    expect(text).toContain("Towards: Shelter fund");
    // The organisation's first receipt: numbered per organisation, from 1.
    expect(stored.receiptNumber).toBe(1);
    expect(text).toContain("Receipt number: R-000001");
    expect(text).toMatch(/Date of gift: \d{1,2} \w+ \d{4}/);
    // Sent with its PDF attached, as the donor's mail program receives it.
    const message = delivered.find((m) => m.includes(donor.email)) ?? "";
    const pdf = pdfAttachment(message, "receipt-R-000001.pdf");
    const { pdfText } = await import("../support/pdf-text");
    expect(await pdfText(pdf)).toContain("Dana Donor");
    expect(message).toMatch(/Content-Type: text\/html/);
  });
});
