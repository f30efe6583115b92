// What /v1/subscriptions, /v1/invoices, /v1/products and /v1/prices accept, from the stripe
// package's SubscriptionCreateParams, SubscriptionUpdateParams, InvoiceListParams,
// ProductCreateParams and PriceCreateParams.
import { arrayOf, boolean, currency, EXPAND, id, integer, LIST, metadata, notImplemented, notInSandbox, object, oneOf, string, type Table } from "./rules";

const RECURRING: Table = { interval: oneOf("day", "week", "month", "year"), interval_count: integer({ min: 1 }) };
const CANCELLATION_DETAILS = object({
  comment: string(),
  feedback: oneOf("customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused"),
});
const CONNECT = "the sandbox has no platform fees or Connect destinations: Amply takes no cut on direct charges";

const SUBSCRIPTION_ITEM = object({
  id: id,
  price: id,
  price_data: object({
    currency,
    product: id,
    unit_amount: integer({ min: 0 }),
    recurring: object(RECURRING),
    tax_behavior: oneOf("exclusive", "inclusive", "unspecified"),
    ...notImplemented("unit_amount_decimal"),
  }),
  quantity: integer({ min: 0 }),
  metadata,
  deleted: boolean,
  ...notImplemented("discounts", "tax_rates", "billing_thresholds", "clear_usage"),
});

const SUBSCRIPTION: Table = {
  ...EXPAND,
  cancel_at_period_end: boolean,
  default_payment_method: id,
  description: string(500),
  items: arrayOf(SUBSCRIPTION_ITEM),
  metadata,
  off_session: boolean,
  payment_behavior: oneOf("allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete"),
  payment_settings: object({
    save_default_payment_method: oneOf("off", "on_subscription"),
    ...notImplemented("payment_method_types", "payment_method_options"),
  }),
  application_fee_percent: notInSandbox(CONNECT),
  on_behalf_of: notInSandbox(CONNECT),
  transfer_data: notInSandbox(CONNECT),
  ...notImplemented(
    "add_invoice_items",
    "automatic_tax",
    "billing_cycle_anchor",
    "billing_schedules",
    "billing_thresholds",
    "cancel_at",
    "collection_method",
    "days_until_due",
    "default_source",
    "default_tax_rates",
    "discounts",
    "invoice_settings",
    "pending_invoice_item_interval",
    "proration_behavior",
    "trial_end",
    "trial_from_plan",
    "trial_settings",
  ),
};

export const SUBSCRIPTION_CREATE: Table = {
  ...SUBSCRIPTION,
  customer: id,
  currency,
  ...notImplemented("backdate_start_date", "billing_cycle_anchor_config", "billing_mode", "customer_account", "trial_period_days"),
};

export const SUBSCRIPTION_UPDATE: Table = {
  ...SUBSCRIPTION,
  cancellation_details: CANCELLATION_DETAILS,
  ...notImplemented("pause_collection", "proration_date"),
};

export const SUBSCRIPTION_CANCEL: Table = {
  ...EXPAND,
  cancellation_details: CANCELLATION_DETAILS,
  ...notImplemented("invoice_now", "prorate"),
};

export const INVOICE_LIST: Table = {
  ...LIST,
  customer: id,
  subscription: id,
  status: oneOf("draft", "open", "paid", "uncollectible", "void"),
  ...notImplemented("collection_method", "customer_account", "due_date"),
};

export const PRODUCT_CREATE: Table = {
  ...EXPAND,
  id: string(),
  name: string(),
  active: boolean,
  description: string(),
  metadata,
  statement_descriptor: string(22),
  ...notImplemented(
    "default_price_data",
    "images",
    "marketing_features",
    "package_dimensions",
    "shippable",
    "tax_code",
    "tax_details",
    "type",
    "unit_label",
    "url",
  ),
};

export const PRICE_CREATE: Table = {
  ...EXPAND,
  currency,
  product: id,
  unit_amount: integer({ min: 0 }),
  recurring: object({ ...RECURRING, usage_type: oneOf("licensed"), ...notImplemented("meter") }),
  active: boolean,
  metadata,
  nickname: string(),
  lookup_key: string(200),
  tax_behavior: oneOf("exclusive", "inclusive", "unspecified"),
  ...notImplemented(
    "billing_scheme",
    "currency_options",
    "custom_unit_amount",
    "product_data",
    "tiers",
    "tiers_mode",
    "transfer_lookup_key",
    "transform_quantity",
    "unit_amount_decimal",
  ),
};
