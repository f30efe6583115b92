// /v1/balance_transactions and /v1/payouts - the connected account's money, as booked by Stripe.
import { BALANCE_TRANSACTION_LIST, PAYOUT_LIST } from "./params/balance";
import { EXPAND } from "./params/rules";
import { inRange, listOf, retrieve, type Route } from "./route";

export const balanceRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/balance_transactions$/,
    params: BALANCE_TRANSACTION_LIST,
    handler: (ctx) =>
      listOf(ctx, "balance_transaction", "/v1/balance_transactions", {
        source: (txn, source) => txn.source === source,
        type: (txn, type) => txn.type === type,
        currency: (txn, currency) => typeof currency === "string" && txn.currency === currency.toLowerCase(),
        // The transactions an automatic payout paid out, and the payout's own.
        payout: (txn, payout) => txn._payout === payout || txn.source === payout,
      }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/balance_transactions\/([^/]+)$/,
    params: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "balance_transaction", m[1] as string),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payouts$/,
    params: PAYOUT_LIST,
    handler: (ctx) =>
      listOf(ctx, "payout", "/v1/payouts", {
        status: (payout, status) => payout.status === status,
        arrival_date: (payout) => inRange(Number(payout.arrival_date), ctx.params, "arrival_date"),
      }),
  },
  { method: "GET", pattern: /^\/v1\/payouts\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "payout", m[1] as string) },
];
