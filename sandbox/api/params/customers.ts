// What /v1/customers accepts, from the stripe package's CustomerCreateParams, CustomerUpdateParams,
// CustomerListParams, CustomerCreateFundingInstructionsParams and the fund_cash_balance test helper.
import { email, EXPAND, id, integer, LIST, metadata, notImplemented, object, oneOf, string, arrayOf, currency, type Table } from "./rules";

/** What the sandbox keeps on a customer; Stripe's other customer parameters are refused by name. */
const CUSTOMER: Table = {
  ...EXPAND,
  email: email,
  metadata,
  name: string(256),
  test_clock: id,
  invoice_settings: object({ default_payment_method: id, ...notImplemented("custom_fields", "footer", "rendering_options") }),
  ...notImplemented(
    "address",
    "balance",
    "business_name",
    "cash_balance",
    "description",
    "individual_name",
    "invoice_prefix",
    "next_invoice_sequence",
    "payment_method",
    "phone",
    "preferred_locales",
    "shipping",
    "source",
    "tax",
    "tax_exempt",
    "tax_id_data",
    "validate",
    "default_source",
  ),
};

export const CUSTOMER_CREATE: Table = CUSTOMER;
export const CUSTOMER_UPDATE: Table = CUSTOMER;
export const CUSTOMER_LIST: Table = { ...LIST, email: string(512), ...notImplemented("test_clock") };

export const FUNDING_INSTRUCTIONS: Table = {
  ...EXPAND,
  currency,
  funding_type: oneOf("bank_transfer"),
  bank_transfer: object({
    type: oneOf("eu_bank_transfer", "gb_bank_transfer", "jp_bank_transfer", "mx_bank_transfer", "us_bank_transfer"),
    // The country of the virtual IBAN the donor pays into.
    eu_bank_transfer: object({ country: oneOf("BE", "DE", "ES", "FR", "IE", "NL") }),
    requested_address_types: arrayOf(oneOf("iban", "sort_code", "spei", "zengin")),
  }),
};

export const FUND_CASH_BALANCE: Table = { ...EXPAND, amount: integer({ min: 1 }), currency, reference: string() };
