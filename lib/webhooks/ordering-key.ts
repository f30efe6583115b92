// Which events the inbox applies one at a time (docs/stripe.md#webhook-inbox): those about one
// payment (its PaymentIntent: payment, charge, refund and dispute events), one subscription
// (invoice and subscription events) or one account (account and payout events). Computed at
// ingest from the payload alone: no Stripe call, no database read.
import type Stripe from "stripe";

type Ref = string | { id?: unknown } | null | undefined;

function idOf(value: unknown): string | null {
  if (typeof value === "string" && value) return value;
  const ref = value as Ref;
  return ref && typeof ref === "object" && typeof ref.id === "string" ? ref.id : null;
}

/** An invoice's subscription, where the API version of the payload keeps it. */
function subscriptionOf(invoice: Record<string, unknown>): string | null {
  const parent = invoice.parent as { subscription_details?: { subscription?: unknown } } | null | undefined;
  return idOf(parent?.subscription_details?.subscription) ?? idOf(invoice.subscription);
}

export function orderingKey(event: Pick<Stripe.Event, "type" | "account" | "data">): string {
  const object = event.data.object as unknown as Record<string, unknown>;
  const account = event.account ?? "platform";
  const [family] = event.type.split(".");
  let key: string | null;
  if (event.type.startsWith("charge.dispute.") || family === "refund") key = idOf(object.payment_intent) ?? idOf(object.charge) ?? idOf(object.id);
  else if (family === "payment_intent") key = idOf(object.id);
  else if (family === "charge") key = idOf(object.payment_intent) ?? idOf(object.id);
  else if (family === "invoice") key = subscriptionOf(object) ?? idOf(object.id);
  else if (event.type.startsWith("customer.subscription.")) key = idOf(object.id);
  else if (family === "account" || family === "payout" || family === "capability" || family === "person") key = null;
  else key = idOf(object.id);
  return key ? `${account}/${key}` : account;
}
