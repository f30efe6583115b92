// What /v1/setup_intents, /v1/test_helpers/test_clocks and the invoice payment endpoints accept,
// from the stripe package's SetupIntent*Params, TestHelpers.TestClock*Params, InvoicePayParams and
// InvoicePaymentListParams: what the sandbox applies, Stripe's other parameters refused by name.
import {
  anything,
  arrayOf,
  boolean,
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
  string,
  type Table,
} from "./rules";
import { AUTOMATIC_PAYMENT_METHODS, CONNECT, METHOD_TYPE, PAYMENT_METHOD_DATA, PAYMENT_METHOD_OPTIONS, STRIPE_METHOD_TYPES } from "./payment-intents";

const CONFIRMING: Table = {
  expand,
  payment_method: id,
  payment_method_data: object(PAYMENT_METHOD_DATA),
  payment_method_options: object(PAYMENT_METHOD_OPTIONS),
  return_url: string(),
  use_stripe_sdk: boolean,
  mandate_data: anything,
  ...notImplemented("confirmation_token"),
};

export const SETUP_INTENT_CREATE: Table = {
  ...CONFIRMING,
  allowed_payment_method_types: arrayOf(METHOD_TYPE),
  excluded_payment_method_types: arrayOf(oneOf(...STRIPE_METHOD_TYPES)),
  automatic_payment_methods: AUTOMATIC_PAYMENT_METHODS,
  confirm: boolean,
  customer: id,
  description: string(1000),
  metadata,
  usage: oneOf("on_session", "off_session"),
  on_behalf_of: notInSandbox(CONNECT),
  ...notImplemented("attach_to_self", "customer_account", "flow_directions", "payment_method_configuration", "single_use"),
};

export const SETUP_INTENT_UPDATE: Table = { ...EXPAND, customer: id, description: string(1000), metadata, payment_method: id };
export const SETUP_INTENT_CONFIRM: Table = { ...CONFIRMING, client_secret: string() };
export const SETUP_INTENT_RETRIEVE: Table = { ...EXPAND, client_secret: string() };
export const SETUP_INTENT_CANCEL: Table = { ...EXPAND, cancellation_reason: oneOf("abandoned", "duplicate", "requested_by_customer") };

export const TEST_CLOCK_CREATE: Table = { ...EXPAND, frozen_time: integer({ min: 0 }), name: string(300) };
export const TEST_CLOCK_ADVANCE: Table = { ...EXPAND, frozen_time: integer({ min: 0 }) };

export const INVOICE_PAY: Table = {
  ...EXPAND,
  off_session: boolean,
  paid_out_of_band: boolean,
  payment_method: id,
  ...notImplemented("forgive", "mandate", "source"),
};
export const INVOICE_PAYMENT_LIST: Table = { ...LIST, invoice: id, ...notImplemented("payment", "status") };
