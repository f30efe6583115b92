// The shapes of the Stripe objects the engine keeps, as far as its code reads them. Objects are
// stored as Stripe shows them, plus internal fields starting with "_" that `present` leaves out.
import { PLATFORM, type StripeObject } from "../store";

export type Obj = StripeObject & Record<string, unknown>;
export type Account = Obj & { country: string; default_currency: string; charges_enabled: boolean; payouts_enabled: boolean; details_submitted: boolean };
export type PaymentIntent = Obj & {
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  customer: string | null;
  metadata: Record<string, string>;
  latest_charge: string | null;
  client_secret: string;
};
export type Charge = Obj & {
  amount: number;
  currency: string;
  amount_refunded: number;
  payment_intent: string;
  balance_transaction: string | null;
  status: string;
  disputed: boolean;
  refunded: boolean;
};
export type Subscription = Obj & {
  status: string;
  customer: string;
  items: { object: string; data: Obj[]; has_more: boolean; url: string };
  latest_invoice: string | null;
  default_payment_method: string | null;
  metadata: Record<string, string>;
};

/** The account an event is sent for: none for the platform's own objects. */
export function eventAccount(account: string) {
  return account === PLATFORM ? null : account;
}
