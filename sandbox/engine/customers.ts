// Customers on a connected account and their cash balance: bank-transfer instructions (the
// customer_balance payment method) and the money that arrives and settles waiting PaymentIntents.
import type { Engine } from "../engine";
import { newId, now, present } from "../store";
import { invalid, notFound } from "../wire";
import { succeedPayment } from "./charges";
import { eventAccount, type Account, type Obj, type PaymentIntent } from "./objects";

export function createCustomer(
  engine: Engine,
  account: string,
  input: { email?: string; name?: string; metadata: Record<string, string>; defaultPaymentMethod?: string; testClock?: string },
) {
  if (input.testClock && !engine.store.get(account, input.testClock, "test_helpers.test_clock"))
    throw notFound("test_helpers.test_clock", input.testClock, "test_clock");
  const customer: Obj = {
    id: newId("cus", 14),
    object: "customer",
    created: now(),
    email: input.email ?? null,
    name: input.name ?? null,
    description: null,
    balance: 0,
    currency: null,
    livemode: false,
    metadata: input.metadata,
    invoice_settings: { default_payment_method: input.defaultPaymentMethod ?? null, custom_fields: null, footer: null, rendering_options: null },
    test_clock: input.testClock ?? null,
    _cash: {},
  };
  engine.store.put(account, customer);
  engine.webhooks.emit("customer.created", present(customer), eventAccount(account));
  return customer;
}

// prettier-ignore
const EUR_ACCOUNT_COUNTRIES = new Set([
  "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
  "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM",
]);
const DOMESTIC_TRANSFER_TYPE: Record<string, string> = { GB: "gb_bank_transfer", JP: "jp_bank_transfer", MX: "mx_bank_transfer", US: "us_bank_transfer" };

/** The bank transfers an account in `country` can receive (Stripe's bank-transfers page, business locations). */
export function bankTransferTypesFor(country: string): string[] {
  const code = country.toUpperCase();
  return [...(EUR_ACCOUNT_COUNTRIES.has(code) ? ["eu_bank_transfer"] : []), ...(DOMESTIC_TRANSFER_TYPE[code] ? [DOMESTIC_TRANSFER_TYPE[code]] : [])];
}

/** As Stripe refuses a payment method type the account has not activated. */
export function assertBankTransfersActive(account: Account, param?: string) {
  if ((account.capabilities as Record<string, string>).bank_transfer_payments === "active") return;
  throw invalid(
    "The payment method type provided: customer_balance is invalid. Please ensure the provided type is activated in your dashboard (https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any preview features that you are trying to use.",
    param,
    "payment_intent_invalid_parameter",
  );
}

export function fundingInstructions(engine: Engine, accountId: string, currency: string, type: string, country?: string, typeParam = "bank_transfer[type]") {
  const account = engine.account(accountId) as Account;
  assertBankTransfersActive(account);
  const receivable = bankTransferTypesFor(account.country);
  if (!receivable.includes(type)) {
    throw invalid(
      `${type} is not available to accounts in ${account.country}. Accounts in ${account.country} can receive bank transfers of type ${receivable.join(", ")}.`,
      typeParam,
      "payment_intent_invalid_parameter",
    );
  }
  const holder = String((account.business_profile as { name: string | null }).name ?? "Sandbox account");
  if (type === "eu_bank_transfer") {
    if (currency !== "eur") throw invalid("eu_bank_transfer takes EUR only.", "currency");
    const iban = `${country ?? "DE"}89370400440532013000`;
    return {
      type,
      country: country ?? "DE",
      financial_addresses: [
        { type: "iban", iban: { account_holder_name: holder, bic: "SXPYDEHH", country: country ?? "DE", iban }, supported_networks: ["sepa"] },
      ],
    };
  }
  if (type === "gb_bank_transfer") {
    if (currency !== "gbp") throw invalid("gb_bank_transfer takes GBP only.", "currency");
    return {
      type,
      financial_addresses: [
        { type: "sort_code", sort_code: { account_holder_name: holder, account_number: "00012345", sort_code: "108800" }, supported_networks: ["bacs", "fps"] },
      ],
    };
  }
  if (type === "us_bank_transfer") {
    if (currency !== "usd") throw invalid("us_bank_transfer takes USD only.", "currency");
    return {
      type,
      financial_addresses: [
        {
          type: "aba",
          aba: { account_holder_name: holder, account_number: "984344187352", bank_name: "Sandbox Bank", routing_number: "110000000" },
          supported_networks: ["ach", "domestic_wire_us"],
        },
      ],
    };
  }
  if (type === "jp_bank_transfer") {
    if (currency !== "jpy") throw invalid("jp_bank_transfer takes JPY only.", "currency");
    return {
      type,
      financial_addresses: [
        {
          type: "zengin",
          zengin: {
            account_holder_name: holder,
            account_number: "1234567",
            account_type: "futsu",
            bank_code: "0001",
            bank_name: "Sandbox Bank",
            branch_code: "001",
            branch_name: "Sandbox Branch",
          },
          supported_networks: ["zengin"],
        },
      ],
    };
  }
  if (type === "mx_bank_transfer") {
    if (currency !== "mxn") throw invalid("mx_bank_transfer takes MXN only.", "currency");
    return {
      type,
      financial_addresses: [
        {
          type: "spei",
          spei: { account_holder_name: holder, bank_code: "002", bank_name: "Sandbox Bank", clabe: "002010077777777771" },
          supported_networks: ["spei"],
        },
      ],
    };
  }
  throw invalid(`Invalid bank_transfer[type]: ${type}`, "bank_transfer[type]");
}

export function awaitBankTransfer(engine: Engine, pi: PaymentIntent, accountId: string): PaymentIntent {
  if (!pi.customer) throw invalid("A customer is required to use the customer_balance payment method.", "customer", "parameter_missing");
  const options = (
    pi.payment_method_options as { customer_balance?: { funding_type?: string; bank_transfer?: { type?: string; eu_bank_transfer?: { country?: string } } } }
  ).customer_balance;
  const bankTransfer = options?.bank_transfer;
  if (options?.funding_type !== "bank_transfer" || !bankTransfer?.type) {
    throw invalid(
      "payment_method_options[customer_balance][funding_type] must be bank_transfer, with a bank_transfer[type].",
      "payment_method_options[customer_balance]",
    );
  }
  const instructions = fundingInstructions(
    engine,
    accountId,
    pi.currency,
    bankTransfer.type,
    bankTransfer.eu_bank_transfer?.country,
    "payment_method_options[customer_balance][bank_transfer][type]",
  );
  pi._reference ??= newId("x", 10).slice(2).toUpperCase();
  pi.status = "requires_action";
  pi.next_action = {
    type: "display_bank_transfer_instructions",
    display_bank_transfer_instructions: {
      amount_remaining: pi.amount - Number(pi.amount_received),
      currency: pi.currency,
      financial_addresses: instructions.financial_addresses,
      hosted_instructions_url: `${engine.config.baseUrl}/bank-transfer/${pi.id}`,
      reference: pi._reference,
      type: bankTransfer.type,
    },
  };
  engine.store.touch();
  engine.webhooks.emit("payment_intent.requires_action", present(pi), accountId);
  return pi;
}

/** Money arrives in the customer's cash balance and settles waiting PaymentIntents (reference first). */
/** Which bank transfer funds a cash balance in each currency. */
const BANK_TRANSFER_TYPES: Record<string, string> = {
  eur: "eu_bank_transfer",
  gbp: "gb_bank_transfer",
  usd: "us_bank_transfer",
  jpy: "jp_bank_transfer",
  mxn: "mx_bank_transfer",
};

export function fundCashBalance(engine: Engine, accountId: string, customerId: string, amount: number, currency: string, reference?: string) {
  const customer = engine.store.get(accountId, customerId, "customer");
  if (!customer) throw notFound("customer", customerId, "customer");
  if (!Number.isInteger(amount) || amount <= 0) throw invalid("amount must be a positive integer", "amount");
  const balances = customer._cash as Record<string, number>;
  balances[currency] = (balances[currency] ?? 0) + amount;
  const funded: Obj = {
    id: newId("ccsbtxn", 24),
    object: "customer_cash_balance_transaction",
    created: now(),
    currency,
    customer: customerId,
    ending_balance: balances[currency],
    funded: { bank_transfer: { reference: reference ?? null, type: BANK_TRANSFER_TYPES[currency] ?? "eu_bank_transfer" } },
    livemode: false,
    net_amount: amount,
    type: "funded",
  };
  engine.store.put(accountId, funded);
  engine.webhooks.emit("customer_cash_balance_transaction.created", funded, accountId);
  engine.webhooks.emit(
    "cash_balance.funds_available",
    { id: customerId, object: "cash_balance", created: now(), available: { ...balances }, customer: customerId },
    accountId,
  );
  const waiting = engine.store
    .all<PaymentIntent>(accountId, "payment_intent")
    .filter(
      (pi) =>
        pi.customer === customerId &&
        pi.currency === currency &&
        pi.status === "requires_action" &&
        (pi.next_action as { type?: string } | null)?.type === "display_bank_transfer_instructions",
    )
    .sort((a, b) => Number(b._reference === reference) - Number(a._reference === reference) || a.created - b.created);
  for (const pi of waiting) {
    const available: number = balances[currency] ?? 0;
    const remaining = pi.amount - Number(pi.amount_received);
    const applied = Math.min(available, remaining);
    if (applied <= 0) break;
    balances[currency] = available - applied;
    pi.amount_received = Number(pi.amount_received) + applied;
    if (pi.amount_received < pi.amount) {
      const action = pi.next_action as { display_bank_transfer_instructions: { amount_remaining: number } };
      action.display_bank_transfer_instructions.amount_remaining = pi.amount - pi.amount_received;
      engine.webhooks.emit("payment_intent.partially_funded", present(pi), accountId);
      continue;
    }
    const pm = engine.store.get(accountId, String(pi.payment_method), "payment_method") as Obj;
    succeedPayment(engine, pi, accountId, pm);
  }
  engine.store.touch();
  return funded;
}
