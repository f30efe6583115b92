import "server-only";
import type Stripe from "stripe";
import { paidChargeHandler } from "../payment-succeeded-handler";

/**
 * A charge changed; the one change Amply waits for is its balance transaction appearing after an
 * asynchronous capture (docs/stripe.md#asynchronous-capture), which books the ledger entry.
 */
export const chargeUpdated = paidChargeHandler<Stripe.ChargeUpdatedEvent>();
