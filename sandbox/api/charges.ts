// /v1/charges, /v1/refunds and /v1/disputes - what happened to a payment after it succeeded.
import { int, metadata, str } from "../wire";
import { any, EXPAND, LIST, listOf, needsAccount, retrieve, type Route } from "./route";

export const chargeRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/charges$/,
    spec: { ...LIST, customer: any, payment_intent: any, transfer_group: any },
    handler: (ctx) =>
      listOf(ctx, "charge", "/v1/charges", (charge) => !ctx.query.get("payment_intent") || charge.payment_intent === ctx.query.get("payment_intent")),
  },
  { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "charge", m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    spec: {
      amount: any,
      charge: any,
      currency: any,
      customer: any,
      expand: any,
      instructions_email: any,
      metadata: any,
      origin: any,
      payment_intent: any,
      reason: any,
      refund_application_fee: any,
      reverse_transfer: any,
    },
    handler: (ctx) => {
      needsAccount(ctx, "Refunds of donations");
      const p = ctx.params;
      return ctx.engine.createRefund(ctx.account, {
        charge: str(p, "charge"),
        paymentIntent: str(p, "payment_intent"),
        amount: int(p, "amount"),
        reason: str(p, "reason"),
        metadata: metadata(p),
        idempotencyKey: ctx.idempotencyKey,
      });
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/refunds$/,
    spec: { ...LIST, charge: any, payment_intent: any },
    handler: (ctx) =>
      listOf(
        ctx,
        "refund",
        "/v1/refunds",
        (refund) =>
          (!ctx.query.get("charge") || refund.charge === ctx.query.get("charge")) &&
          (!ctx.query.get("payment_intent") || refund.payment_intent === ctx.query.get("payment_intent")),
      ),
  },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "refund", m[1] as string) },
  {
    method: "GET",
    pattern: /^\/v1\/disputes$/,
    spec: { ...LIST, charge: any, payment_intent: any },
    handler: (ctx) =>
      listOf(
        ctx,
        "dispute",
        "/v1/disputes",
        (dispute) =>
          (!ctx.query.get("charge") || dispute.charge === ctx.query.get("charge")) &&
          (!ctx.query.get("payment_intent") || dispute.payment_intent === ctx.query.get("payment_intent")),
      ),
  },
  { method: "POST", pattern: /^\/v1\/refunds\/([^/]+)\/cancel$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.cancelRefund(ctx.account, m[1] as string) },
  { method: "GET", pattern: /^\/v1\/disputes\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "dispute", m[1] as string) },
];
