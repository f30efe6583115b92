// Building blocks for integration tests: organisations connected to sandbox accounts, donations
// with their PaymentIntents, and signed deliveries of the sandbox's events to Amply's route.
import Stripe from "stripe";
import { inject } from "vitest";
import { SandboxControl } from "@/sandbox/client";
import { signPayload } from "@/sandbox/webhooks";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums.ts";
import { DEFAULT_FEE_RATES } from "@/lib/money/fees";
import { drainInbox } from "@/lib/webhooks/inbox";

export const control = new SandboxControl(inject("sandboxUrl"), "sk_test_sandbox_amply");

const sandboxUrl = new URL(inject("sandboxUrl"));
export const stripeSdk = new Stripe("sk_test_sandbox_amply", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
  maxNetworkRetries: 0,
});

let counter = 0;
export const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** A person who can sign in. */
export async function person(label: string) {
  const user = await db.user.create({ data: { email: `${unique(label)}@example.org` } });
  return { id: user.id, email: user.email };
}

/** An organisation (not connected to Stripe) with these members. */
export async function organisationWithMembers(members: Array<[{ id: string }, Role]>) {
  const slug = unique("org");
  return db.organisation.create({
    data: {
      slug,
      name: `Org ${slug}`,
      email: `${slug}@example.org`,
      country: "DE",
      defaultCurrency: "EUR",
      acceptedCurrencies: ["EUR"],
      memberships: { create: members.map(([user, role]) => ({ userId: user.id, role })) },
    },
  });
}

export async function connectedOrganisation(input: { country?: string; currencies?: string[]; ready?: boolean } = {}) {
  const account = await control.createAccount({
    country: input.country ?? "DE",
    business_name: "Test Charity",
    email: "finance@charity.example",
    ready: input.ready ?? true,
  });
  const slug = unique("org");
  const organisation = await db.organisation.create({
    data: {
      slug,
      name: `Charity ${slug}`,
      email: `${slug}@charity.example`,
      country: input.country ?? "DE",
      defaultCurrency: "EUR",
      acceptedCurrencies: input.currencies ?? ["EUR", "GBP", "USD", "CHF", "JPY"],
      stripeAccountId: account.id,
      stripeChargesEnabled: account.charges_enabled,
      stripeConnectedAt: new Date(),
      feeRates: { create: [...DEFAULT_FEE_RATES, { currency: "JPY", percentBps: 360, fixedMinor: 0 }] },
    },
  });
  return { organisation, account: account.id };
}

/** A pending donation and its PaymentIntent, created the way Amply creates them. */
export async function donationWithIntent(org: { organisation: { id: string }; account: string }, input: { amount: number; currency: string; email?: string }) {
  const donor = await db.donor.create({
    data: { organisationId: org.organisation.id, email: input.email ?? `${unique("donor")}@example.org`, name: "Dana Donor" },
  });
  const donation = await db.donation.create({
    data: {
      organisationId: org.organisation.id,
      donorId: donor.id,
      donorName: donor.name,
      stripeAccountId: org.account,
      amount: BigInt(input.amount),
      chargedAmount: BigInt(input.amount),
      currency: input.currency.toUpperCase(),
    },
  });
  const intent = await stripeSdk.paymentIntents.create(
    {
      amount: input.amount,
      currency: input.currency.toLowerCase(),
      automatic_payment_methods: { enabled: true },
      metadata: { donation_id: donation.id, organisation_id: org.organisation.id },
    },
    { stripeAccount: org.account, idempotencyKey: `donation-${donation.id}` },
  );
  await db.donation.update({ where: { id: donation.id }, data: { stripePaymentIntentId: intent.id } });
  return { donation, donor, intent };
}

/** Pays with one of Stripe's test PaymentMethods (`pm_card_visa`, `pm_card_chargeDeclined`...), as server code must on Stripe. */
export function payWithCard(intentId: string, account: string, paymentMethod = "pm_card_visa") {
  return stripeSdk.paymentIntents.confirm(intentId, { payment_method: paymentMethod }, { stripeAccount: account });
}

/** The id of a confirmed payment's charge (`latest_charge` is an id unless expanded). */
export function chargeIdOf(intent: Stripe.PaymentIntent): string {
  if (typeof intent.latest_charge !== "string") throw new Error(`${intent.id} has no charge`);
  return intent.latest_charge;
}

export type SandboxEvent = {
  id: string;
  type: string;
  account?: string;
  livemode: boolean;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
};

/**
 * Wait for a paid charge's capture to complete on the sandbox (its balance transaction booked a
 * moment after the success, docs/stripe.md#asynchronous-capture) and return its `charge.updated`.
 */
export async function captured(account: string, chargeId: string, timeoutMs = 5000): Promise<SandboxEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await eventsFor(account, { type: "charge.updated", objectId: chargeId });
    const event = events.find((e) => e.data.previous_attributes && "balance_transaction" in e.data.previous_attributes);
    if (event) return event;
    if (Date.now() > deadline) throw new Error(`The capture of ${chargeId} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The sandbox's events for an account, oldest first, optionally only those about one object. */
export async function eventsFor(account: string, filter: { type?: string; objectId?: string } = {}): Promise<SandboxEvent[]> {
  const log = await control.events({ account, type: filter.type });
  return log.map((entry) => entry.event as unknown as SandboxEvent).filter((event) => !filter.objectId || event.data.object.id === filter.objectId);
}

export async function eventOf(account: string, type: string, objectId?: string): Promise<SandboxEvent> {
  const events = await eventsFor(account, { type, objectId });
  const event = events.at(-1);
  if (!event) throw new Error(`No ${type} event for ${objectId ?? account}`);
  return event;
}

export function signedRequest(
  body: string,
  options: { secret?: string; timestamp?: number; signature?: string | null; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-amply-client-address": "203.0.113.7", ...options.headers };
  const signature = options.signature === undefined ? signPayload(body, options.secret ?? "whsec_sandbox_connect", options.timestamp) : options.signature;
  if (signature !== null) headers["stripe-signature"] = signature;
  return new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers, body });
}

/** POST an event to the webhook route, as Stripe would: its answer, nothing applied yet. */
export async function ingest(event: SandboxEvent | Record<string, unknown>, options: Parameters<typeof signedRequest>[1] = {}) {
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  const response = await POST(signedRequest(JSON.stringify(event), options));
  return { status: response.status, body: (await response.json()) as { status?: string; error?: string } };
}

/**
 * Deliver an event and let the inbox apply it (`drainInbox`, as the worker would): the route's
 * answer, and how the event ended (`state`: processed, ignored, rejected, pending or failed).
 */
export async function deliver(event: SandboxEvent | Record<string, unknown>, options: Parameters<typeof signedRequest>[1] = {}) {
  const answer = await ingest(event, options);
  if (answer.status !== 200) return answer;
  // Until the event is settled or waits for a later retry: a concurrent delivery's drain may hold
  // it, or another event of its key.
  for (let waited = 0; ; waited += 20) {
    await drainInbox();
    const row = await db.stripeEvent.findUnique({
      where: { id: String(event.id) },
      select: { state: true, outcome: true, leaseUntil: true, nextAttemptAt: true },
    });
    const waiting = row?.state === "pending" && (row.leaseUntil !== null || row.nextAttemptAt.getTime() <= Date.now());
    if (!waiting || waited > 10_000) return { ...answer, state: row?.state, outcome: row?.outcome ?? null };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
