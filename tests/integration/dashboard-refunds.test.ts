// Refunds from the dashboard (POST /api/organisations/[orgId]/donations/[donationId]/refunds) against
// real PostgreSQL and the sandbox: roles, what is left to refund (under concurrency), two identical
// requests, refusals explained, bank transfers, and the webhook that records the refund.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { markDisconnected } = await import("@/lib/organisations/disconnect-stripe");
const { POST: refundRoute } = await import("@/app/api/organisations/[orgId]/donations/[donationId]/refunds/route");
const { refundAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/donations/[donationId]/actions");
const { chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, eventOf, eventsFor, payWithCard, person, stripeSdk } =
  await import("../support/fixtures");

type User = { id: string; email: string };
let admin: User;
let owner: User;
let viewer: User;
let stranger: User;

beforeAll(async () => {
  [admin, owner, viewer, stranger] = await Promise.all([person("admin"), person("owner"), person("viewer"), person("stranger")]);
});

/** A paid card donation of an organisation with an owner, an admin and a viewer; its success recorded. */
async function paidDonation(amount = 10_000) {
  const org = await connectedOrganisation();
  await db.membership.createMany({
    data: [
      { userId: owner.id, organisationId: org.organisation.id, role: "owner" },
      { userId: admin.id, organisationId: org.organisation.id, role: "admin" },
      { userId: viewer.id, organisationId: org.organisation.id, role: "viewer" },
    ],
  });
  const { donation, intent, donor } = await donationWithIntent(org, { amount, currency: "eur" });
  const charge = chargeIdOf(await payWithCard(intent.id, org.account));
  expect(await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id))).toMatchObject({ state: "processed" });
  return { org, donation, charge, donor };
}

type Answer = { status: number; body: Record<string, unknown> & { error?: { message: string; reason?: string; fields?: Record<string, string[]> } } };

async function refund(who: User | null, orgId: string, donationId: string, body: Record<string, unknown>, origin = "http://localhost:3000"): Promise<Answer> {
  session.user = who;
  const request = new Request(`http://localhost:3000/api/organisations/${orgId}/donations/${donationId}/refunds`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(body),
  });
  const response = await refundRoute(request, { params: Promise.resolve({ orgId, donationId }) });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** Deliver every refund event of the account not yet delivered. */
async function deliverRefundEvents(account: string) {
  for (const event of await eventsFor(account)) {
    if (event.type === "refund.created" || event.type === "charge.refunded") expect((await deliver(event)).status).toBe(200);
  }
}

const stripeRefunds = async (account: string, charge: string) => (await stripeSdk.refunds.list({ charge, limit: 100 }, { stripeAccount: account })).data;

describe("who may refund", () => {
  it("refuses a viewer, a stranger, a foreign Origin and someone signed out, creating nothing", async () => {
    const { org, donation, charge } = await paidDonation();
    const body = { amount: "10.00", reason: "requested_by_customer" };
    expect(await refund(viewer, org.organisation.id, donation.id, body)).toMatchObject({ status: 403 });
    expect(await refund(stranger, org.organisation.id, donation.id, body)).toMatchObject({ status: 403 });
    expect(await refund(null, org.organisation.id, donation.id, body)).toMatchObject({ status: 401 });
    expect(await refund(admin, org.organisation.id, donation.id, body, "http://evil.example")).toMatchObject({ status: 403 });
    expect(await db.refundRequest.count({ where: { donationId: donation.id } })).toBe(0);
    expect(await stripeRefunds(org.account, charge)).toEqual([]);
  });

  it("answers 404 for another organisation's donation, even to an owner of both", async () => {
    const first = await paidDonation();
    const second = await paidDonation();
    const answer = await refund(owner, first.org.organisation.id, second.donation.id, { reason: "duplicate" });
    expect(answer.status).toBe(404);
    expect(await stripeRefunds(second.org.account, second.charge)).toEqual([]);
  });
});

describe("the dashboard's refund form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it("refuses a viewer, keeps what an admin typed on an error, and refunds on a valid request", async () => {
    const { org, donation, charge } = await paidDonation();
    const fields = { organisationId: org.organisation.id, donationId: donation.id, amount: "500", reason: "requested_by_customer", note: "typed" };
    session.user = viewer;
    expect((await refundAction({}, form(fields))).error).toContain("admin");
    session.user = admin;
    const tooMuch = await refundAction({}, form(fields));
    expect(tooMuch.fieldErrors?.amount).toContain("You can refund at most €100.00");
    expect(tooMuch.values).toMatchObject({ amount: "500", note: "typed" });
    const done = await refundAction({}, form({ ...fields, amount: "7.25" }));
    expect(done.ok).toBe(true);
    expect(done.message).toContain("€7.25");
    expect((await stripeRefunds(org.account, charge)).map((r) => r.amount)).toEqual([725]);
  });
});

describe("a partial refund", () => {
  it("goes to Stripe on the donation's account with a key from the request, shows pending, and the webhook records it and emails the donor", async () => {
    const { org, donation, charge, donor } = await paidDonation();
    const answer = await refund(admin, org.organisation.id, donation.id, { amount: "25.50", reason: "requested_by_customer", note: "Asked by phone" });
    expect(answer).toMatchObject({ status: 201, body: { status: "succeeded" } });
    const request = await db.refundRequest.findFirstOrThrow({ where: { donationId: donation.id } });
    expect(request).toMatchObject({ status: "submitted", amount: 2550n, requestedById: admin.id, note: "Asked by phone", stripeAccountId: org.account });
    const [created] = await stripeRefunds(org.account, charge);
    expect(created).toMatchObject({ amount: 2550, reason: "requested_by_customer", metadata: { refund_request_id: request.id, donation_id: donation.id } });
    const event = await eventOf(org.account, "refund.created", created?.id);
    expect((event as unknown as { request: { idempotency_key: string } }).request.idempotency_key).toBe(`refund-request:${request.id}`);
    // Nothing recorded before the webhook.
    expect(await db.refund.count({ where: { donationId: donation.id } })).toBe(0);

    await deliverRefundEvents(org.account);
    expect(await db.refundRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "recorded", stripeRefundId: created?.id });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "partially_refunded", refundedAmount: 2550n });
    const mails = await db.outboxEmail.findMany({ where: { to: donor.email, kind: "refund" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("€25.50");
  });

  it("two identical partial refunds are two refunds", async () => {
    const { org, donation, charge } = await paidDonation();
    for (let i = 0; i < 2; i++) expect((await refund(admin, org.organisation.id, donation.id, { amount: "10", reason: "duplicate" })).status).toBe(201);
    expect((await stripeRefunds(org.account, charge)).map((r) => r.amount)).toEqual([1000, 1000]);
    await deliverRefundEvents(org.account);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ refundedAmount: 2000n });
  });

  it("an empty amount refunds all that is left", async () => {
    const { org, donation, charge } = await paidDonation(4000);
    expect((await refund(owner, org.organisation.id, donation.id, { amount: "15", reason: "requested_by_customer" })).status).toBe(201);
    expect((await refund(owner, org.organisation.id, donation.id, { amount: "", reason: "requested_by_customer" })).status).toBe(201);
    expect((await stripeRefunds(org.account, charge)).map((r) => r.amount).sort()).toEqual([1500, 2500]);
  });
});

describe("what is left to refund", () => {
  it("refuses more than is left, counting requests still on their way, with the amount that is left", async () => {
    const { org, donation, charge } = await paidDonation(5000);
    expect((await refund(admin, org.organisation.id, donation.id, { amount: "30", reason: "requested_by_customer" })).status).toBe(201);
    // Not yet recorded by the webhook: still held.
    const over = await refund(admin, org.organisation.id, donation.id, { amount: "20.01", reason: "requested_by_customer" });
    expect(over).toMatchObject({ status: 422, body: { error: { reason: "more_than_left", fields: { amount: [expect.stringContaining("€20.00")] } } } });
    await deliverRefundEvents(org.account);
    const again = await refund(admin, org.organisation.id, donation.id, { amount: "20.01", reason: "requested_by_customer" });
    expect(again).toMatchObject({ status: 422, body: { error: { reason: "more_than_left" } } });
    expect((await stripeRefunds(org.account, charge)).map((r) => r.amount)).toEqual([3000]);
  });

  it("lets only as many concurrent requests through as the donation covers", async () => {
    const { org, donation, charge } = await paidDonation(10_000);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => refund(admin, org.organisation.id, donation.id, { amount: "40", reason: "requested_by_customer" })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 422, 422, 422, 422]);
    expect((await stripeRefunds(org.account, charge)).map((r) => r.amount)).toEqual([4000, 4000]);
  });

  it("refuses amounts that are not amounts", async () => {
    const { org, donation } = await paidDonation();
    for (const amount of ["-5", "abc", "0", "1.234"]) {
      const answer = await refund(admin, org.organisation.id, donation.id, { amount, reason: "requested_by_customer" });
      expect(answer.status, amount).toBe(422);
      expect(answer.body.error?.fields?.amount, amount).toBeDefined();
    }
    expect((await refund(admin, org.organisation.id, donation.id, { amount: "5", reason: "because" })).status).toBe(422);
    expect(await db.refundRequest.count({ where: { donationId: donation.id } })).toBe(0);
  });
});

describe("refusals", () => {
  it("a disputed charge: refused with an explanation, whether Amply or only Stripe knows of the dispute yet", async () => {
    const { org, donation, charge } = await paidDonation();
    const dispute = await control.dispute(charge);
    // Stripe knows; the event has not arrived.
    const early = await refund(admin, org.organisation.id, donation.id, { amount: "5", reason: "requested_by_customer" });
    expect(early).toMatchObject({ status: 409, body: { error: { reason: "charge_disputed" } } });
    expect(early.body.error?.message).toContain("disputed");
    expect(await db.refundRequest.findFirstOrThrow({ where: { donationId: donation.id } })).toMatchObject({ status: "refused" });
    expect(await deliver(await eventOf(org.account, "charge.dispute.created", dispute.id))).toMatchObject({ state: "processed" });
    const late = await refund(admin, org.organisation.id, donation.id, { amount: "5", reason: "requested_by_customer" });
    expect(late).toMatchObject({ status: 409, body: { error: { reason: "charge_disputed" } } });
    expect(await stripeRefunds(org.account, charge)).toEqual([]);
    // A refused request holds nothing: the whole amount is still there to refund once the dispute ends.
    expect(await db.refundRequest.count({ where: { donationId: donation.id, status: { in: ["submitting", "submitted"] } } })).toBe(0);
  });

  it("a donation of an account the organisation has since disconnected (and replaced)", async () => {
    const { org, donation, charge } = await paidDonation();
    await db.$transaction((tx) => markDisconnected(tx, org.organisation.id));
    const other = await control.createAccount({ country: "DE", ready: true });
    await db.organisation.update({ where: { id: org.organisation.id }, data: { stripeAccountId: other.id } });
    const answer = await refund(admin, org.organisation.id, donation.id, { amount: "5", reason: "requested_by_customer" });
    expect(answer).toMatchObject({ status: 409, body: { error: { reason: "account_disconnected" } } });
    expect(answer.body.error?.message).toContain("no longer connected");
    expect(await stripeRefunds(org.account, charge)).toEqual([]);
  });

  it("a donation not paid", async () => {
    const org = await connectedOrganisation();
    await db.membership.create({ data: { userId: admin.id, organisationId: org.organisation.id, role: "admin" } });
    const { donation } = await donationWithIntent(org, { amount: 1000, currency: "eur" });
    expect(await refund(admin, org.organisation.id, donation.id, { reason: "duplicate" })).toMatchObject({
      status: 409,
      body: { error: { reason: "not_paid" } },
    });
  });
});

/** Turn a paid donation into a paid bank transfer, in Amply and on the sandbox; the transfer's charge. */
async function asBankTransfer(org: { account: string }, donationId: string, email: string | null) {
  const customer = await stripeSdk.customers.create(email ? { email } : {}, { stripeAccount: org.account });
  const intent = await stripeSdk.paymentIntents.create(
    {
      amount: 3000,
      currency: "eur",
      customer: customer.id,
      confirm: true,
      allowed_payment_method_types: ["customer_balance"],
      payment_method_data: { type: "customer_balance" },
      payment_method_options: {
        customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } } },
      },
      metadata: { donation_id: donationId },
    },
    { stripeAccount: org.account },
  );
  await control.fund(customer.id, 3000, "eur");
  const transferCharge = chargeIdOf(await stripeSdk.paymentIntents.retrieve(intent.id, undefined, { stripeAccount: org.account }));
  await db.donation.update({
    where: { id: donationId },
    data: {
      method: "bank_transfer",
      stripePaymentIntentId: intent.id,
      stripeChargeId: transferCharge,
      chargedAmount: 3000n,
      amount: 3000n,
      ...(email ? {} : { donorId: null }),
    },
  });
  return transferCharge;
}

describe("a bank-transfer donation", () => {
  it("goes back to the donor's cash balance when Amply has no email to give Stripe, and the answer says so", async () => {
    const { org, donation } = await paidDonation();
    const transferCharge = await asBankTransfer(org, donation.id, null);
    const answer = await refund(admin, org.organisation.id, donation.id, { amount: "5", reason: "requested_by_customer" });
    expect(answer).toMatchObject({ status: 201, body: { status: "succeeded", destination: "customer_cash_balance" } });
    expect(await db.refundRequest.findFirstOrThrow({ where: { donationId: donation.id } })).toMatchObject({ stripeDestination: "customer_cash_balance" });
    expect((await stripeRefunds(org.account, transferCharge)).map((r) => r.amount)).toEqual([500]);
  });

  it("waits for the donor's bank details, which Stripe asks for by email, and the donor hears from the organisation too", async () => {
    const { org, donation, charge, donor } = await paidDonation();
    const transferCharge = await asBankTransfer(org, donation.id, donor.email);
    expect(charge).not.toBe(transferCharge);

    const answer = await refund(admin, org.organisation.id, donation.id, { amount: "12", reason: "requested_by_customer" });
    expect(answer).toMatchObject({ status: 201, body: { status: "requires_action", destination: "eu_bank_transfer" } });
    const [created] = await stripeRefunds(org.account, transferCharge);
    expect(created?.next_action?.display_details?.email_sent.email_sent_to).toBe(donor.email);

    await deliverRefundEvents(org.account);
    expect(await db.refund.findFirstOrThrow({ where: { stripeRefundId: created?.id } })).toMatchObject({ status: "requires_action", amount: 1200n });
    expect(await db.outboxEmail.count({ where: { to: donor.email, kind: "refund_bank_details" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: donor.email, kind: "refund" } })).toBe(0);
  });
});
