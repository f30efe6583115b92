// PaymentMethods: cards checked as Stripe checks them (number, expiry, CVC), SEPA debits by IBAN,
// redirect methods and customer_balance; and the test numbers whose outcome Stripe fixes.
import type { Engine } from "../engine";
import { newId, now, present, text } from "../store";
import { invalid, notFound, StripeApiError } from "../wire";
import { eventAccount, type Obj } from "./objects";

/** Outcomes of Stripe's test card numbers (docs.stripe.com/testing). */
export const CARD_OUTCOMES: Record<string, { decline?: string; code?: string; message?: string; threeDS?: boolean; dispute?: boolean }> = {
  "4000000000000002": { decline: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { decline: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { decline: "lost_card", message: "Your card was declined." },
  "4000000000009979": { decline: "stolen_card", message: "Your card was declined." },
  "4000000000000069": { decline: "expired_card", code: "expired_card", message: "Your card has expired." },
  "4000000000000127": { decline: "incorrect_cvc", code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  "4000000000000119": {
    decline: "processing_error",
    code: "processing_error",
    message: "An error occurred while processing your card. Try again in a little bit.",
  },
  "4000002760003184": { threeDS: true },
  "4000002500003155": { threeDS: true },
  "4000000000003220": { threeDS: true },
  "4000000000000259": { dispute: true },
};

/**
 * Stripe's test PaymentMethods: ids that server code uses in test mode instead of card numbers
 * (which Stripe refuses from a secret key). Each use makes a new PaymentMethod on the account.
 */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_mastercard_debit: "5200828282828210",
  pm_card_mastercard_prepaid: "5105105105105100",
  pm_card_amex: "378282246310005",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_visa_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_visa_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedLostCard: "4000000000009987",
  pm_card_visa_chargeDeclinedLostCard: "4000000000009987",
  pm_card_chargeDeclinedStolenCard: "4000000000009979",
  pm_card_visa_chargeDeclinedStolenCard: "4000000000009979",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_chargeDeclinedProcessingError: "4000000000000119",
  pm_card_authenticationRequired: "4000002760003184",
  pm_card_authenticationRequiredOnSetup: "4000002500003155",
  pm_card_threeDSecure2Required: "4000000000003220",
  pm_card_createDispute: "4000000000000259",
};

/** Stripe's answer when server code (a secret key) sends card numbers instead of using Stripe.js or test PaymentMethods. */
export function refuseRawCardNumbers(params: Record<string, unknown>) {
  const numberIn = (data: unknown) => Boolean(data && typeof data === "object" && (data as { card?: { number?: unknown } }).card?.number !== undefined);
  if (numberIn(params) || numberIn(params.payment_method_data)) {
    // 400: the SDKs raise it as an invalid request error (a 402 would become a card error).
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      message:
        "Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable raw card data APIs in test mode, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.",
    });
  }
}

/** SEPA test IBANs that settle and fail (others that pass the checksum settle). */
export const FAILING_IBANS = new Set(["AT861904300235473202", "DE62370400440532013001"]);
export const REDIRECT_METHODS = new Set(["ideal", "bancontact", "p24", "eps"]);

const DEBIT_CARDS = new Set(["4000056655665556", "5200828282828210"]);

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return number.length >= 12 && sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder === 1;
}

function cardBrand(number: string): string {
  if (number.startsWith("4")) return "visa";
  if (/^5[1-5]|^2[2-7]/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "unknown";
}

export function createPaymentMethod(engine: Engine, account: string, data: Record<string, unknown>): Obj {
  const type = text(data.type);
  const billing = (data.billing_details ?? {}) as Record<string, string>;
  const pm: Obj = {
    id: newId("pm", 24),
    object: "payment_method",
    created: now(),
    type,
    customer: null,
    livemode: false,
    metadata: {},
    billing_details: { name: billing.name ?? null, email: billing.email ?? null, phone: null, address: null },
  };
  if (type === "card") {
    const card = (data.card ?? {}) as Record<string, string>;
    const number = (card.number ?? "").replace(/\s+/g, "");
    if (!luhn(number))
      throw new StripeApiError(402, { type: "card_error", code: "incorrect_number", param: "number", message: "Your card number is incorrect." });
    const expMonth = Number(card.exp_month);
    let expYear = Number(card.exp_year);
    if (expYear < 100) expYear += 2000;
    const today = new Date();
    if (!(expMonth >= 1 && expMonth <= 12))
      throw new StripeApiError(402, {
        type: "card_error",
        code: "invalid_expiry_month",
        param: "exp_month",
        message: "Your card's expiration month is invalid.",
      });
    if (expYear < today.getUTCFullYear() || (expYear === today.getUTCFullYear() && expMonth < today.getUTCMonth() + 1)) {
      throw new StripeApiError(402, {
        type: "card_error",
        code: "invalid_expiry_year",
        param: "exp_year",
        message: "Your card's expiration year is in the past.",
      });
    }
    if (!/^\d{3,4}$/.test(card.cvc ?? ""))
      throw new StripeApiError(402, { type: "card_error", code: "invalid_cvc", param: "cvc", message: "Your card's security code is invalid." });
    pm.card = {
      brand: cardBrand(number),
      last4: number.slice(-4),
      exp_month: expMonth,
      exp_year: expYear,
      country: "US",
      funding: DEBIT_CARDS.has(number) ? "debit" : number === "5105105105105100" ? "prepaid" : "credit",
      fingerprint: newId("fp", 12).slice(3),
    };
    pm._number = number;
  } else if (type === "sepa_debit") {
    const iban = String((data.sepa_debit as Record<string, string> | undefined)?.iban ?? "")
      .replace(/\s+/g, "")
      .toUpperCase();
    if (!ibanValid(iban)) throw invalid("The IBAN you provided is invalid.", "sepa_debit[iban]", "invalid_bank_account_iban");
    if (!billing.name || !billing.email)
      throw invalid("SEPA Direct Debit needs the account holder's name and email.", "billing_details[name]", "parameter_missing");
    pm.sepa_debit = { bank_code: iban.slice(4, 12), branch_code: "", country: iban.slice(0, 2), last4: iban.slice(-4), fingerprint: newId("fp", 12).slice(3) };
    pm._iban = iban;
  } else if (REDIRECT_METHODS.has(type) || type === "customer_balance") {
    pm[type] = {};
  } else {
    throw invalid(`Invalid payment_method_data[type]: ${type || "(none)"}`, "payment_method_data[type]");
  }
  engine.store.put(account, pm);
  return pm;
}

/** A PaymentMethod of the account, or a new one for a test PaymentMethod id (`pm_card_visa`...). */
export function paymentMethodFor(engine: Engine, account: string, id: string, missing = { kind: "payment_method", param: "payment_method" }): Obj {
  const number = TEST_PAYMENT_METHODS[id];
  if (number) {
    const expYear = new Date().getUTCFullYear() + 3;
    return createPaymentMethod(engine, account, { type: "card", card: { number, exp_month: "12", exp_year: String(expYear), cvc: "123" } });
  }
  const pm = engine.store.get(account, id, "payment_method");
  if (!pm) throw notFound(missing.kind, id, missing.param);
  return pm;
}

export function attachPaymentMethod(engine: Engine, account: string, pmId: string, customerId: string) {
  const pm = paymentMethodFor(engine, account, pmId, { kind: "PaymentMethod", param: "id" });
  if (!engine.store.get(account, customerId, "customer")) throw notFound("customer", customerId, "customer");
  pm.customer = customerId;
  engine.store.touch();
  engine.webhooks.emit("payment_method.attached", present(pm), eventAccount(account));
  return pm;
}
