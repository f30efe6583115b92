// Exactly one receipt per successful donation, sent through the outbox even when SMTP fails first.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";

const received: string[] = [];
let failures = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      if (failures-- > 0) return callback(Object.assign(new Error("Temporary failure"), { responseCode: 421 }));
      received.push(body);
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

it("sends one receipt naming the organisation, amount, date, fund and receipt number, after an SMTP failure", async () => {
  const { db } = await import("@/lib/db/client");
  const { drainOutbox } = await import("@/lib/email/outbox-worker");
  const { connectedOrganisation, deliver, donationWithIntent, eventOf, payWithCard } = await import("../support/fixtures");

  const org = await connectedOrganisation();
  const fund = await db.fund.create({ data: { organisationId: org.organisation.id, slug: "shelter", name: "Shelter fund" } });
  const { intent, donation, donor } = await donationWithIntent(org, { amount: 2563, currency: "eur" });
  await db.donation.update({ where: { id: donation.id }, data: { fundId: fund.id, amount: 2500n, feeCovered: 63n } });
  await payWithCard(intent.id, org.account);
  const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
  await deliver(event);
  await deliver(event);

  failures = 1;
  const first = await drainOutbox();
  expect(first.failed).toBeGreaterThanOrEqual(1);
  const receipt = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${donation.id}` } });
  expect(receipt).toMatchObject({ status: "pending", attempts: 1 });
  await db.outboxEmail.update({ where: { id: receipt.id }, data: { nextAttemptAt: new Date() } });
  await drainOutbox();
  await drainOutbox();

  const mine = received.filter((message) => message.includes(donor.email));
  expect(mine).toHaveLength(1);
  const stored = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });
  const text = (await db.outboxEmail.findUniqueOrThrow({ where: { id: receipt.id } })).text;
  expect(text).toContain(org.organisation.name);
  expect(text).toContain("Amount: €25.63 (your gift of €25.00 plus €0.63 you added to cover processing fees)");
  expect(text).toContain("Towards: Shelter fund");
  expect(text).toContain(`Receipt number: R-${String(stored.number).padStart(6, "0")}`);
  expect(text).toMatch(/Date: \d{1,2} \w+ \d{4}/);
});
