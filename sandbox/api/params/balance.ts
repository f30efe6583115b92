// What /v1/balance_transactions, /v1/payouts, /v1/events and /v1/payment_methods accept, from the
// stripe package's BalanceTransactionListParams, PayoutListParams, EventListParams and
// PaymentMethodCreateParams / PaymentMethodAttachParams.
import { arrayOf, boolean, currency, EXPAND, id, LIST, notImplemented, range, string, oneOf, type Table } from "./rules";
import { PAYMENT_METHOD_DATA } from "./payment-intents";

export const BALANCE_TRANSACTION_LIST: Table = { ...LIST, currency, payout: id, source: id, type: string() };

export const PAYOUT_LIST: Table = {
  ...LIST,
  arrival_date: range,
  status: oneOf("canceled", "failed", "in_transit", "paid", "pending"),
  ...notImplemented("destination"),
};

export const EVENT_LIST: Table = { ...LIST, type: string(), types: arrayOf(string()), delivery_success: boolean };

export const PAYMENT_METHOD_CREATE: Table = { ...EXPAND, ...PAYMENT_METHOD_DATA, ...notImplemented("customer", "payment_method") };
export const PAYMENT_METHOD_ATTACH: Table = { ...EXPAND, customer: id, ...notImplemented("customer_account") };
