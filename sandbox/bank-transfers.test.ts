// Bank transfers depend on the connected account, as on Stripe: its country decides which
// transfer types (and so currencies) it can receive, its bank_transfer_payments capability whether
// it can receive any, and a customer exists only on the account it was made on.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

const NOT_ACTIVATED =
  "The payment method type provided: customer_balance is invalid. Please ensure the provided type is activated in your dashboard (https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any preview features that you are trying to use.";

async function transfer(account: string, currency: string, bankTransfer: Stripe.PaymentIntentCreateParams.PaymentMethodOptions.CustomerBalance.BankTransfer) {
  const customer = await stripe.customers.create({ email: "donor@example.org" }, { stripeAccount: account });
  return stripe.paymentIntents.create(
    {
      amount: 5000,
      currency,
      customer: customer.id,
      allowed_payment_method_types: ["customer_balance"],
      payment_method_data: { type: "customer_balance" },
      payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: bankTransfer } },
      confirm: true,
    },
    { stripeAccount: account },
  );
}

const EU = { type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } } as const;

describe("the account's bank_transfer_payments capability", () => {
  it("is active on accounts in countries with bank transfers, and absent elsewhere", async () => {
    for (const country of ["DE", "GB", "US", "JP", "MX", "PL", "CH"]) {
      const account = await stripe.accounts.retrieve(await connectedAccount({ country }));
      expect(account.capabilities).toEqual({ card_payments: "active", transfers: "active", bank_transfer_payments: "active" });
    }
    const australian = await stripe.accounts.retrieve(await connectedAccount({ country: "AU" }));
    expect(australian.capabilities).toEqual({ card_payments: "active", transfers: "active" });
  });

  it("refuses customer_balance while the capability is inactive, as Stripe refuses a method not activated, and changes it with account.updated", async () => {
    const account = await connectedAccount({ country: "DE" });
    await control.updateAccount(account, { bank_transfer_payments: false });
    expect((await stripe.accounts.retrieve(account)).capabilities?.bank_transfer_payments).toBe("inactive");
    const [updated] = (await control.events({ account, type: "account.updated" })).map((entry) => entry.event as { data: { previous_attributes?: object } });
    expect(updated?.data.previous_attributes).toEqual({ capabilities: { card_payments: "active", transfers: "active", bank_transfer_payments: "active" } });
    await expect(transfer(account, "eur", EU)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      code: "payment_intent_invalid_parameter",
      param: "allowed_payment_method_types",
      message: NOT_ACTIVATED,
    });
    await control.updateAccount(account, { bank_transfer_payments: true });
    expect((await transfer(account, "eur", EU)).status).toBe("requires_action");
    // Turning it off again leaves charges and payouts as they were.
    const again = await control.updateAccount(account, { bank_transfer_payments: false });
    expect(again).toMatchObject({ charges_enabled: true, capabilities: { card_payments: "active", transfers: "active", bank_transfer_payments: "inactive" } });
  });
});

describe("which transfers an account's country can receive", () => {
  it("lets a German account receive EUR only", async () => {
    const account = await connectedAccount({ country: "DE" });
    expect((await transfer(account, "eur", EU)).next_action?.display_bank_transfer_instructions?.financial_addresses?.[0]?.type).toBe("iban");
    for (const [currency, type] of [
      ["gbp", "gb_bank_transfer"],
      ["usd", "us_bank_transfer"],
      ["jpy", "jp_bank_transfer"],
      ["mxn", "mx_bank_transfer"],
    ] as const) {
      await expect(transfer(account, currency, { type })).rejects.toMatchObject({
        statusCode: 400,
        code: "payment_intent_invalid_parameter",
        param: "payment_method_options[customer_balance][bank_transfer][type]",
        message: `${type} is not available to accounts in DE. Accounts in DE can receive bank transfers of type eu_bank_transfer.`,
      });
    }
  });

  it("lets a UK account receive GBP to a sort code and EUR to an IBAN, and a US account USD only", async () => {
    const uk = await connectedAccount({ country: "GB" });
    expect((await transfer(uk, "gbp", { type: "gb_bank_transfer" })).next_action?.display_bank_transfer_instructions?.financial_addresses?.[0]?.type).toBe(
      "sort_code",
    );
    expect((await transfer(uk, "eur", EU)).next_action?.display_bank_transfer_instructions?.financial_addresses?.[0]?.type).toBe("iban");
    await expect(transfer(uk, "usd", { type: "us_bank_transfer" })).rejects.toMatchObject({ code: "payment_intent_invalid_parameter" });
    const us = await connectedAccount({ country: "US" });
    expect((await transfer(us, "usd", { type: "us_bank_transfer" })).next_action?.display_bank_transfer_instructions?.financial_addresses?.[0]?.type).toBe(
      "aba",
    );
    await expect(transfer(us, "eur", EU)).rejects.toMatchObject({
      message: "eu_bank_transfer is not available to accounts in US. Accounts in US can receive bank transfers of type us_bank_transfer.",
    });
  });

  it("gives a Japanese account a Zengin account and a Mexican one a CLABE", async () => {
    const japan = await transfer(await connectedAccount({ country: "JP" }), "jpy", { type: "jp_bank_transfer" });
    expect(japan.next_action?.display_bank_transfer_instructions?.financial_addresses?.[0]).toMatchObject({
      type: "zengin",
      zengin: {
        account_holder_name: "Test Charity",
        bank_name: "Sandbox Bank",
        branch_name: "Sandbox Branch",
        account_type: "futsu",
        account_number: "1234567",
      },
    });
    const mexico = await transfer(await connectedAccount({ country: "MX" }), "mxn", { type: "mx_bank_transfer" });
    expect(mexico.next_action?.display_bank_transfer_instructions?.financial_addresses?.[0]).toMatchObject({
      type: "spei",
      spei: { bank_name: "Sandbox Bank", clabe: "002010077777777771" },
    });
  });

  it("applies the same rule to a customer's funding instructions", async () => {
    const account = await connectedAccount({ country: "DE" });
    const customer = await stripe.customers.create({ email: "donor@example.org" }, { stripeAccount: account });
    await expect(
      stripe.customers.createFundingInstructions(
        customer.id,
        { currency: "usd", funding_type: "bank_transfer", bank_transfer: { type: "us_bank_transfer" } },
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ code: "payment_intent_invalid_parameter", param: "bank_transfer[type]" });
  });
});

describe("customers belong to one account", () => {
  it("refuses another account's customer as missing", async () => {
    const first = await connectedAccount();
    const second = await connectedAccount();
    const customer = await stripe.customers.create({ email: "donor@example.org" }, { stripeAccount: first });
    await expect(
      stripe.paymentIntents.create(
        { amount: 5000, currency: "eur", customer: customer.id, allowed_payment_method_types: ["customer_balance"] },
        { stripeAccount: second },
      ),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "resource_missing", param: "customer", message: `No such customer: '${customer.id}'` });
  });
});

describe("refunding a bank transfer", () => {
  async function paidTransfer(email: string | undefined) {
    const account = await connectedAccount({ country: "DE" });
    const customer = await stripe.customers.create(email ? { email } : {}, { stripeAccount: account });
    const intent = await stripe.paymentIntents.create(
      {
        amount: 5000,
        currency: "eur",
        customer: customer.id,
        allowed_payment_method_types: ["customer_balance"],
        payment_method_data: { type: "customer_balance" },
        payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: EU } },
        confirm: true,
      },
      { stripeAccount: account },
    );
    await control.fund(customer.id, 5000, "eur");
    const paid = await stripe.paymentIntents.retrieve(intent.id, undefined, { stripeAccount: account });
    return { account, charge: paid.latest_charge as string };
  }

  it("asks the customer for a bank account by email and waits in requires_action", async () => {
    const { account, charge } = await paidTransfer("donor@example.org");
    const refund = await stripe.refunds.create({ charge, amount: 1200, instructions_email: "other@example.org" }, { stripeAccount: account });
    expect(refund).toMatchObject({ status: "requires_action", destination_details: { type: "eu_bank_transfer" } });
    expect(refund.next_action?.display_details?.email_sent.email_sent_to).toBe("other@example.org");
    expect(refund.next_action?.display_details?.expires_at).toBeGreaterThan(Date.now() / 1000);
    // Without instructions_email, the customer's own address.
    const second = await stripe.refunds.create({ charge, amount: 100 }, { stripeAccount: account });
    expect(second.next_action?.display_details?.email_sent.email_sent_to).toBe("donor@example.org");
  });

  it("goes back to the cash balance when there is no one to ask", async () => {
    const { account, charge } = await paidTransfer(undefined);
    const refund = await stripe.refunds.create({ charge, amount: 700 }, { stripeAccount: account });
    expect(refund).toMatchObject({ status: "succeeded", next_action: null, destination_details: { type: "customer_cash_balance" } });
  });

  it("refuses an instructions_email that is not an email address", async () => {
    const { account, charge } = await paidTransfer("donor@example.org");
    await expect(stripe.refunds.create({ charge, instructions_email: "not an email" }, { stripeAccount: account })).rejects.toMatchObject({
      param: "instructions_email",
    });
  });
});
