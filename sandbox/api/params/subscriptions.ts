// What /v1/subscriptions, /v1/invoices, /v1/products and /v1/prices accept, from the stripe
// package's SubscriptionCreateParams, SubscriptionUpdateParams, InvoiceListParams,
// ProductCreateParams and PriceCreateParams.
import { METHOD_TYPE } from "./payment-intents";
import {
  arrayOf,
  boolean,
  currency,
  emptyable,
  EXPAND,
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
  timestampOrNow,
  type Table,
} from "./rules";

const CANCELLATION_DETAILS = notInSandbox("the sandbox does not keep cancellation details");
const CONNECT = "the sandbox has no platform fees or Connect destinations: Amply takes no cut on direct charges";

/** One price_data item: what the sandbox prices a subscription with. */
const SUBSCRIPTION_ITEM = object({
  price: id,
  price_data: object({
    currency,
    product: id,
    unit_amount: integer({ min: 0 }),
    recurring: object({ interval: oneOf("day", "week", "month", "year"), ...notImplemented("interval_count") }),
    ...notImplemented("tax_behavior", "unit_amount_decimal"),
  }),
  ...notImplemented("id", "quantity", "metadata", "deleted", "discounts", "tax_rates", "billing_thresholds", "clear_usage"),
});

/** Stripe's subscription parameters the sandbox does not apply, refused by name. */
const NOT_IMPLEMENTED = notImplemented(
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
  "off_session",
  "pending_invoice_item_interval",
  "proration_behavior",
  "trial_end",
  "trial_from_plan",
  "trial_settings",
);

export const SUBSCRIPTION_CREATE: Table = {
  ...NOT_IMPLEMENTED,
  ...EXPAND,
  customer: id,
  default_payment_method: id,
  description: string(500),
  items: arrayOf(SUBSCRIPTION_ITEM),
  metadata,
  payment_behavior: oneOf("allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete"),
  payment_settings: object({
    save_default_payment_method: oneOf("off", "on_subscription"),
    payment_method_types: arrayOf(METHOD_TYPE),
    ...notImplemented("payment_method_options"),
  }),
  application_fee_percent: notInSandbox(CONNECT),
  on_behalf_of: notInSandbox(CONNECT),
  transfer_data: notInSandbox(CONNECT),
  ...notImplemented(
    "backdate_start_date",
    "billing_cycle_anchor_config",
    "billing_mode",
    "cancel_at_period_end",
    "currency",
    "customer_account",
    "trial_period_days",
  ),
};

/**
 * Update applies metadata, cancel_at_period_end, default_payment_method, a new price_data on the one
 * item (named by its id), trial_end and pause_collection (behavior void). Proration is not
 * simulated: a change Stripe would prorate must say proration_behavior none.
 */
export const SUBSCRIPTION_UPDATE: Table = {
  ...NOT_IMPLEMENTED,
  ...EXPAND,
  cancel_at_period_end: boolean,
  default_payment_method: id,
  metadata,
  items: arrayOf(
    object({
      id,
      price_data: object({
        currency,
        product: id,
        unit_amount: integer({ min: 0 }),
        recurring: object({ interval: oneOf("day", "week", "month", "year"), ...notImplemented("interval_count") }),
        ...notImplemented("tax_behavior", "unit_amount_decimal"),
      }),
      ...notImplemented("price", "quantity", "metadata", "deleted", "discounts", "tax_rates", "billing_thresholds", "clear_usage"),
    }),
  ),
  proration_behavior: oneOfInSandbox(["always_invoice", "create_prorations", "none"], ["always_invoice", "create_prorations"]),
  trial_end: timestampOrNow,
  pause_collection: emptyable(
    object({
      behavior: oneOfInSandbox(["keep_as_draft", "mark_uncollectible", "void"], ["keep_as_draft", "mark_uncollectible"]),
      resumes_at: integer({ min: 0 }),
    }),
  ),
  cancellation_details: CANCELLATION_DETAILS,
  application_fee_percent: notInSandbox(CONNECT),
  on_behalf_of: notInSandbox(CONNECT),
  transfer_data: notInSandbox(CONNECT),
  ...notImplemented("description", "payment_behavior", "payment_settings", "proration_date"),
};

export const SUBSCRIPTION_CANCEL: Table = {
  ...EXPAND,
  cancellation_details: object({
    comment: string(5000),
    feedback: oneOf("customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused"),
  }),
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
  metadata,
  ...notImplemented(
    "active",
    "default_price_data",
    "description",
    "images",
    "marketing_features",
    "package_dimensions",
    "shippable",
    "statement_descriptor",
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
  recurring: object({ interval: oneOf("day", "week", "month", "year"), ...notImplemented("interval_count", "meter", "usage_type") }),
  metadata,
  ...notImplemented(
    "active",
    "billing_scheme",
    "currency_options",
    "custom_unit_amount",
    "lookup_key",
    "nickname",
    "product_data",
    "tax_behavior",
    "tiers",
    "tiers_mode",
    "transfer_lookup_key",
    "transform_quantity",
    "unit_amount_decimal",
  ),
};
