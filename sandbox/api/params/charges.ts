// What /v1/charges, /v1/refunds and /v1/disputes accept, from the stripe package's ChargeListParams,
// RefundCreateParams, RefundListParams and DisputeListParams.
import { email, EXPAND, id, integer, LIST, metadata, notImplemented, notInSandbox, oneOf, string, type Table } from "./rules";

export const CHARGE_LIST: Table = { ...LIST, customer: id, payment_intent: id, transfer_group: string() };

export const REFUND_CREATE: Table = {
  ...EXPAND,
  amount: integer({ min: 1 }),
  charge: id,
  payment_intent: id,
  instructions_email: email,
  metadata,
  reason: oneOf("duplicate", "fraudulent", "requested_by_customer"),
  refund_application_fee: notInSandbox("the sandbox has no application fees"),
  reverse_transfer: notInSandbox("the sandbox has no Connect transfers"),
  ...notImplemented("currency", "customer", "origin"),
};

export const REFUND_LIST: Table = { ...LIST, charge: id, payment_intent: id };

export const DISPUTE_LIST: Table = { ...LIST, charge: id, payment_intent: id };
