// Asynchronous capture (docs/stripe.md#asynchronous-capture): the donation is paid at success, and
// its ledger entry (amount, fee, net, exchange rate from the balance transaction) is booked once,
// by whichever of payment_intent.succeeded, charge.succeeded and charge.updated first finds the
// balance transaction, in every order of the three, with one receipt.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  chargeIdOf,
  connectedOrganisation,
  control,
  deliver,
  donationWithIntent,
  eventOf,
  eventsFor,
  payWithCard,
  stripeSdk,
  type SandboxEvent,
} from "../support/fixtures";

const TYPES = ["payment_intent.succeeded", "charge.succeeded", "charge.updated"] as const;

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

/** A 1000 JPY donation to a EUR-settling account, paid, its capture held until the test releases it. */
async function paidWithCaptureHeld() {
  const org = await connectedOrganisation();
  await control.captureSettings(org.account, { hold: true });
  const { donation, intent } = await donationWithIntent(org, { amount: 1000, currency: "jpy" });
  const chargeId = chargeIdOf(await payWithCard(intent.id, org.account));
  return { org, donation, intent, chargeId };
}

/** What the donation looks like in Amply, against Stripe's own balance transaction for its charge. */
async function expectBookedOnce(donationId: string, account: string, chargeId: string) {
  const charge = await stripeSdk.charges.retrieve(chargeId, { expand: ["balance_transaction"] }, { stripeAccount: account });
  const txn = charge.balance_transaction as Stripe.BalanceTransaction;
  expect(txn).toMatchObject({ currency: "eur" });
  expect(await db.donation.findUniqueOrThrow({ where: { id: donationId } })).toMatchObject({
    status: "succeeded",
    stripeChargeId: chargeId,
    succeededAt: expect.any(Date) as Date,
  });
  const ledger = await db.ledgerEntry.findMany({ where: { donationId } });
  expect(ledger).toHaveLength(1);
  expect(ledger[0]).toMatchObject({
    type: "donation_received",
    stripeObjectId: chargeId,
    stripeBalanceTransactionId: txn.id,
    amount: 1000n,
    currency: "JPY",
    settlementAmount: BigInt(txn.amount),
    settlementFee: BigInt(txn.fee),
    settlementNet: BigInt(txn.net),
    settlementCurrency: "EUR",
  });
  expect(ledger[0]?.exchangeRate?.toString()).toBe(String(txn.exchange_rate));
  expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${donationId}` } })).toBe(1);
}

describe("asynchronous capture", () => {
  it.each(permutations(TYPES).map((order) => [order.join(" → "), order] as const))("books once in the order %s", async (_name, order) => {
    const { org, donation, intent, chargeId } = await paidWithCaptureHeld();
    const delivered: SandboxEvent[] = [];
    for (const type of order) {
      // charge.updated exists only once the capture has completed: everything delivered before it
      // finds no balance transaction on Stripe yet.
      if (type === "charge.updated") await control.capture(chargeId);
      const event = await eventOf(org.account, type, type === "payment_intent.succeeded" ? intent.id : chargeId);
      expect(await deliver(event)).toMatchObject({ status: 200, state: "processed" });
      delivered.push(event);
    }
    for (const event of delivered) expect(await deliver(event)).toMatchObject({ status: 200, body: { status: "duplicate" } });
    await expectBookedOnce(donation.id, org.account, chargeId);
  });

  it("charge.updated after payment_intent.succeeded was processed: paid at once, the entry booked with its fee afterwards", async () => {
    const { org, donation, intent, chargeId } = await paidWithCaptureHeld();
    const succeeded = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    expect(succeeded.data.object.status).toBe("succeeded");
    expect(await deliver(succeeded)).toMatchObject({ status: 200, state: "processed" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded", stripeChargeId: chargeId });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${donation.id}` } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id } })).toBe(0);

    await control.capture(chargeId);
    const updated = await eventOf(org.account, "charge.updated", chargeId);
    expect(updated.data).toMatchObject({ previous_attributes: { balance_transaction: null } });
    expect(await deliver(updated)).toMatchObject({ status: 200, state: "processed" });
    await expectBookedOnce(donation.id, org.account, chargeId);
  });

  it.each([0, 300])("books once with the capture %i ms after the success, events delivered as the sandbox sends them", async (delayMs) => {
    const org = await connectedOrganisation();
    await control.captureSettings(org.account, { delay_ms: delayMs });
    const { donation, intent } = await donationWithIntent(org, { amount: 1000, currency: "jpy" });
    const chargeId = chargeIdOf(await payWithCard(intent.id, org.account));
    // Deliver each event as soon as the sandbox has it, in its order, until charge.updated.
    const seen = new Set<string>();
    const started = Date.now();
    while (!(await eventsFor(org.account, { type: "charge.updated" })).some((e) => seen.has(e.id)) && Date.now() - started < 5000) {
      for (const event of await eventsFor(org.account)) {
        if (seen.has(event.id) || !(TYPES as readonly string[]).includes(event.type)) continue;
        seen.add(event.id);
        expect((await deliver(event)).status).toBe(200);
      }
    }
    await expectBookedOnce(donation.id, org.account, chargeId);
  });

  it("books once when the three events arrive at the same time, each several times", async () => {
    const { org, donation, intent, chargeId } = await paidWithCaptureHeld();
    await control.capture(chargeId);
    const events = await Promise.all(TYPES.map((type) => eventOf(org.account, type, type === "payment_intent.succeeded" ? intent.id : chargeId)));
    const results = await Promise.all(Array.from({ length: 5 }, () => events.map((event) => deliver(event))).flat());
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.status === "received")).toHaveLength(3);
    expect(results.filter((r) => r.body.status === "duplicate")).toHaveLength(12);
    expect(results.map((r) => ("state" in r ? `${r.state}: ${r.outcome}` : r.status))).toEqual(Array(15).fill("processed: null"));
    await expectBookedOnce(donation.id, org.account, chargeId);
  });

  it("takes charge events about payments that are not donations, writing nothing", async () => {
    const org = await connectedOrganisation();
    const intent = await stripeSdk.paymentIntents.create(
      { amount: 1500, currency: "eur", automatic_payment_methods: { enabled: true } },
      { stripeAccount: org.account, idempotencyKey: `not-a-donation-${org.account}` },
    );
    const chargeId = chargeIdOf(await payWithCard(intent.id, org.account));
    await control.capture(chargeId);
    for (const type of ["charge.succeeded", "charge.updated"]) {
      expect(await deliver(await eventOf(org.account, type, chargeId))).toMatchObject({ status: 200, state: "ignored", outcome: "not a payment of Amply's" });
    }
    expect(await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id))).toMatchObject({
      status: 200,
      state: "ignored",
      outcome: "not a payment of Amply's (no donation id in its metadata)",
    });
    expect(await db.ledgerEntry.count({ where: { stripeObjectId: chargeId } })).toBe(0);
  });

  it("refuses charge events whose account does not own the charge, writing nothing", async () => {
    const { org, donation, chargeId } = await paidWithCaptureHeld();
    const other = await connectedOrganisation();
    await control.capture(chargeId);
    const updated = await eventOf(org.account, "charge.updated", chargeId);
    const succeeded = await eventOf(org.account, "charge.succeeded", chargeId);
    for (const event of [updated, succeeded]) {
      expect(await deliver({ ...event, id: `${event.id}_other`, account: other.account })).toMatchObject({ status: 200, state: "rejected" });
      expect(await deliver({ ...event, id: `${event.id}_platform`, account: undefined })).toMatchObject({ status: 200, state: "rejected" });
    }
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "pending", stripeChargeId: null });
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id } })).toBe(0);
  });
});
