// A donation's final status is a function of the facts recorded, never of the order events
// arrived in. First the case that broke (a refund and a dispute of one paid gift), through the
// sandbox and the webhook route in every order; then every order of scenarios up to six events,
// and longer random histories, applied by the inbox processor from signed payloads alone (the
// account is no longer connected, so nothing is read back from Stripe and each event's own, possibly
// older, copy of the object is all there is).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { ingestStripeEvent } from "@/lib/webhooks/ingest-stripe-event";
import { drainInbox } from "@/lib/webhooks/inbox";
import { chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, eventOf, payWithCard, type SandboxEvent } from "../support/fixtures";

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe("a paid gift, refunded 10.00 and disputed, through the sandbox", () => {
  it.each(permutations(["payment_intent.succeeded", "charge.refunded", "charge.dispute.created"]).map((order) => [order.join(" -> "), order]))(
    "ends disputed with 10.00 refunded: %s",
    async (_label, order) => {
      const org = await connectedOrganisation();
      const { donation, intent } = await donationWithIntent(org, { amount: 5000, currency: "eur" });
      const chargeId = chargeIdOf(await payWithCard(intent.id, org.account));
      await control.refund(chargeId, 1000);
      const dispute = await control.dispute(chargeId);
      const objectOf: Record<string, string> = { "payment_intent.succeeded": intent.id, "charge.refunded": chargeId, "charge.dispute.created": dispute.id };
      for (const type of order) expect((await deliver(await eventOf(org.account, type, objectOf[type]))).status).toBe(200);
      expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "disputed", refundedAmount: 1000n });
    },
  );
});

// --- Scenarios from payloads alone -----------------------------------------------------------

type Fact =
  | { kind: "paid" }
  | { kind: "processing" }
  | { kind: "failed" }
  | { kind: "refund"; refund: number; amount: number; status: "pending" | "succeeded" | "failed" | "canceled" }
  | { kind: "dispute"; status: "needs_response" | "under_review" | "won" | "lost" };

let sequence = 0;

/** A donation charged on an account no organisation has connected any more. */
/**
 * `count` of them, 20 at a time: all 720 at once queued for the pool's few connections longer than
 * a connection may be waited for (5 s) on a busy machine, and the setup, not the code, failed.
 */
async function donationsOnFormerAccounts(count: number, chargedAmount: number) {
  const made: Awaited<ReturnType<typeof donationOnFormerAccount>>[] = [];
  while (made.length < count) {
    made.push(...(await Promise.all(Array.from({ length: Math.min(20, count - made.length) }, () => donationOnFormerAccount(chargedAmount)))));
  }
  return made;
}

async function donationOnFormerAccount(chargedAmount: number) {
  const id = `facts_${process.pid}_${++sequence}_${Date.now()}`;
  const organisation = await db.organisation.create({
    data: {
      slug: `org-${id}`.replace(/_/g, "-"),
      name: "Former Charity",
      email: `${id}@charity.example`,
      country: "DE",
      defaultCurrency: "EUR",
      acceptedCurrencies: ["EUR"],
    },
  });
  const account = `acct_${id}`;
  const donation = await db.donation.create({
    data: {
      id: `don_${id}`,
      organisationId: organisation.id,
      stripeAccountId: account,
      amount: BigInt(chargedAmount),
      chargedAmount: BigInt(chargedAmount),
      currency: "EUR",
      stripePaymentIntentId: `pi_${id}`,
      stripeChargeId: `ch_${id}`,
    },
  });
  return { id, account, donation };
}

/** The event Stripe would send for a fact, its object as it was then. */
function eventFor(target: { id: string; account: string; donation: { id: string } }, fact: Fact, index: number): Stripe.Event {
  const base = { payment_intent: `pi_${target.id}`, charge: `ch_${target.id}`, currency: "eur" };
  const intent = (status: string) => ({
    id: `pi_${target.id}`,
    object: "payment_intent",
    status,
    metadata: { donation_id: target.donation.id },
    latest_charge: `ch_${target.id}`,
  });
  const [type, object]: [string, Record<string, unknown>] =
    fact.kind === "paid"
      ? ["payment_intent.succeeded", intent("succeeded")]
      : fact.kind === "processing"
        ? ["payment_intent.processing", intent("processing")]
        : fact.kind === "failed"
          ? ["payment_intent.payment_failed", { ...intent("requires_payment_method"), last_payment_error: { message: "Your card was declined." } }]
          : fact.kind === "refund"
            ? [
                fact.status === "failed" ? "refund.failed" : fact.status === "pending" ? "refund.created" : "refund.updated",
                {
                  id: `re_${target.id}_${fact.refund}`,
                  object: "refund",
                  amount: fact.amount,
                  status: fact.status,
                  reason: null,
                  balance_transaction: `txn_${index}`,
                  ...base,
                },
              ]
            : [
                fact.status === "needs_response"
                  ? "charge.dispute.created"
                  : fact.status === "under_review"
                    ? "charge.dispute.updated"
                    : "charge.dispute.closed",
                { id: `dp_${target.id}`, object: "dispute", amount: 3000, status: fact.status, reason: "fraudulent", balance_transactions: [], ...base },
              ];
  return {
    id: `evt_${target.id}_${index}`,
    object: "event",
    type,
    account: target.account,
    api_version: "2026-10-28.endive",
    created: 1_800_000_000 + index,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  } as unknown as Stripe.Event;
}

/**
 * Apply several histories side by side (each its own donation): round by round, the next event of
 * every history is recorded, then the inbox drained, so each history's events apply in its order.
 */
async function applyHistories(histories: Stripe.Event[][]) {
  const rounds = Math.max(...histories.map((history) => history.length));
  for (let round = 0; round < rounds; round++) {
    const events = histories.map((history) => history[round]).filter((event): event is Stripe.Event => event !== undefined);
    for (let i = 0; i < events.length; i += 50) await Promise.all(events.slice(i, i + 50).map((event) => ingestStripeEvent(event, JSON.stringify(event))));
    await drainInbox({ concurrency: 6, batch: 100 });
  }
  const ids = histories.flat().map((event) => event.id);
  const unsettled = await db.stripeEvent.findMany({
    where: { id: { in: ids }, state: { not: "processed" } },
    select: { id: true, state: true, outcome: true },
  });
  expect(unsettled).toEqual([]);
}

/**
 * The rule, written independently of the code: a refund counts at the furthest status any of its
 * events reported (pending < succeeded < failed | canceled), a dispute likewise (open < under
 * review < closed), the payment at its furthest (succeeded beats all, processing beats failed...).
 */
function expectedStatus(chargedAmount: number, facts: Fact[]) {
  const refundRank = { pending: 0, succeeded: 1, failed: 2, canceled: 2 } as const;
  const disputeRank = { needs_response: 0, under_review: 1, won: 2, lost: 2 } as const;
  const refunds = new Map<number, Extract<Fact, { kind: "refund" }>>();
  let dispute: Extract<Fact, { kind: "dispute" }> | undefined;
  for (const fact of facts) {
    if (fact.kind === "refund") {
      const known = refunds.get(fact.refund);
      if (!known || refundRank[fact.status] >= refundRank[known.status]) refunds.set(fact.refund, fact);
    } else if (fact.kind === "dispute" && (!dispute || disputeRank[fact.status] >= disputeRank[dispute.status])) dispute = fact;
  }
  const payment = facts.some((f) => f.kind === "paid")
    ? "succeeded"
    : facts.some((f) => f.kind === "processing")
      ? "processing"
      : facts.some((f) => f.kind === "failed")
        ? "failed"
        : "pending";
  const refunded = [...refunds.values()].filter((r) => r.status === "pending" || r.status === "succeeded").reduce((sum, r) => sum + r.amount, 0);
  const status =
    refunded > 0 && refunded >= chargedAmount ? "refunded" : dispute && dispute.status !== "won" ? "disputed" : refunded > 0 ? "partially_refunded" : payment;
  return { status, refundedAmount: BigInt(refunded) };
}

const SCENARIOS: Record<string, Fact[]> = {
  "paid, refunded 10.00, disputed": [
    { kind: "paid" },
    { kind: "refund", refund: 1, amount: 1000, status: "succeeded" },
    { kind: "dispute", status: "needs_response" },
  ],
  "paid, a refund that fails after succeeding, a dispute won (six events)": [
    { kind: "paid" },
    { kind: "refund", refund: 1, amount: 1000, status: "pending" },
    { kind: "refund", refund: 1, amount: 1000, status: "succeeded" },
    { kind: "refund", refund: 1, amount: 1000, status: "failed" },
    { kind: "dispute", status: "needs_response" },
    { kind: "dispute", status: "won" },
  ],
  "SEPA: processing, paid, refunded in full in two parts, disputed and lost": [
    { kind: "processing" },
    { kind: "paid" },
    { kind: "refund", refund: 1, amount: 2000, status: "succeeded" },
    { kind: "refund", refund: 2, amount: 3000, status: "pending" },
    { kind: "dispute", status: "lost" },
  ],
  "a declined attempt, then paid on retry, a refund canceled": [
    { kind: "failed" },
    { kind: "paid" },
    { kind: "refund", refund: 1, amount: 5000, status: "pending" },
    { kind: "refund", refund: 1, amount: 5000, status: "canceled" },
  ],
};

describe("every order of scenarios up to six events, from payloads alone", () => {
  it.each(Object.entries(SCENARIOS))("%s: the same end in every order", { timeout: 300_000 }, async (_name, facts) => {
    const expected = expectedStatus(5000, facts);
    const orders = permutations(facts.map((_, index) => index));
    const targets = await donationsOnFormerAccounts(orders.length, 5000);
    await applyHistories(
      orders.map((order, n) => {
        const events = facts.map((fact, index) => eventFor(targets[n] as Awaited<ReturnType<typeof donationOnFormerAccount>>, fact, index));
        return order.map((index) => events[index] as Stripe.Event);
      }),
    );
    const stored = await db.donation.findMany({ where: { id: { in: targets.map((t) => t.donation.id) } }, select: { status: true, refundedAmount: true } });
    expect(stored).toHaveLength(orders.length);
    expect([...new Set(stored.map((d) => `${d.status} ${d.refundedAmount}`))]).toEqual([`${expected.status} ${expected.refundedAmount}`]);
  });
});

describe("longer histories, in random orders", () => {
  it("end where the facts say", { timeout: 300_000 }, async () => {
    const fact = (disputeEnd: "won" | "lost") =>
      fc.oneof(
        fc.constant<Fact>({ kind: "paid" }),
        fc.constant<Fact>({ kind: "processing" }),
        fc.constant<Fact>({ kind: "failed" }),
        fc
          .record({
            kind: fc.constant("refund" as const),
            refund: fc.integer({ min: 1, max: 3 }),
            status: fc.constantFrom("pending" as const, "succeeded" as const, "failed" as const, "canceled" as const),
          })
          .map((refund): Fact => ({ ...refund, amount: 1000 + 500 * refund.refund })),
        // A dispute ends one way only.
        fc.constantFrom<Fact>(
          { kind: "dispute", status: "needs_response" },
          { kind: "dispute", status: "under_review" },
          { kind: "dispute", status: disputeEnd },
        ),
      );
    const history = fc
      .constantFrom("won" as const, "lost" as const)
      .chain((end) => fc.array(fact(end), { minLength: 7, maxLength: 12 }))
      .filter(
        (facts) =>
          facts.some((f) => f.kind === "paid") &&
          !facts.some(
            (f, i) =>
              f.kind === "refund" &&
              f.status === "canceled" &&
              facts.some((g, j) => j !== i && g.kind === "refund" && g.refund === f.refund && g.status === "failed"),
          ),
      );
    // Drawn up front from a fixed seed, then applied side by side.
    const drawn = fc.sample(fc.tuple(history, fc.func(fc.integer())), { seed: 20261129, numRuns: 200 });
    const targets = await donationsOnFormerAccounts(drawn.length, 5000);
    await applyHistories(
      drawn.map(([facts, key], n) => {
        const events = facts.map((f, index) => eventFor(targets[n] as Awaited<ReturnType<typeof donationOnFormerAccount>>, f, index));
        return events
          .map((event, index) => ({ event, rank: key(index) }))
          .sort((a, b) => a.rank - b.rank)
          .map((s) => s.event);
      }),
    );
    for (const [n, [facts]] of drawn.entries()) {
      const stored = await db.donation.findUniqueOrThrow({ where: { id: (targets[n] as { donation: { id: string } }).donation.id } });
      expect({ history: facts, status: stored.status, refundedAmount: stored.refundedAmount }).toEqual({ history: facts, ...expectedStatus(5000, facts) });
    }
  });
});

export type { SandboxEvent };
