// The webhook inbox: what the route records, and how the worker applies it - exactly once,
// without Stripe for what it already has, after the donation row exists, for accounts that have
// left, and for events rendered at another API version.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { markDisconnected } from "@/lib/organisations/disconnect-stripe";
import { stripe } from "@/lib/stripe/client";
import { deauthorizeAccount } from "@/lib/stripe/deauthorize-account";
import { defineHandler, type WebhookHandler } from "@/lib/webhooks/define-handler";
import { claimEvents, drainInbox, processClaimed } from "@/lib/webhooks/inbox";
import { ingestStripeEvent } from "@/lib/webhooks/ingest-stripe-event";
import { retryEvent } from "@/lib/webhooks/inbox-operations";
import { captured, chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, eventOf, ingest, payWithCard, unique } from "../support/fixtures";

afterEach(() => vi.restoreAllMocks());

/** Every Stripe API call this process makes from now on. */
function countStripeCalls() {
  const calls: string[] = [];
  const client = stripe();
  for (const [name, resource] of Object.entries({
    charges: client.charges,
    paymentIntents: client.paymentIntents,
    refunds: client.refunds,
    disputes: client.disputes,
    accounts: client.accounts,
  })) {
    const original = resource.retrieve.bind(resource) as (...args: unknown[]) => unknown;
    vi.spyOn(resource, "retrieve").mockImplementation(((...args: unknown[]) => {
      calls.push(`${name}.retrieve`);
      return original(...args);
    }) as never);
  }
  const list = client.refunds.list.bind(client.refunds) as (...args: unknown[]) => unknown;
  vi.spyOn(client.refunds, "list").mockImplementation(((...args: unknown[]) => {
    calls.push("refunds.list");
    return list(...args);
  }) as never);
  return calls;
}

describe("the route", () => {
  it("records a verified event in one statement and answers before applying it", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 2000, currency: "eur" });
    await payWithCard(intent.id, org.account);
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    const calls = countStripeCalls();
    expect(await ingest(event)).toEqual({ status: 200, body: { status: "received" } });
    expect(await ingest(event)).toEqual({ status: 200, body: { status: "duplicate" } });
    expect(calls).toEqual([]);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      state: "pending",
      type: "payment_intent.succeeded",
      account: org.account,
      orderingKey: `${org.account}/${intent.id}`,
    });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "pending" });
  });
});

describe("Stripe is not asked again", () => {
  it("about an event already applied: a redelivery makes no Stripe call", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 2500, currency: "eur" });
    await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    expect(await deliver(event)).toMatchObject({ status: 200, state: "processed" });
    const calls = countStripeCalls();
    for (let i = 0; i < 3; i++) expect(await deliver(event)).toMatchObject({ status: 200, body: { status: "duplicate" }, state: "processed" });
    expect(calls).toEqual([]);
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id } })).toBe(1);
  });

  it("about an account that has disconnected: a dispute's close applies from its signed payload, once", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 4000, currency: "eur" });
    const chargeId = chargeIdOf(await payWithCard(intent.id, org.account));
    const dispute = await control.dispute(chargeId);
    expect(await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id))).toMatchObject({ state: "processed" });
    expect(await deliver(await eventOf(org.account, "charge.dispute.created", dispute.id))).toMatchObject({ state: "processed" });
    expect(await db.dispute.findUniqueOrThrow({ where: { stripeDisputeId: dispute.id } })).toMatchObject({ status: "needs_response" });

    // The organisation revokes Amply's access; Stripe still sends the dispute's end.
    await deauthorizeAccount(org.account);
    await db.$transaction((tx) => markDisconnected(tx, org.organisation.id));
    await control.closeDispute(dispute.id, "lost");
    const calls = countStripeCalls();
    const closed = await deliver(await eventOf(org.account, "charge.dispute.closed", dispute.id));
    expect(closed).toMatchObject({ status: 200, state: "processed" });
    expect(calls).toEqual([]);
    expect(await db.dispute.findUniqueOrThrow({ where: { stripeDisputeId: dispute.id } })).toMatchObject({ status: "lost" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "disputed" });
    // What needs a read it cannot make is recorded as ignored, with the reason, and never retried.
    const payout = await deliver(
      await eventOf(org.account, "charge.dispute.closed", dispute.id).then((e) => ({
        ...e,
        id: `${e.id}_payout`,
        type: "payout.paid",
        data: { object: { id: "po_gone", object: "payout" } },
      })),
    );
    expect(payout).toMatchObject({ status: 200, state: "ignored", outcome: "not a payout of a connected account" });
  });
});

describe("a step whose donation is not stored yet", () => {
  it.each(["payment_intent.processing", "payment_intent.payment_failed"] as const)("%s waits for the donation, then applies", async (type) => {
    const org = await connectedOrganisation();
    const donationId = unique("don_later");
    const intentId = unique("pi_later");
    const event = {
      id: unique("evt_before_row"),
      object: "event",
      type,
      account: org.account,
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          id: intentId,
          object: "payment_intent",
          status: type === "payment_intent.processing" ? "processing" : "requires_payment_method",
          metadata: { donation_id: donationId },
          last_payment_error: type === "payment_intent.payment_failed" ? { message: "The bank refused the debit." } : null,
        },
      },
    };
    const first = await deliver(event);
    expect(first).toMatchObject({ status: 200, state: "pending", outcome: `donation ${donationId} is not recorded yet` });

    // The donation page's request commits its row a moment later.
    await db.donation.create({
      data: {
        id: donationId,
        organisationId: org.organisation.id,
        stripeAccountId: org.account,
        amount: 1000n,
        chargedAmount: 1000n,
        currency: "EUR",
        stripePaymentIntentId: intentId,
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the first retry is due after a second
    await drainInbox();
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ state: "processed", attempts: 2 });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donationId } })).toMatchObject(
      type === "payment_intent.processing" ? { status: "processing" } : { status: "failed", failureMessage: "The bank refused the debit." },
    );
  });

  it("is parked as failed after its last attempt, and replayed on request", async () => {
    const org = await connectedOrganisation();
    const event = {
      id: unique("evt_never"),
      object: "event",
      type: "payment_intent.processing",
      account: org.account,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: unique("pi_never"), object: "payment_intent", metadata: { donation_id: unique("don_never") } } },
    };
    await ingest(event);
    await db.stripeEvent.update({ where: { id: event.id }, data: { attempts: 14 } });
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    expect(await drainInbox()).toMatchObject({ failed: 1 });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ state: "failed", attempts: 15 });
    const { GET } = await import("@/app/api/health/webhooks/route");
    const health = (await (await GET(new Request("http://localhost:3000/api/health/webhooks"))).json()) as { failed: number; backlog: number };
    expect(health.failed).toBeGreaterThanOrEqual(1);
    expect(await retryEvent(event.id)).toBe(true);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ state: "pending", attempts: 0 });
    expect(await retryEvent(event.id)).toBe(true);
    await db.stripeEvent.update({ where: { id: event.id }, data: { state: "ignored" } });
    expect(await retryEvent(event.id)).toBe(false);
  });
});

describe("exactly once is the processor's, not the handler's", () => {
  /** A handler whose only effect is a row per call: any write on a duplicate shows. */
  let shape: "apply" | "statement" = "apply";
  /** A handler whose only effect is a row per call, written through the ORM or as one statement. */
  function countingHandler(gate?: Promise<void>): WebhookHandler<Stripe.Event, unknown> {
    const prepare = async () => {
      await gate;
      return undefined;
    };
    const write = (event: Stripe.Event) =>
      Prisma.sql`INSERT INTO "RateLimitBucket" (key, "windowStart", count) VALUES (${`applied:${event.id}:${Math.random()}`}, NOW(), 1)`;
    return shape === "apply"
      ? defineHandler<Stripe.Event, unknown>({ prepare, apply: async (tx, event) => void (await tx.$executeRaw(write(event))) })
      : defineHandler<Stripe.Event, unknown>({ prepare, statement: (event) => write(event) });
  }
  const applied = (eventId: string) => db.rateLimitBucket.count({ where: { key: { startsWith: `applied:${eventId}:` } } });
  const syntheticEvent = () => ({
    id: unique("evt_guard"),
    object: "event",
    type: "test.guard",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { id: unique("obj") } },
  });

  for (const handlerShape of ["apply", "statement"] as const) {
    describe(`a handler with ${handlerShape === "apply" ? "an apply function" : "one statement"}`, () => {
      beforeEach(() => {
        shape = handlerShape;
      });

      it("applies an event once however many workers drain at the same time", async () => {
        const event = syntheticEvent();
        await ingestStripeEvent(event as unknown as Stripe.Event, JSON.stringify(event));
        const handler = countingHandler();
        await Promise.all(Array.from({ length: 8 }, (_, i) => drainInbox({ workerId: `w${i}`, handlers: (e) => (e.id === event.id ? handler : undefined) })));
        expect(await applied(event.id)).toBe(1);
      });

      it("writes nothing for a worker whose lease lapsed while another applied the event", async () => {
        const event = syntheticEvent();
        await ingestStripeEvent(event as unknown as Stripe.Event, JSON.stringify(event));
        let release!: () => void;
        const slowStripe = new Promise<void>((resolve) => (release = resolve));
        const [slow] = await claimEvents("slow-worker", 1).then((claimed) => claimed.filter((c) => c.id === event.id));
        expect(slow).toBeDefined();
        const slowRun = processClaimed(slow as NonNullable<typeof slow>, "slow-worker", (e) => (e.id === event.id ? countingHandler(slowStripe) : undefined));
        // The slow worker's lease lapses; another takes the event over and applies it.
        await db.stripeEvent.update({ where: { id: event.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
        await drainInbox({ workerId: "fast-worker", handlers: (e) => (e.id === event.id ? countingHandler() : undefined) });
        expect(await applied(event.id)).toBe(1);
        release();
        expect(await slowRun).toBe("lost");
        expect(await applied(event.id)).toBe(1);
        expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ state: "processed", leaseOwner: null });
      });
    });
  }
});

describe("an event rendered at another API version", () => {
  it("is applied from its object read again at Amply's version", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 3100, currency: "eur" });
    await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    // As an endpoint pinned to an old version renders it: no latest_charge, charges listed instead.
    const { latest_charge: latestCharge, ...older } = event.data.object;
    const old = { ...event, api_version: "2022-08-01", data: { object: { ...older, charges: { object: "list", data: [{ id: latestCharge }] } } } };
    expect(await deliver(old)).toMatchObject({ status: 200, state: "processed" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded", stripeChargeId: latestCharge });
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id, type: "donation_received" } })).toBe(1);
  });
});
