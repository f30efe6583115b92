// What /v1/payment_intents accepts, from the stripe package's PaymentIntentCreateParams,
// PaymentIntentUpdateParams, PaymentIntentConfirmParams and PaymentIntentCancelParams (API 2026-10-28.endive).
import {
  anything,
  arrayOf,
  boolean,
  currency,
  email,
  EXPAND,
  expand,
  id,
  integer,
  LIST,
  metadata,
  notImplemented,
  notInSandbox,
  object,
  oneOf,
  oneOfInSandbox,
  string,
  type Table,
} from "./rules";

/** The payment methods the sandbox implements, and the currencies Stripe takes each in. */
export const METHOD_CURRENCIES: Record<string, readonly string[] | "any"> = {
  card: "any",
  sepa_debit: ["eur"],
  ideal: ["eur"],
  bancontact: ["eur"],
  eps: ["eur"],
  p24: ["eur", "pln"],
  customer_balance: ["eur", "gbp", "usd", "jpy", "mxn"],
};
const METHOD_TYPES = Object.keys(METHOD_CURRENCIES);
/** Every payment method type Stripe knows at this API version (PaymentIntentCreateParams.AllowedPaymentMethodType). */
// prettier-ignore
export const STRIPE_METHOD_TYPES = ["acss_debit", "affirm", "afterpay_clearpay", "alipay", "alma", "amazon_pay", "au_becs_debit", "bacs_debit", "bancontact", "billie", "bizum", "blik", "boku_promptpay", "boleto", "capchase_pay", "card", "card_present", "cashapp", "check_scan", "click_to_pay", "crypto", "customer_balance", "demo_pay", "duitnow", "dummy_auth_push", "dummy_passthrough_card", "edenred", "eps", "fpx", "gcash", "getbalance", "gift_card", "giropay", "gopay", "grabpay", "id_bank_transfer", "ideal", "interac_present", "kakao_pay", "klarna", "knet", "konbini", "kr_card", "kr_market", "kriya", "link", "mb_way", "mobilepay", "momo", "mondu", "multibanco", "naver_pay", "netbanking", "ng_bank", "ng_bank_transfer", "ng_card", "ng_market", "ng_ussd", "ng_wallet", "nz_bank_account", "octopus", "oxxo", "paper_check", "pay_by_bank", "payco", "paynow", "paypal", "paypay", "payto", "pix", "promptpay", "qris", "rechnung", "revolut_pay", "samsung_pay", "satispay", "scalapay", "sepa_debit", "sequra", "shop_pay", "shopeepay", "sofort", "south_korea_market", "stripe_balance", "sunbit", "swish", "tamara", "test_pay", "touch_n_go", "truemoney", "twint", "upi", "us_bank_account", "us_cash_voucher", "vipps", "wechat_pay", "wero", "zip"];
export const METHOD_TYPE = oneOfInSandbox(
  STRIPE_METHOD_TYPES,
  STRIPE_METHOD_TYPES.filter((type) => !METHOD_TYPES.includes(type)),
);

const SETUP_FUTURE_USAGE = oneOf("on_session", "off_session");
const NO_FUTURE_USAGE = oneOf("none");

/** What the sandbox keeps of a new payment method; Stripe's other fields are refused by name. */
export const PAYMENT_METHOD_DATA: Table = {
  type: METHOD_TYPE,
  // exp_month outside 1..12 is a card_error (invalid_expiry_month) at Stripe, not a parameter error.
  card: object({ number: string(), exp_month: integer(), exp_year: integer(), cvc: string() }),
  sepa_debit: object({ iban: string() }),
  billing_details: object({ name: string(), email: email, ...notImplemented("phone", "address", "tax_id") }),
  ideal: object(notImplemented("bank")),
  bancontact: object({}),
  p24: object(notImplemented("bank", "tos_shown_and_accepted")),
  eps: object(notImplemented("bank")),
  customer_balance: object({}),
  ...notImplemented("metadata", "allow_redisplay", "radar_options"),
};

export const PAYMENT_METHOD_OPTIONS: Table = {
  card: object({
    setup_future_usage: oneOf("none", "on_session", "off_session"),
    request_three_d_secure: oneOf("any", "automatic", "challenge"),
    capture_method: oneOfInSandbox(["manual"], ["manual"]),
    statement_descriptor_suffix_kana: string(),
    statement_descriptor_suffix_kanji: string(),
  }),
  sepa_debit: object({ setup_future_usage: oneOf("none", "on_session", "off_session"), mandate_options: object({ reference_prefix: string() }) }),
  ideal: object({ setup_future_usage: oneOf("none", "off_session") }),
  bancontact: object({ preferred_language: oneOf("de", "en", "fr", "nl"), setup_future_usage: oneOf("none", "off_session") }),
  eps: object({ setup_future_usage: NO_FUTURE_USAGE }),
  p24: object({ setup_future_usage: NO_FUTURE_USAGE, tos_shown_and_accepted: boolean }),
  customer_balance: object({
    funding_type: oneOf("bank_transfer"),
    setup_future_usage: NO_FUTURE_USAGE,
    bank_transfer: object({
      type: oneOf("eu_bank_transfer", "gb_bank_transfer", "jp_bank_transfer", "mx_bank_transfer", "us_bank_transfer"),
      // The country of the virtual IBAN the donor pays into.
      eu_bank_transfer: object({ country: oneOf("BE", "DE", "ES", "FR", "IE", "NL") }),
      requested_address_types: arrayOf(oneOf("aba", "iban", "sepa", "sort_code", "spei", "swift", "zengin")),
    }),
  }),
};

export const AUTOMATIC_PAYMENT_METHODS = object({ enabled: boolean, allow_redirects: oneOf("always", "never") });
export const CONNECT = "the sandbox has no platform fees or Connect destinations: Amply takes no cut on direct charges";

/** Stripe parameters no endpoint of the sandbox implements: refused by name, never ignored. */
const NOT_IMPLEMENTED = notImplemented(
  "amount_details",
  "hooks",
  "mandate",
  "payment_details",
  "radar_options",
  "confirmation_token",
  "shipping",
  "transfer_group",
  "error_on_requires_action",
);

/** What create and confirm both apply. */
const PAYING: Table = {
  ...NOT_IMPLEMENTED,
  expand,
  capture_method: oneOfInSandbox(["automatic", "automatic_async", "manual"], ["manual"]),
  payment_method: id,
  payment_method_data: object(PAYMENT_METHOD_DATA),
  payment_method_options: object(PAYMENT_METHOD_OPTIONS),
  // The donor's acceptance of a SEPA Direct Debit mandate (what Stripe.js sends for them).
  mandate_data: anything,
  off_session: anything, // a boolean, or "one_off" / "recurring"
  return_url: string(),
  // Only changes how next_action is shaped for Stripe's own SDKs.
  use_stripe_sdk: boolean,
};

export const PAYMENT_INTENT_CREATE: Table = {
  ...PAYING,
  amount: integer(),
  currency,
  allowed_payment_method_types: arrayOf(METHOD_TYPE),
  excluded_payment_method_types: arrayOf(oneOf(...STRIPE_METHOD_TYPES)),
  application_fee_amount: notInSandbox(CONNECT),
  automatic_payment_methods: AUTOMATIC_PAYMENT_METHODS,
  confirm: boolean,
  confirmation_method: oneOfInSandbox(["automatic", "manual"], ["manual"]),
  customer: id,
  description: string(1000),
  metadata,
  on_behalf_of: notInSandbox(CONNECT),
  receipt_email: email,
  setup_future_usage: SETUP_FUTURE_USAGE,
  statement_descriptor: notInSandbox("card payments print statement_descriptor_suffix, which Amply sends; the sandbox implements only that"),
  statement_descriptor_suffix: string(22),
  transfer_data: notInSandbox(CONNECT),
  ...notImplemented("customer_account", "payment_method_configuration"),
};

/** Update applies only these; the rest of Stripe's update parameters are refused by name. */
export const PAYMENT_INTENT_UPDATE: Table = {
  ...NOT_IMPLEMENTED,
  expand,
  amount: integer(),
  currency,
  customer: id,
  description: string(1000),
  metadata,
  receipt_email: email,
  statement_descriptor_suffix: string(22),
  application_fee_amount: notInSandbox(CONNECT),
  transfer_data: notInSandbox(CONNECT),
  ...notImplemented(
    "allowed_payment_method_types",
    "excluded_payment_method_types",
    "capture_method",
    "customer_account",
    "payment_method",
    "payment_method_configuration",
    "payment_method_data",
    "payment_method_options",
    "setup_future_usage",
    "statement_descriptor",
  ),
};

export const PAYMENT_INTENT_CONFIRM: Table = {
  ...PAYING,
  client_secret: string(),
  ...notImplemented("amount_to_confirm", "receipt_email", "setup_future_usage", "allowed_payment_method_types", "excluded_payment_method_types"),
};

export const PAYMENT_INTENT_CANCEL: Table = {
  ...EXPAND,
  cancellation_reason: oneOf("duplicate", "fraudulent", "requested_by_customer", "abandoned"),
};

export const PAYMENT_INTENT_RETRIEVE: Table = { ...EXPAND, client_secret: string() };

export const PAYMENT_INTENT_LIST: Table = { ...LIST, customer: id };
