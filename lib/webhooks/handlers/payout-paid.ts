import "server-only";
import type Stripe from "stripe";
import { defineHandler, ignore } from "../define-handler";
import { freshPayout, recordPayout } from "../payouts";

export const payoutPaid = defineHandler<Stripe.PayoutPaidEvent, Stripe.Payout | null>({
  prepare: freshPayout,
  apply: async (tx, event, payout) => (payout ? recordPayout(tx, event, payout) : ignore("not a payout of a connected account")),
});
