// The handler of the charge events of a successful payment (charge.succeeded, charge.updated).
import "server-only";
import type Stripe from "stripe";
import { idOf } from "@/lib/stripe/ids";
import { defineHandler, ignore } from "./define-handler";
import { paidChargeStatement, readPaidCharge, type PaidCharge } from "./payment-succeeded";

export function paidChargeHandler<E extends Stripe.ChargeSucceededEvent | Stripe.ChargeUpdatedEvent>() {
  return defineHandler<E, PaidCharge>({
    prepare(event, context) {
      const charge = event.data.object;
      if (!context.connected && charge.status !== "succeeded") return Promise.resolve(ignore(`the charge is ${charge.status}`));
      // Any charge of the account's can change; only those of Amply's donations are found.
      return readPaidCharge(event, context, {
        paymentIntentId: idOf(charge.payment_intent),
        chargeId: charge.id,
        donationId: charge.metadata?.donation_id ?? null,
      });
    },
    statement: paidChargeStatement,
  });
}
