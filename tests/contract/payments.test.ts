// Stripe's payment behaviour that Amply relies on, checked against the sandbox and (with test keys)
// against Stripe's test mode: see harness.ts.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { eventually, startContractTarget } from "./harness";

const target = startContractTarget();
const on = () => ({ stripeAccount: target.account });
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? ""));

function pay(paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  return target.stripe.paymentIntents.create(
    {
      amount: 2563,
      currency: "eur",
      payment_method: paymentMethod,
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      ...extra,
    },
    on(),
  );
}

describe("test PaymentMethods", () => {
  it("pays with pm_card_visa, pm_card_mastercard and pm_card_amex, each a PaymentMethod of its own on the account", async () => {
    const visa = await pay("pm_card_visa");
    expect(visa.status).toBe("succeeded");
    expect(visa.payment_method).toMatch(/^pm_/);
    expect(visa.payment_method).not.toBe("pm_card_visa");
    const method = await target.stripe.paymentMethods.retrieve(idOf(visa.payment_method), undefined, on());
    expect(method.card).toMatchObject({ brand: "visa", last4: "4242" });
    expect((await pay("pm_card_mastercard")).status).toBe("succeeded");
    const amex = await pay("pm_card_amex");
    expect((await target.stripe.paymentMethods.retrieve(idOf(amex.payment_method), undefined, on())).card).toMatchObject({ brand: "amex", last4: "0005" });
  });

  it("declines as the test cards do, with Stripe's codes and messages", async () => {
    await expect(pay("pm_card_chargeDeclined")).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
      statusCode: 402,
    });
    await expect(pay("pm_card_chargeDeclinedInsufficientFunds")).rejects.toMatchObject({ code: "card_declined", decline_code: "insufficient_funds" });
    await expect(pay("pm_card_chargeDeclinedExpiredCard")).rejects.toMatchObject({ code: "expired_card", decline_code: "expired_card" });
    await expect(pay("pm_card_chargeDeclinedIncorrectCvc")).rejects.toMatchObject({ code: "incorrect_cvc" });
    // A declined confirmation leaves the PaymentIntent waiting for another payment method.
    const error = (await pay("pm_card_chargeDeclined").catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    const intent = error.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error).toMatchObject({ code: "card_declined", decline_code: "generic_decline" });
  });

  it("takes a new amount after a decline (the donor retries), and refuses one once the payment succeeded; metadata stays editable", async () => {
    const error = (await pay("pm_card_chargeDeclined").catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    const declined = error.payment_intent as Stripe.PaymentIntent;
    const updated = await target.stripe.paymentIntents.update(declined.id, { amount: 3071, metadata: { retry: "1" } }, on());
    expect(updated).toMatchObject({ amount: 3071, status: "requires_payment_method", metadata: { retry: "1" } });
    const paid = await target.stripe.paymentIntents.confirm(declined.id, { payment_method: "pm_card_visa" }, on());
    expect(paid).toMatchObject({ status: "succeeded", amount: 3071 });
    await expect(target.stripe.paymentIntents.update(declined.id, { amount: 5000 }, on())).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "payment_intent_unexpected_state",
    });
    expect((await target.stripe.paymentIntents.update(declined.id, { metadata: { retry: "done" } }, on())).metadata).toMatchObject({ retry: "done" });
    const canceled = await target.stripe.paymentIntents.cancel(
      (await pay("pm_card_chargeDeclined").catch((e: Stripe.errors.StripeCardError) => e.payment_intent as Stripe.PaymentIntent)).id,
      { cancellation_reason: "requested_by_customer" },
      on(),
    );
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer" });
  });

  it("asks for 3-D Secure with pm_card_authenticationRequired, and declines it off-session", async () => {
    // Confirmed by server code without a return_url: the next action is for Stripe.js to run.
    const intent = await pay("pm_card_authenticationRequired");
    expect(intent.status).toBe("requires_action");
    expect(intent.next_action?.type).toBe("use_stripe_sdk");
    const customer = await target.stripe.customers.create({ email: "offsession@example.org" }, on());
    await expect(
      target.stripe.paymentIntents.create(
        {
          amount: 2563,
          currency: "eur",
          customer: customer.id,
          payment_method: "pm_card_authenticationRequired",
          confirm: true,
          off_session: true,
          automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        },
        on(),
      ),
    ).rejects.toMatchObject({ type: "StripeCardError", code: "authentication_required" });
  });

  it("opens a dispute on a payment made with pm_card_createDispute", async () => {
    const intent = await pay("pm_card_createDispute");
    expect(intent.status).toBe("succeeded");
    const charge = await eventually(async () => {
      const found = await target.stripe.charges.retrieve(idOf(intent.latest_charge), undefined, on());
      return found.disputed ? found : null;
    });
    const disputes = await target.stripe.disputes.list({ payment_intent: intent.id }, on());
    expect(disputes.data[0]).toMatchObject({ charge: charge.id, amount: 2563, reason: "fraudulent" });
  });

  it("refuses raw card numbers sent with a secret key, as Stripe does", async () => {
    const raw = { type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: 2034, cvc: "123" } } as Stripe.PaymentMethodCreateParams;
    const unsafe = {
      type: "StripeInvalidRequestError",
      message: expect.stringContaining("Sending credit card numbers directly to the Stripe API is generally unsafe") as string,
    };
    await expect(target.stripe.paymentMethods.create(raw, on())).rejects.toMatchObject(unsafe);
    await expect(
      target.stripe.paymentIntents.create(
        { amount: 2563, currency: "eur", confirm: true, payment_method_data: raw as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData },
        on(),
      ),
    ).rejects.toMatchObject(unsafe);
  });
});

describe("refunds", () => {
  it("refunds partially, one refund at a time, until the charge is fully refunded", async () => {
    const intent = await pay("pm_card_visa", { amount: 5000 });
    const first = await target.stripe.refunds.create({ payment_intent: intent.id, amount: 1000 }, on());
    const second = await target.stripe.refunds.create({ payment_intent: intent.id, amount: 1500 }, on());
    await expect(target.stripe.refunds.create({ payment_intent: intent.id, amount: 3000 }, on())).rejects.toMatchObject({
      code: "amount_too_large",
      param: "amount",
    });
    const rest = await target.stripe.refunds.create({ payment_intent: intent.id }, on());
    expect([first.amount, second.amount, rest.amount]).toEqual([1000, 1500, 2500]);
    expect(await target.stripe.charges.retrieve(idOf(intent.latest_charge), undefined, on())).toMatchObject({ amount_refunded: 5000, refunded: true });
    const refundTxns = await Promise.all(
      [first, second, rest].map((r) => target.stripe.balanceTransactions.retrieve(idOf(r.balance_transaction), undefined, on())),
    );
    expect(refundTxns.map((t) => t.amount)).toEqual([-1000, -1500, -2500]);
    await expect(target.stripe.refunds.create({ payment_intent: intent.id, amount: 1 }, on())).rejects.toMatchObject({ code: "charge_already_refunded" });
  });
});

describe("bank transfers", () => {
  it("gives instructions in financial_addresses, and funding the customer's cash balance settles the payment", async () => {
    const customer = await target.stripe.customers.create({ email: "donor@example.org", name: "A Donor" }, on());
    const intent = await target.stripe.paymentIntents.create(
      {
        amount: 5000,
        currency: "eur",
        customer: customer.id,
        allowed_payment_method_types: ["customer_balance"],
        payment_method_data: { type: "customer_balance" },
        payment_method_options: {
          customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } } },
        },
        confirm: true,
      },
      on(),
    );
    expect(intent.status).toBe("requires_action");
    const instructions = intent.next_action?.display_bank_transfer_instructions;
    expect(instructions?.financial_addresses?.[0]?.iban?.iban).toMatch(/^DE\d{2}/);
    expect(instructions?.reference).toBeTruthy();
    await target.stripe.testHelpers.customers.fundCashBalance(customer.id, { amount: 5000, currency: "eur", reference: String(instructions?.reference) }, on());
    const settled = await eventually(async () => {
      const found = await target.stripe.paymentIntents.retrieve(intent.id, undefined, on());
      return found.status === "succeeded" ? found : null;
    });
    expect(settled.amount_received).toBe(5000);
  });
});

describe("what a connected account can take by bank transfer", () => {
  const transferIntent = (
    currency: string,
    bankTransfer: Stripe.PaymentIntentCreateParams.PaymentMethodOptions.CustomerBalance.BankTransfer,
    customer: string,
  ) =>
    target.stripe.paymentIntents.create(
      {
        amount: 5000,
        currency,
        customer,
        allowed_payment_method_types: ["customer_balance"],
        payment_method_data: { type: "customer_balance" },
        payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: bankTransfer } },
        confirm: true,
      },
      on(),
    );

  it("refuses a customer made on another account (the platform's own) as missing", async () => {
    const elsewhere = await target.stripe.customers.create({ email: "donor@example.org" });
    await expect(transferIntent("eur", { type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } }, elsewhere.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      param: "customer",
      message: `No such customer: '${elsewhere.id}'`,
    });
  });

  it("refuses a bank transfer the euro-area account cannot receive (GBP to a UK sort code)", async () => {
    const customer = await target.stripe.customers.create({ email: "donor@example.org" }, on());
    await expect(transferIntent("gbp", { type: "gb_bank_transfer" }, customer.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
    });
  });
});
