// /v1/balance_transactions and /v1/payouts - the connected account's money, as booked by Stripe.
import { any, EXPAND, LIST, listOf, retrieve, type Route } from "./route";

export const balanceRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/balance_transactions$/,
    spec: { ...LIST, payout: any, source: any, type: any, currency: any },
    handler: (ctx) =>
      listOf(
        ctx,
        "balance_transaction",
        "/v1/balance_transactions",
        (txn) => (!ctx.query.get("source") || txn.source === ctx.query.get("source")) && (!ctx.query.get("type") || txn.type === ctx.query.get("type")),
      ),
  },
  { method: "GET", pattern: /^\/v1\/balance_transactions\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "balance_transaction", m[1] as string) },
  {
    method: "GET",
    pattern: /^\/v1\/payouts$/,
    spec: { ...LIST, arrival_date: any, destination: any, status: any },
    handler: (ctx) => listOf(ctx, "payout", "/v1/payouts"),
  },
  { method: "GET", pattern: /^\/v1\/payouts\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "payout", m[1] as string) },
];
