import "server-only";
import type Stripe from "stripe";
import { paidChargeHandler } from "../payment-succeeded-handler";

/** A charge succeeded: the same writes as payment_intent.succeeded, whichever arrives first. */
export const chargeSucceeded = paidChargeHandler<Stripe.ChargeSucceededEvent>();
