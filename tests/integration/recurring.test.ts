// Recurring gifts against real PostgreSQL and the sandbox: POST /api/donations with a frequency
// starts a subscription on the organisation's account (one product per account, one customer per
// donor and account, idempotent), and each paid invoice becomes its own donation with one receipt
// and one ledger entry, whatever order and however often its events arrive.
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/donations/route";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { composeReceiptEmail } from "@/lib/receipts/receipt-email";
import { authorizeManagedGift } from "@/lib/recurring/authorize-managed-gift";
import { changeRecurringGift } from "@/lib/recurring/change-recurring-gift";
import { manageUrl, tokenOfManageUrl } from "@/lib/recurring/manage-link";
import { pauseRecurringGift } from "@/lib/recurring/pause-recurring-gift";
import { idOf } from "@/lib/stripe/ids";
import { captured, chargeIdOf, connectedOrganisation, control, deliver, eventsFor, stripeSdk, type SandboxEvent } from "../support/fixtures";

type Body = Record<string, unknown>;
let address = 1;

async function give(body: Body, key: string = randomUUID()) {
  const response = await POST(
    new Request("http://localhost:3000/api/donations", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        "x-amply-client-address": `192.0.2.${address++ % 250}`,
        "idempotency-key": key,
      },
      body: JSON.stringify(body),
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string[]> } },
  };
}

const donor = { name: "Ada Donor", email: "ada@example.org" };
// 10.00 EUR with the card fee covered (1.5% + 0.25): 10.41 per installment (docs/stripe.md#fee-gross-up).
const monthly = { amount: 1000, currency: "EUR", coverFee: true, expectedTotal: 1041, donor, frequency: "monthly" };

async function setup() {
  const org = await connectedOrganisation();
  await db.organisation.update({ where: { id: org.organisation.id }, data: { recurringIntervals: ["month", "year"] } });
  return { org, base: { ...monthly, organisation: org.organisation.slug } };
}

async function subscriptionOf(recurringId: string, account: string) {
  const recurring = await db.recurringDonation.findUniqueOrThrow({ where: { id: recurringId } });
  return stripeSdk.subscriptions.retrieve(String(recurring.stripeSubscriptionId), { expand: ["latest_invoice"] }, { stripeAccount: account });
}

/** A monthly gift whose first payment the donor confirmed with `card`. */
async function startedGift(card = "pm_card_visa") {
  const { org, base } = await setup();
  const answer = await give(base);
  expect(answer.status).toBe(201);
  const secret = String(answer.body.clientSecret);
  const intent = await stripeSdk.paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: card }, { stripeAccount: org.account });
  const recurring = await db.recurringDonation.findFirstOrThrow({ where: { organisationId: org.organisation.id } });
  return { org, answer, intent, recurring };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe("starting a recurring gift", () => {
  it("creates the product, the customer and a default_incomplete subscription on the organisation's account, and answers its first payment's secret", async () => {
    const { org, base } = await setup();
    const answer = await give({ ...base, dedication: "For Grandma" });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ amount: 1000, feeCovered: 41, chargedAmount: 1041, currency: "EUR", stripeAccount: org.account, frequency: "monthly" });
    const recurring = await db.recurringDonation.findFirstOrThrow({ where: { organisationId: org.organisation.id }, include: { donor: true } });
    expect(recurring).toMatchObject({
      status: "incomplete",
      interval: "month",
      amount: 1000n,
      feeCovered: 41n,
      chargedAmount: 1041n,
      currency: "EUR",
      stripeAccountId: org.account,
      paymentMethodType: "card",
      dedication: "For Grandma",
    });
    const subscription = await subscriptionOf(recurring.id, org.account);
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(subscription).toMatchObject({ status: "incomplete", customer: recurring.stripeCustomerId, metadata: { recurring_donation_id: recurring.id } });
    expect(subscription.payment_settings?.save_default_payment_method).toBe("on_subscription");
    const price = subscription.items.data[0]?.price;
    expect(price).toMatchObject({ unit_amount: 1041, currency: "eur", recurring: { interval: "month" } });
    const product = await db.stripeDonationProduct.findUniqueOrThrow({ where: { stripeAccountId: org.account } });
    expect(price?.product).toBe(product.stripeProductId);
    const [payment] = (await stripeSdk.invoicePayments.list({ invoice: invoice.id }, { stripeAccount: org.account })).data;
    const intent = await stripeSdk.paymentIntents.retrieve(String(idOf(payment?.payment.payment_intent ?? null)), undefined, { stripeAccount: org.account });
    expect(intent.client_secret).toBe(answer.body.clientSecret);
    // The first installment is a pending donation already, so the completion page and the first payment's events find it.
    const first = await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) } });
    expect(first).toMatchObject({ recurringDonationId: recurring.id, stripeInvoiceId: invoice.id, stripePaymentIntentId: intent.id, status: "pending" });
    expect(recurring.donor.email).toBe("ada@example.org");
  });

  it("answers a retry with the same key with the same subscription, and a second donor's gift reuses the account's product", async () => {
    const { org, base } = await setup();
    const key = randomUUID();
    const [a, b] = await Promise.all([give(base, key), give(base, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.clientSecret).toBe(a.body.clientSecret);
    const again = await give(base, key);
    expect(again.body.clientSecret).toBe(a.body.clientSecret);
    expect(await db.recurringDonation.count({ where: { organisationId: org.organisation.id } })).toBe(1);
    expect(await eventsFor(org.account, { type: "customer.subscription.created" })).toHaveLength(1);
    const other = await give({ ...base, donor: { name: "Bo", email: "bo@example.org" }, frequency: "yearly" });
    expect(other.status).toBe(201);
    const yearly = await db.recurringDonation.findFirstOrThrow({ where: { organisationId: org.organisation.id, interval: "year" } });
    const first = await db.recurringDonation.findFirstOrThrow({ where: { organisationId: org.organisation.id, interval: "month" } });
    const [yearlyPrice, monthlyPrice] = [
      (await subscriptionOf(yearly.id, org.account)).items.data[0]?.price,
      (await subscriptionOf(first.id, org.account)).items.data[0]?.price,
    ];
    expect(yearlyPrice?.recurring?.interval).toBe("year");
    expect(yearlyPrice?.product).toBe(monthlyPrice?.product);
  });

  it("refuses, with a message on the right field, a frequency the organisation does not offer and methods that cannot recur; nothing is created", async () => {
    const { org, base } = await setup();
    await db.organisation.update({ where: { id: org.organisation.id }, data: { recurringIntervals: [] } });
    const none = await give(base);
    expect(none.status).toBe(422);
    expect(none.body.error?.fields?.frequency?.[0]).toMatch(/one-off gifts only/);
    await db.organisation.update({ where: { id: org.organisation.id }, data: { recurringIntervals: ["month"] } });
    const yearly = await give({ ...base, frequency: "yearly" });
    expect(yearly.status).toBe(422);
    expect(yearly.body.error?.fields?.frequency?.[0]).toMatch(/monthly/);
    const transfer = await give({ ...base, method: "bank_transfer", coverFee: false, expectedTotal: 1000 });
    expect(transfer.status).toBe(422);
    expect(transfer.body.error?.fields?.frequency?.[0]).toMatch(/bank transfer/i);
    const eps = await give({ ...base, paymentMethodType: "eps" });
    expect(eps.status).toBe(422);
    expect(eps.body.error?.fields?.paymentMethodType?.[0]).toMatch(/EPS/);
    expect(await db.recurringDonation.count({ where: { organisationId: org.organisation.id } })).toBe(0);
    expect(await eventsFor(org.account, { type: "customer.subscription.created" })).toHaveLength(0);
  });
});

const INSTALLMENT_EVENTS = ["invoice.paid", "invoice.payment_succeeded", "payment_intent.succeeded", "charge.succeeded", "charge.updated"] as const;

/** A renewal paid off-session on the sandbox, its capture held; the events of its invoice, its PaymentIntent and its charge. */
async function paidRenewal() {
  const { org, recurring } = await startedGift();
  await control.captureSettings(org.account, { hold: true });
  const result = (await control.advance(String(recurring.stripeSubscriptionId))) as { invoice: Stripe.Invoice };
  const invoice = result.invoice;
  const [payment] = (await stripeSdk.invoicePayments.list({ invoice: String(invoice.id) }, { stripeAccount: org.account })).data;
  const intentId = String(idOf(payment?.payment.payment_intent ?? null));
  const intent = await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account });
  const chargeId = chargeIdOf(intent);
  return { org, recurring, invoice, intentId, chargeId };
}

async function eventAbout(account: string, type: string, ids: { invoice: string; intent: string; charge: string }): Promise<SandboxEvent> {
  const objectId = type.startsWith("invoice.") ? ids.invoice : type.startsWith("payment_intent.") ? ids.intent : ids.charge;
  for (let i = 0; i < 200; i++) {
    const events = await eventsFor(account, { type, objectId });
    const event =
      type === "charge.updated" ? events.find((e) => e.data.previous_attributes && "balance_transaction" in e.data.previous_attributes) : events.at(-1);
    if (event) return event;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${type} for ${objectId}`);
}

async function expectOneInstallment(recurringId: string, invoiceId: string, chargeId: string) {
  const installments = await db.donation.findMany({ where: { recurringDonationId: recurringId, stripeInvoiceId: invoiceId } });
  expect(installments).toHaveLength(1);
  const installment = installments[0];
  expect(installment).toMatchObject({ status: "succeeded", stripeChargeId: chargeId, amount: 1000n, feeCovered: 41n, chargedAmount: 1041n, currency: "EUR" });
  expect(installment?.receiptNumber).toEqual(expect.any(Number));
  expect(installment?.periodStart).toEqual(expect.any(Date));
  expect(installment?.periodEnd?.getTime()).toBeGreaterThan(Number(installment?.periodStart?.getTime()));
  const ledger = await db.ledgerEntry.findMany({ where: { donationId: installment?.id } });
  expect(ledger).toMatchObject([{ type: "donation_received", stripeObjectId: chargeId, amount: 1041n, settlementFee: expect.any(BigInt) as bigint }]);
  const receipts = await db.outboxEmail.findMany({ where: { dedupeKey: `receipt:${installment?.id}` } });
  expect(receipts).toHaveLength(1);
  // The outbox writes the receipt as it sends it.
  const email = await composeReceiptEmail(String(receipts[0]?.receiptId));
  expect(email.text).toMatch(/Recurring gift: Monthly/);
  expect(email.text).toMatch(/Period: \d+ \w+ \d{4} to \d+ \w+ \d{4}/);
}

describe("installments", () => {
  it.each(permutations(INSTALLMENT_EVENTS).map((order) => [order.join(" → "), order] as const))(
    "a renewal becomes one donation in the order %s",
    async (_name, order) => {
      const { org, recurring, invoice, intentId, chargeId } = await paidRenewal();
      const ids = { invoice: String(invoice.id), intent: intentId, charge: chargeId };
      for (const type of order) {
        if (type === "charge.updated") await control.capture(chargeId);
        const answer = await deliver(await eventAbout(org.account, type, ids));
        expect(answer.status).toBe(200);
      }
      await expectOneInstallment(recurring.id, ids.invoice, chargeId);
    },
    20_000,
  );

  it("20 concurrent deliveries of one invoice.paid and its invoice.payment_succeeded book one donation", async () => {
    const { org, recurring, invoice, intentId, chargeId } = await paidRenewal();
    await control.capture(chargeId);
    const ids = { invoice: String(invoice.id), intent: intentId, charge: chargeId };
    const paid = await eventAbout(org.account, "invoice.paid", ids);
    const succeeded = await eventAbout(org.account, "invoice.payment_succeeded", ids);
    const answers = await Promise.all([...Array.from({ length: 20 }, () => deliver(paid)), deliver(succeeded)]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    await expectOneInstallment(recurring.id, ids.invoice, chargeId);
  });

  it("the first payment completes the pending donation the gift started with, and the gift becomes active", async () => {
    const { org, answer, intent, recurring } = await startedGift();
    await captured(org.account, chargeIdOf(intent));
    for (const event of await eventsFor(org.account)) await deliver(event);
    const first = await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) } });
    expect(first).toMatchObject({ status: "succeeded", recurringDonationId: recurring.id });
    expect(await db.donation.count({ where: { recurringDonationId: recurring.id } })).toBe(1);
    const gift = await db.recurringDonation.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(gift.status).toBe("active");
    expect(gift.nextPaymentAt).toEqual(expect.any(Date));
  });

  it("a failed renewal marks the gift past due and emails the donor once per invoice, with a link from APP_URL", async () => {
    const { org, recurring } = await startedGift();
    for (const event of await eventsFor(org.account)) await deliver(event);
    const result = (await control.advance(String(recurring.stripeSubscriptionId), "failed")) as { invoice: Stripe.Invoice };
    const failures = await eventsFor(org.account, { type: "invoice.payment_failed", objectId: String(result.invoice.id) });
    expect(failures.length).toBeGreaterThan(0);
    for (const event of failures) await deliver(event);
    await deliver({ ...failures[0], id: `evt_retry_${randomUUID()}` });
    for (const event of await eventsFor(org.account, { type: "customer.subscription.updated" })) await deliver(event);
    expect((await db.recurringDonation.findUniqueOrThrow({ where: { id: recurring.id } })).status).toBe("past_due");
    const emails = await db.outboxEmail.findMany({
      where: { kind: "recurring_payment_failed", to: "ada@example.org", dedupeKey: { contains: String(result.invoice.id) } },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain(`${getEnv().APP_URL}/manage/`);
    expect(await db.donation.count({ where: { stripeInvoiceId: String(result.invoice.id), status: "succeeded" } })).toBe(0);
  });

  it("a SEPA Direct Debit gift: its installments are processing until the debit settles, found by the PaymentIntent their invoice names", async () => {
    const { org, base } = await setup();
    const answer = await give({ ...base, paymentMethodType: "sepa_debit", expectedTotal: 1035 });
    expect(answer.status).toBe(201);
    const intentId = String(answer.body.clientSecret).split("_secret_")[0] as string;
    const first = await stripeSdk.paymentIntents.confirm(
      intentId,
      {
        payment_method_data: {
          type: "sepa_debit",
          sepa_debit: { iban: "DE89370400440532013000" },
          billing_details: { name: "Ada Donor", email: "ada@example.org" },
        },
        mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "192.0.2.1", user_agent: "test" } } },
      },
      { stripeAccount: org.account },
    );
    expect(first.status).toBe("processing");
    for (const event of await eventsFor(org.account)) await deliver(event);
    expect(await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) } })).toMatchObject({ status: "processing" });
    await control.settle(intentId);
    await captured(org.account, chargeIdOf(await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account })));
    for (const event of await eventsFor(org.account)) await deliver(event);
    expect(await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) } })).toMatchObject({ status: "succeeded" });
    const gift = await db.recurringDonation.findFirstOrThrow({ where: { organisationId: org.organisation.id } });
    expect(gift).toMatchObject({ status: "active", paymentMethodType: "sepa_debit", chargedAmount: 1035n });

    const renewal = (await control.advance(String(gift.stripeSubscriptionId))) as { invoice: Stripe.Invoice };
    const [payment] = (await stripeSdk.invoicePayments.list({ invoice: String(renewal.invoice.id) }, { stripeAccount: org.account })).data;
    const renewalIntent = String(idOf(payment?.payment.payment_intent ?? null));
    await deliver(await eventAbout(org.account, "invoice.finalized", { invoice: String(renewal.invoice.id), intent: renewalIntent, charge: "" }));
    await deliver(await eventAbout(org.account, "payment_intent.processing", { invoice: String(renewal.invoice.id), intent: renewalIntent, charge: "" }));
    const installment = await db.donation.findFirstOrThrow({ where: { stripeInvoiceId: String(renewal.invoice.id) } });
    expect(installment).toMatchObject({ status: "processing", stripePaymentIntentId: renewalIntent, recurringDonationId: gift.id });
    await captured(org.account, chargeIdOf(await stripeSdk.paymentIntents.retrieve(renewalIntent, undefined, { stripeAccount: org.account })));
    for (const event of await eventsFor(org.account)) await deliver(event);
    expect(await db.donation.findUniqueOrThrow({ where: { id: installment.id } })).toMatchObject({ status: "succeeded", paymentMethodType: "sepa_debit" });
    expect(await db.ledgerEntry.count({ where: { donationId: installment.id } })).toBe(1);
  });

  it("a renewal the bank wants authenticated asks the donor to confirm it, once per invoice", async () => {
    const { org, recurring } = await startedGift();
    const result = (await control.advance(String(recurring.stripeSubscriptionId), "failed")) as { invoice: Stripe.Invoice };
    const customer = String(recurring.stripeCustomerId);
    const card = await stripeSdk.paymentMethods.attach("pm_card_authenticationRequired", { customer }, { stripeAccount: org.account });
    await stripeSdk.subscriptions.update(String(recurring.stripeSubscriptionId), { default_payment_method: card.id }, { stripeAccount: org.account });
    await control.retryInvoice(String(result.invoice.id));
    const asked = await eventsFor(org.account, { type: "invoice.payment_action_required", objectId: String(result.invoice.id) });
    expect(asked).toHaveLength(1);
    await deliver(asked[0] as SandboxEvent);
    await deliver({ ...asked[0], id: `evt_again_${randomUUID()}` });
    const emails = await db.outboxEmail.findMany({ where: { kind: "recurring_action_required", dedupeKey: { contains: String(result.invoice.id) } } });
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain(`${getEnv().APP_URL}/manage/`);
  });

  it("refuses an invoice event whose account does not own the gift, and ignores invoices of subscriptions Amply did not create", async () => {
    const { org, recurring, invoice, intentId, chargeId } = await paidRenewal();
    await control.capture(chargeId);
    const other = await connectedOrganisation();
    const paid = await eventAbout(org.account, "invoice.paid", { invoice: String(invoice.id), intent: intentId, charge: chargeId });
    expect(await deliver({ ...paid, id: `evt_forged_${randomUUID()}`, account: other.account })).toMatchObject({ status: 200, state: "rejected" });
    expect(await db.donation.count({ where: { stripeInvoiceId: String(invoice.id) } })).toBe(0);

    const customer = await stripeSdk.customers.create({}, { stripeAccount: org.account });
    const product = await stripeSdk.products.create({ name: "Not Amply's" }, { stripeAccount: org.account });
    const foreign = await stripeSdk.subscriptions.create(
      { customer: customer.id, items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 500, recurring: { interval: "month" } } }] },
      { stripeAccount: org.account },
    );
    const created = await eventsFor(org.account, { type: "invoice.finalized", objectId: String(idOf(foreign.latest_invoice)) });
    expect(await deliver(created[0] as SandboxEvent)).toMatchObject({ status: 200, state: "ignored", outcome: "not a recurring gift of Amply's" });
    expect(await db.donation.count({ where: { recurringDonationId: recurring.id } })).toBe(1);
  });

  it("a changed amount reaches the gift from the subscription, and the next installment is of the new amount", async () => {
    const { org, recurring } = await startedGift();
    for (const event of await eventsFor(org.account)) await deliver(event);
    const subscription = await subscriptionOf(recurring.id, org.account);
    const price = subscription.items.data[0]?.price;
    await stripeSdk.subscriptions.update(
      subscription.id,
      {
        items: [
          {
            id: subscription.items.data[0]?.id,
            price_data: { currency: "eur", product: String(idOf(price?.product ?? null)), unit_amount: 2063, recurring: { interval: "month" } },
          },
        ],
        proration_behavior: "none",
        metadata: { ...subscription.metadata, gift_amount: "2000", fee_covered: "63" },
      },
      { stripeAccount: org.account },
    );
    for (const event of await eventsFor(org.account, { type: "customer.subscription.updated" })) await deliver(event);
    expect(await db.recurringDonation.findUniqueOrThrow({ where: { id: recurring.id } })).toMatchObject({
      amount: 2000n,
      feeCovered: 63n,
      chargedAmount: 2063n,
    });
    const renewal = (await control.advance(subscription.id)) as { invoice: Stripe.Invoice };
    for (const event of await eventsFor(org.account, { type: "invoice.paid", objectId: String(renewal.invoice.id) })) await deliver(event);
    expect(await db.donation.findFirstOrThrow({ where: { stripeInvoiceId: String(renewal.invoice.id) } })).toMatchObject({
      status: "succeeded",
      amount: 2000n,
      feeCovered: 63n,
      chargedAmount: 2063n,
    });
  });

  it("an older customer.subscription.updated delivered after the cancellation does not bring the gift back", async () => {
    const { org, recurring } = await startedGift();
    const events = await eventsFor(org.account);
    await stripeSdk.subscriptions.cancel(String(recurring.stripeSubscriptionId), undefined, { stripeAccount: org.account });
    const deleted = await eventsFor(org.account, { type: "customer.subscription.deleted" });
    for (const event of deleted) await deliver(event);
    for (const event of events) await deliver(event);
    const gift = await db.recurringDonation.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(gift).toMatchObject({ status: "canceled", nextPaymentAt: null });
    expect(gift.canceledAt).toEqual(expect.any(Date));
  });
});

describe("a gift changed from its manage link", () => {
  it("reaches Amply from the webhooks: the new amount and its fee, then paused until the date asked, and the renewal after that is of the new amount", async () => {
    const { org, recurring } = await startedGift();
    for (const event of await eventsFor(org.account)) await deliver(event);
    const token = tokenOfManageUrl(manageUrl(recurring.id));

    await changeRecurringGift(await authorizeManagedGift(token, recurring.id), { requestId: randomUUID(), amount: "15.00", interval: "month", coverFee: true });
    for (const event of await eventsFor(org.account, { type: "customer.subscription.updated" })) await deliver(event);
    const changed = await db.recurringDonation.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(changed).toMatchObject({ amount: 1500n, interval: "month", pausedUntil: null });
    expect(changed.feeCovered).toBeGreaterThan(0n);
    expect(changed.chargedAmount).toBe(1500n + changed.feeCovered);

    const renewal = (await control.advance(String(recurring.stripeSubscriptionId))) as { invoice: Stripe.Invoice };
    for (const event of await eventsFor(org.account, { type: "invoice.paid", objectId: String(renewal.invoice.id) })) await deliver(event);
    expect(await db.donation.findFirstOrThrow({ where: { stripeInvoiceId: String(renewal.invoice.id) } })).toMatchObject({
      status: "succeeded",
      amount: 1500n,
      chargedAmount: changed.chargedAmount,
    });

    await pauseRecurringGift(await authorizeManagedGift(token, recurring.id), { requestId: randomUUID(), months: 2 });
    for (const event of await eventsFor(org.account, { type: "customer.subscription.updated" })) await deliver(event);
    const paused = await db.recurringDonation.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(paused.status).toBe("active");
    expect(paused.pausedUntil?.getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000);
    expect(paused.nextPaymentAt).toBeNull();
  });
});
