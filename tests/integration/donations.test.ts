// POST /api/donations against real PostgreSQL and the sandbox: every invalid input refused with
// field errors and no donation row, idempotent retries, bank transfers, and the rate limit.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/donations/route";
import { db } from "@/lib/db/client";
import { LIMITS } from "@/lib/donations/guard-donation-attempt";
import { getEnv } from "@/lib/env";
import { composeReceiptEmail } from "@/lib/receipts/receipt-email";
import { connectedOrganisation, control, deliver, eventOf, payWithCard, stripeSdk, unique } from "../support/fixtures";

type Body = Record<string, unknown>;
let address = 1;
const freshIp = () => `198.51.100.${address++ % 250}`;

type GiveOptions = { key?: string | null; ip?: string; raw?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> };

/** POST /api/donations as the donation page sends it; `ip` is what Amply's server (scripts/serve.ts) resolved. */
async function give(body: Body, options: GiveOptions = {}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    origin: "http://localhost:3000",
    "x-amply-client-address": options.ip ?? freshIp(),
    ...options.headers,
  };
  if (options.key !== null) headers["idempotency-key"] = options.key ?? randomUUID();
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers, body: options.raw ?? JSON.stringify(body) };
  if (options.raw instanceof ReadableStream) init.duplex = "half";
  const response = await POST(new Request("http://localhost:3000/api/donations", init));
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string[]> } },
  };
}

const donor = { name: "Ada Donor", email: "ada@example.org" };
const PER_CLIENT = getEnv().DONATION_ATTEMPTS_PER_CLIENT;

async function setup(country?: string) {
  const org = await connectedOrganisation(country ? { country } : {});
  await db.fund.create({ data: { organisationId: org.organisation.id, slug: "water", name: "Clean water" } });
  await db.fund.create({ data: { organisationId: org.organisation.id, slug: "closed", name: "Closed fund", active: false } });
  const base = { organisation: org.organisation.slug, amount: 2500, currency: "EUR", coverFee: true, expectedTotal: 2563, donor };
  const count = () => db.donation.count({ where: { organisationId: org.organisation.id } });
  return { org, base, count };
}

describe("creating a donation", () => {
  it("creates a pending donation and a direct charge for the grossed-up amount, without Stripe's receipt", async () => {
    const { org, base } = await setup();
    const response = await give({ ...base, fund: "water", anonymous: true, dedication: "For Grandma" });
    expect(response.status).toBe(201);
    expect(response.headers.get("server-timing")).toMatch(/app;dur=[\d.]+, stripe;dur=[\d.]+/);
    expect(response.body).toMatchObject({ amount: 2500, feeCovered: 63, chargedAmount: 2563, currency: "EUR", stripeAccount: org.account, bankTransfer: null });
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(response.body.donationId) }, include: { fund: true, donor: true } });
    expect(donation).toMatchObject({ status: "pending", amount: 2500n, feeCovered: 63n, chargedAmount: 2563n, anonymous: true, dedication: "For Grandma" });
    expect(donation.fund?.slug).toBe("water");
    expect(donation.donor?.email).toBe("ada@example.org");
    const intent = await stripeSdk.paymentIntents.retrieve(String(donation.stripePaymentIntentId), undefined, { stripeAccount: org.account });
    expect(intent).toMatchObject({
      amount: 2563,
      currency: "eur",
      allowed_payment_method_types: ["card"],
      payment_method_types: ["card"],
      automatic_payment_methods: null,
      receipt_email: null,
      client_secret: response.body.clientSecret,
    });
    expect(intent.metadata).toMatchObject({
      donation_id: donation.id,
      organisation_id: org.organisation.id,
      donor_id: donation.donorId,
      fund_id: donation.fundId,
      cover_fees: "true",
    });
    expect(intent.statement_descriptor_suffix).toMatch(/^CHARITY/);
  });

  it("answers a retry with the same Idempotency-Key with the same donation and client secret", async () => {
    const { base, count } = await setup();
    const key = randomUUID();
    const [first, second] = await Promise.all([give(base, { key }), give(base, { key })]);
    const third = await give(base, { key });
    for (const response of [first, second, third]) expect(response.status).toBe(201);
    expect(new Set([first, second, third].map((r) => r.body.donationId)).size).toBe(1);
    expect(new Set([first, second, third].map((r) => r.body.clientSecret)).size).toBe(1);
    expect(await count()).toBe(1);
  });

  it("charges 1000 JPY as 1000, in yen's minor unit", async () => {
    const { base } = await setup();
    const response = await give({ ...base, amount: 1000, currency: "JPY", coverFee: false, expectedTotal: 1000 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ chargedAmount: 1000, currency: "JPY" });
  });
});

describe("a retry after a decline (same Idempotency-Key) takes what the donor changed", () => {
  /** The page's first attempt, declined by the card's bank, as the webhook records it. */
  async function declinedAttempt(body: Body, key: string, account: string) {
    const first = await give(body, { key });
    expect(first.status).toBe(201);
    const intentId = String(first.body.clientSecret).split("_secret_")[0] ?? "";
    await expect(payWithCard(intentId, account, "pm_card_chargeDeclined")).rejects.toMatchObject({ code: "card_declined" });
    expect((await deliver(await eventOf(account, "payment_intent.payment_failed", intentId))).status).toBe(200);
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(first.body.donationId) } });
    expect(donation.status).toBe("failed");
    return { donationId: donation.id, intentId };
  }

  it("updates the one donation and its PaymentIntent with every changed field; the receipt shows them", async () => {
    const { org, base, count } = await setup();
    const key = randomUUID();
    const firstEmail = `${unique("priv")}@example.org`;
    const first = { ...base, coverFee: false, expectedTotal: 2500, donor: { name: "Priv Acy", email: firstEmail }, dedication: "First message" };
    const { donationId, intentId } = await declinedAttempt(first, key, org.account);

    const newEmail = `${unique("acy")}@example.org`;
    const retry = await give(
      {
        ...base,
        amount: 3000,
        coverFee: true,
        expectedTotal: 3071,
        fund: "water",
        donor: { name: "P. Acy", email: newEmail },
        anonymous: true,
        dedication: "Edited message",
      },
      { key },
    );
    expect(retry.status).toBe(201);
    // 30.00 grossed up at 1.5% + 0.25: 30.71 nets exactly 30.00 after Stripe's 0.71.
    expect(retry.body).toMatchObject({ donationId, amount: 3000, feeCovered: 71, chargedAmount: 3071, currency: "EUR", bankTransfer: null });
    expect(String(retry.body.clientSecret).startsWith(`${intentId}_secret_`)).toBe(true);
    expect(await count()).toBe(1);

    const donation = await db.donation.findUniqueOrThrow({ where: { id: donationId }, include: { donor: true, fund: true } });
    expect(donation).toMatchObject({
      donorName: "P. Acy",
      anonymous: true,
      dedication: "Edited message",
      amount: 3000n,
      feeCovered: 71n,
      chargedAmount: 3071n,
      currency: "EUR",
      method: "payment_element",
      stripePaymentIntentId: intentId,
    });
    expect(donation.donor?.email).toBe(newEmail);
    expect(donation.fund?.slug).toBe("water");
    const intent = await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account });
    expect(intent).toMatchObject({ amount: 3071, currency: "eur", status: "requires_payment_method" });
    expect(intent.metadata).toMatchObject({ donation_id: donationId, donor_id: donation.donorId, cover_fees: "true", fund_id: donation.fundId });

    await payWithCard(intentId, org.account, "pm_card_visa");
    expect((await deliver(await eventOf(org.account, "payment_intent.succeeded", intentId))).status).toBe(200);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donationId } })).toMatchObject({ status: "succeeded", failureMessage: null });
    const receipt = await db.outboxEmail.findFirstOrThrow({ where: { kind: "receipt", dedupeKey: `receipt:${donationId}` } });
    expect(receipt.to).toBe(newEmail);
    // The receipt's email as the outbox writes it when it sends it.
    const { text } = await composeReceiptEmail(receipt.receiptId ?? "");
    expect(text).toContain("Dear P. Acy,");
    expect(text).toContain("Dedication: Edited message");
    expect(text).toContain("Amount: €30.71");
    expect(text).not.toContain("First message");
    expect(await count()).toBe(1);
  });

  it("moves the PaymentIntent to the new currency", async () => {
    const { org, base } = await setup();
    const key = randomUUID();
    const { donationId, intentId } = await declinedAttempt({ ...base, coverFee: false, expectedTotal: 2500 }, key, org.account);
    const retry = await give({ ...base, coverFee: false, amount: 2000, expectedTotal: 2000, currency: "GBP" }, { key });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ donationId, chargedAmount: 2000, currency: "GBP" });
    const intent = await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account });
    expect(intent).toMatchObject({ amount: 2000, currency: "gbp" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donationId } })).toMatchObject({ amount: 2000n, chargedAmount: 2000n, currency: "GBP" });
  });

  it("switching to bank transfer cancels the card PaymentIntent and makes a new one; the old one's events change nothing", async () => {
    const { org, base, count } = await setup();
    const key = randomUUID();
    const { donationId, intentId } = await declinedAttempt({ ...base, coverFee: false, amount: 5000, expectedTotal: 5000 }, key, org.account);
    const email = `${unique("switch")}@example.org`;
    const retry = await give({ ...base, coverFee: false, amount: 5000, expectedTotal: 5000, method: "bank_transfer", donor: { name: "Ben", email } }, { key });
    expect(retry.status).toBe(201);
    expect(retry.body.donationId).toBe(donationId);
    expect((retry.body.bankTransfer as { amountRemaining: number }).amountRemaining).toBe(5000);
    expect(await count()).toBe(1);

    const old = await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account });
    expect(old).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer" });
    const donation = await db.donation.findUniqueOrThrow({ where: { id: donationId }, include: { donor: true } });
    expect(donation).toMatchObject({ method: "bank_transfer", paymentMethodType: "customer_balance", donorName: "Ben" });
    expect(donation.stripePaymentIntentId).not.toBe(intentId);
    const replacement = await stripeSdk.paymentIntents.retrieve(String(donation.stripePaymentIntentId), undefined, { stripeAccount: org.account });
    const customer = await db.stripeCustomer.findUniqueOrThrow({
      where: { donorId_stripeAccountId: { donorId: String(donation.donorId), stripeAccountId: org.account } },
    });
    expect(replacement).toMatchObject({
      amount: 5000,
      status: "requires_action",
      customer: customer.stripeCustomerId,
      metadata: { donation_id: donationId },
    });
    expect(await db.outboxEmail.count({ where: { to: email, kind: "bank_transfer_instructions" } })).toBe(1);

    // The cancelled attempt's events arrive after the switch: they are about another PaymentIntent.
    await deliver(await eventOf(org.account, "payment_intent.canceled", intentId));
    await deliver(await eventOf(org.account, "payment_intent.payment_failed", intentId));
    // One more about the replaced attempt, not seen before: recorded as ignored, with the reason
    // (not an attack, not a failure to retry).
    const late = await eventOf(org.account, "payment_intent.payment_failed", intentId);
    expect(await deliver({ ...late, id: `${late.id}_late` })).toMatchObject({
      status: 200,
      state: "ignored",
      outcome: `${intentId} is an earlier attempt at donation ${donationId}, replaced since`,
    });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donationId } })).toMatchObject({
      stripePaymentIntentId: replacement.id,
      method: "bank_transfer",
    });

    // The same retry again is a replay: no third PaymentIntent, no second email.
    const again = await give({ ...base, coverFee: false, amount: 5000, expectedTotal: 5000, method: "bank_transfer", donor: { name: "Ben", email } }, { key });
    expect(again.status).toBe(201);
    expect(String(again.body.clientSecret).startsWith(`${replacement.id}_secret_`)).toBe(true);
    expect(await db.outboxEmail.count({ where: { to: email, kind: "bank_transfer_instructions" } })).toBe(1);
  });

  it("refuses to change a donation whose payment went through, and replays it unchanged", async () => {
    const { org, base } = await setup();
    const key = randomUUID();
    const body = { ...base, coverFee: false, expectedTotal: 2500, dedication: "Paid" };
    const first = await give(body, { key });
    const intentId = String(first.body.clientSecret).split("_secret_")[0] ?? "";
    await payWithCard(intentId, org.account, "pm_card_visa");
    const changed = await give({ ...body, amount: 9900, expectedTotal: 9900, dedication: "Changed after paying" }, { key });
    expect(changed.status).toBe(409);
    expect(changed.body.error?.message).toMatch(/already/);
    expect(await db.donation.findUniqueOrThrow({ where: { id: String(first.body.donationId) } })).toMatchObject({ amount: 2500n, dedication: "Paid" });
    expect((await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account })).amount).toBe(2500);
    const same = await give(body, { key });
    expect(same.status).toBe(201);
    expect(same.body.clientSecret).toBe(first.body.clientSecret);
  });
});

describe("invalid input: a clear 4xx, field errors, and no donation row", () => {
  it.each<[string, Body | null, number, string, RegExp]>([
    ["an unknown organisation", { organisation: "no-such-org" }, 404, "organisation", /does not exist/],
    ["an unknown fund", { fund: "nope" }, 422, "fund", /That fund does not exist/],
    ["an inactive fund", { fund: "closed" }, 422, "fund", /That fund does not exist/],
    ["a currency the organisation does not accept", { currency: "SEK" }, 422, "currency", /does not take donations in SEK/],
    ["a currency Stripe does not support", { currency: "XYZ" }, 422, "currency", /does not take donations in XYZ/],
    ["an amount under Stripe's minimum", { amount: 49, coverFee: false }, 422, "amount", /smallest gift in EUR is €0\.50/],
    [
      "an amount that converts under the minimum (Stripe's amount_too_small)",
      { amount: 60, currency: "JPY", coverFee: false, expectedTotal: 60 },
      422,
      "amount",
      /below the smallest payment Stripe can take/,
    ],
    ["an amount over the maximum", { amount: 100_000_000, coverFee: false }, 422, "amount", /largest gift/],
    ["an amount that the covered fee pushes over the maximum", { amount: 99_999_000 }, 422, "amount", /above the largest amount/],
    ["a malformed email", { donor: { name: "X", email: "not-an-email" } }, 422, "donor.email", /Enter your email address/],
    ["a fractional amount", { amount: 25.5 }, 422, "amount", /whole numbers/],
  ])("%s", async (_label, change, status, fieldName, message) => {
    const { base, count } = await setup();
    const response = await give({ ...base, ...change });
    expect(response.status).toBe(status);
    expect(response.body.error?.fields?.[fieldName]?.[0]).toMatch(message);
    expect(await count()).toBe(0);
  });

  it("refuses a missing Idempotency-Key, a body that is not JSON, and a closed organisation", async () => {
    const { base, count } = await setup();
    expect((await give(base, { key: null })).status).toBe(400);
    expect((await give(base, { raw: "{not json" })).body.error?.message).toBe("The request body must be JSON.");
    const closed = await connectedOrganisation({ ready: false });
    await db.organisation.update({ where: { id: closed.organisation.id }, data: { stripeChargesEnabled: false } });
    const response = await give({ ...base, organisation: closed.organisation.slug });
    expect(response.status).toBe(409);
    expect(response.body.error?.message).toMatch(/cannot take donations right now/);
    expect(await count()).toBe(0);
  });
});

describe("bank transfer", () => {
  it("returns and emails the instructions, and succeeds through the webhook when the transfer arrives", async () => {
    const { org, base } = await setup();
    const email = `${unique("transfer")}@example.org`;
    const response = await give({ ...base, coverFee: false, amount: 5000, expectedTotal: 5000, method: "bank_transfer", donor: { name: "Ben", email } });
    expect(response.status).toBe(201);
    const instructions = response.body.bankTransfer as { reference: string; amountRemaining: number; accounts: Array<Array<{ label: string; value: string }>> };
    expect(instructions.amountRemaining).toBe(5000);
    expect(instructions.accounts[0]?.map((line) => line.label)).toEqual(["Account holder", "IBAN", "BIC"]);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, kind: "bank_transfer_instructions" } });
    expect(mail.text).toContain(`Reference: ${instructions.reference}`);
    expect(mail.text).toContain("€50.00");
    // Sent before anything is paid, to any address typed: nothing the request typed is in it.
    expect(mail.text).not.toContain("Ben");

    const donation = await db.donation.findUniqueOrThrow({
      where: { id: String(response.body.donationId) },
      include: { donor: { include: { stripeCustomers: true } } },
    });
    expect(donation.donor?.stripeCustomers).toEqual([expect.objectContaining({ stripeAccountId: org.account })]);
    await control.fund(String(donation.donor?.stripeCustomers[0]?.stripeCustomerId), 5000, "eur", instructions.reference);
    expect((await deliver(await eventOf(org.account, "payment_intent.succeeded", String(donation.stripePaymentIntentId)))).status).toBe(200);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded", paymentMethodType: "customer_balance" });
  });

  it("is refused in a currency without bank transfers", async () => {
    const { org, base, count } = await setup();
    const response = await give({ ...base, currency: "CHF", method: "bank_transfer" });
    expect(response.status).toBe(422);
    // The organisation's account is in Germany: EUR is the one currency it can receive by transfer.
    expect(response.body.error?.fields?.method).toEqual([`${org.organisation.name} can receive bank transfers in EUR only. Choose EUR, or pay another way.`]);
    expect(await count()).toBe(0);
  });
});

describe("the donor pays what the donor saw", () => {
  it("refuses a total the fee rates no longer give: 409 with the new total, no donation, no PaymentIntent", async () => {
    const { org, base, count } = await setup();
    // The page showed 10.41 EUR for 10.00 at 1.5% + 0.25; the admin then raised the card rate to 3.4%.
    const shown = { ...base, amount: 1000, coverFee: true, expectedTotal: 1041 };
    await db.feeRate.updateMany({ where: { organisationId: org.organisation.id, currency: "EUR", percentBps: 150 }, data: { percentBps: 340 } });
    const response = await give(shown);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: "conflict",
      reason: "total_changed",
      message: "The processing fee changed since the page was loaded: your donation is now €10.61, not €10.41. Check it and press Give again.",
      data: { amount: 1000, feeCovered: 61, chargedAmount: 1061, currency: "EUR" },
    });
    expect(await count()).toBe(0);
    expect((await stripeSdk.paymentIntents.list({ limit: 100 }, { stripeAccount: org.account })).data).toHaveLength(0);

    const again = await give({ ...shown, expectedTotal: 1061 });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ amount: 1000, feeCovered: 61, chargedAmount: 1061 });
  });

  it("refuses a request that does not say what total the donor saw", async () => {
    const { base, count } = await setup();
    const { expectedTotal: _omitted, ...withoutTotal } = { ...base, expectedTotal: 2563 };
    const response = await give(withoutTotal);
    expect(response.status).toBe(422);
    expect(response.body.error?.fields?.expectedTotal?.[0]).toBe("Reload the page: it did not send the total you were shown.");
    expect(await count()).toBe(0);
  });
});

describe("fee cover for the method chosen", () => {
  it("covers a GBP 40.00 bank transfer at the bank-transfer rate: 40.20, not the card's 40.81", async () => {
    // A UK account: GBP is a currency it receives transfers in.
    const { base } = await setup("GB");
    const response = await give({ ...base, amount: 4000, currency: "GBP", method: "bank_transfer", coverFee: true, expectedTotal: 4020 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount: 4000, feeCovered: 20, chargedAmount: 4020, currency: "GBP" });
    expect((response.body.bankTransfer as { amountRemaining: number }).amountRemaining).toBe(4020);
  });

  it("restricts the PaymentIntent to the method whose fee was covered: a card cannot pay SEPA's total", async () => {
    const { org, base } = await setup();
    const response = await give({ ...base, amount: 1000, coverFee: true, paymentMethodType: "sepa_debit", expectedTotal: 1035 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ feeCovered: 35, chargedAmount: 1035 });
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(response.body.donationId) } });
    expect(donation).toMatchObject({ chargedAmount: 1035n, feeCovered: 35n, paymentMethodType: "sepa_debit" });
    const intentId = String(donation.stripePaymentIntentId);
    const intent = await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account });
    expect(intent).toMatchObject({
      amount: 1035,
      allowed_payment_method_types: ["sepa_debit"],
      payment_method_types: ["sepa_debit"],
      automatic_payment_methods: null,
    });

    const byCard = stripeSdk.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" }, { stripeAccount: org.account });
    await expect(byCard).rejects.toMatchObject({ statusCode: 400, code: "payment_intent_incompatible_payment_method" });
    expect(await stripeSdk.paymentIntents.retrieve(intentId, undefined, { stripeAccount: org.account })).toMatchObject({
      status: "requires_payment_method",
      latest_charge: null,
    });
  });

  it("charges a card the card rate, restricted to cards", async () => {
    const { org, base } = await setup();
    const response = await give({ ...base, amount: 1000, coverFee: true, paymentMethodType: "card", expectedTotal: 1041 });
    expect(response.status).toBe(201);
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(response.body.donationId) } });
    const intent = await stripeSdk.paymentIntents.retrieve(String(donation.stripePaymentIntentId), undefined, { stripeAccount: org.account });
    expect(intent).toMatchObject({ amount: 1041, payment_method_types: ["card"] });
  });

  it.each<[string, Body, string, RegExp]>([
    [
      "SEPA Direct Debit in GBP",
      { currency: "GBP", paymentMethodType: "sepa_debit", expectedTotal: 1000 },
      "paymentMethodType",
      /SEPA Direct Debit takes EUR only/,
    ],
    ["a method Amply does not offer", { paymentMethodType: "klarna", expectedTotal: 1041 }, "paymentMethodType", /Choose another payment method/],
  ])("refuses %s, creating nothing", async (_label, change, fieldName, message) => {
    const { base, count } = await setup();
    const response = await give({ ...base, amount: 1000, coverFee: true, ...change });
    expect(response.status).toBe(422);
    expect(response.body.error?.fields?.[fieldName]?.[0]).toMatch(message);
    expect(await count()).toBe(0);
  });
});

describe("card-testing protection", () => {
  it("limits new attempts per address with 429 and Retry-After, not retries of the same request", async () => {
    const { base } = await setup();
    const ip = "203.0.113.99";
    const key = randomUUID();
    for (let i = 0; i < 10; i++) expect((await give(base, { ip, key: i === 0 ? key : undefined })).status).toBe(201);
    const limited = await give(base, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.error?.message).toMatch(/Too many donation attempts in a short time\. Please wait \d+ minutes? and try again\./);
    expect((await give(base, { ip, key })).status).toBe(201); // the page retrying its own request
    expect((await give(base, { ip: "203.0.113.100" })).status).toBe(201);
  });
});

describe("abuse (what an attacker sends)", () => {
  it("one client hammering cannot close the organisation to a donor elsewhere", async () => {
    const { base } = await setup();
    const saved = LIMITS.perOrganisation.max;
    LIMITS.perOrganisation.max = 15;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await give(base, { ip: "203.0.113.50" })).status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(PER_CLIENT);
      expect(statuses.filter((status) => status === 429)).toHaveLength(30 - PER_CLIENT);
      expect((await give(base, { ip: "198.51.100.200" })).status).toBe(201);
    } finally {
      LIMITS.perOrganisation.max = saved;
    }
  });

  it("ignores X-Forwarded-For: rotating it does not reset a client's limit", async () => {
    const { base } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < PER_CLIENT + 3; i++)
      statuses.push((await give(base, { ip: "203.0.113.60", headers: { "x-forwarded-for": `192.0.2.${i + 1}` } })).status);
    expect(statuses.slice(0, PER_CLIENT).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(PER_CLIENT).every((status) => status === 429)).toBe(true);
  });

  it("counts an IPv6 client per /64", async () => {
    const { base } = await setup();
    for (let i = 0; i < PER_CLIENT; i++) expect((await give(base, { ip: `2001:db8:77:1::${(i + 1).toString(16)}` })).status).toBe(201);
    expect((await give(base, { ip: "2001:db8:77:1:ffff::1" })).status).toBe(429);
    expect((await give(base, { ip: "2001:db8:77:2::1" })).status).toBe(201);
  });

  it("refuses a body over 16 kB, also when it arrives chunked without a Content-Length", async () => {
    const { base, count } = await setup();
    const chunk = new TextEncoder().encode(`{"organisation":"${base.organisation}","padding":"${"x".repeat(64_000)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Up to 3 MB, as the attack did; the route must stop reading long before.
        if (sent >= 3_000_000) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await give(base, { raw: stream });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(200_000);
    expect(await count()).toBe(0);
  });

  it("refuses a request from another site's page, creating nothing", async () => {
    const { base, count } = await setup();
    for (const origin of ["https://evil.example", "http://donate.localhost:3000"]) {
      const response = await give(base, { headers: { origin } });
      expect(response.status).toBe(403);
    }
    expect(await count()).toBe(0);
  });

  it("never changes a donor's stored name: each gift keeps the name given with it", async () => {
    const { org, base } = await setup();
    const email = `${unique("named")}@example.org`;
    const first = await give({ ...base, donor: { name: "Ada Lovelace", email } });
    const second = await give({ ...base, donor: { name: "Mallory Impostor", email } });
    expect([first.status, second.status]).toEqual([201, 201]);
    const donor = await db.donor.findUniqueOrThrow({ where: { organisationId_email: { organisationId: org.organisation.id, email } } });
    expect(donor.name).toBe("Ada Lovelace");
    const names = await db.donation.findMany({ where: { donorId: donor.id }, orderBy: { createdAt: "asc" }, select: { donorName: true } });
    expect(names.map((donation) => donation.donorName)).toEqual(["Ada Lovelace", "Mallory Impostor"]);
  });

  it("emails bank-transfer instructions to one address a few times at most, from any number of clients", async () => {
    const { base } = await setup();
    const email = `${unique("victim")}@example.org`;
    for (let i = 0; i < 8; i++)
      expect((await give({ ...base, coverFee: false, expectedTotal: 2500, method: "bank_transfer", donor: { email } })).status).toBe(201);
    expect(await db.outboxEmail.count({ where: { to: email, kind: "bank_transfer_instructions" } })).toBe(5);
  });
});
