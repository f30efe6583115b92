// /v1/charges, /v1/refunds and /v1/disputes - what happened to a payment after it succeeded.
import { int, metadata, str } from "../wire";
import { CHARGE_LIST, DISPUTE_LIST, REFUND_CREATE, REFUND_LIST } from "./params/charges";
import { EXPAND } from "./params/rules";
import { listOf, needsAccount, retrieve, type Route } from "./route";

export const chargeRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/charges$/,
    params: CHARGE_LIST,
    handler: (ctx) =>
      listOf(ctx, "charge", "/v1/charges", {
        customer: (charge, customer) => charge.customer === customer,
        payment_intent: (charge, pi) => charge.payment_intent === pi,
        transfer_group: (charge, group) => charge.transfer_group === group,
      }),
  },
  { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "charge", m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    params: REFUND_CREATE,
    handler: (ctx) => {
      needsAccount(ctx, "Refunds of donations");
      const p = ctx.params;
      return ctx.engine.createRefund(ctx.account, {
        charge: str(p, "charge"),
        paymentIntent: str(p, "payment_intent"),
        amount: int(p, "amount"),
        reason: str(p, "reason"),
        instructionsEmail: str(p, "instructions_email"),
        metadata: metadata(p),
        idempotencyKey: ctx.idempotencyKey,
      });
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/refunds$/,
    params: REFUND_LIST,
    handler: (ctx) =>
      listOf(ctx, "refund", "/v1/refunds", {
        charge: (refund, charge) => refund.charge === charge,
        payment_intent: (refund, pi) => refund.payment_intent === pi,
      }),
  },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "refund", m[1] as string) },
  {
    method: "GET",
    pattern: /^\/v1\/disputes$/,
    params: DISPUTE_LIST,
    handler: (ctx) =>
      listOf(ctx, "dispute", "/v1/disputes", {
        charge: (dispute, charge) => dispute.charge === charge,
        payment_intent: (dispute, pi) => dispute.payment_intent === pi,
      }),
  },
  { method: "POST", pattern: /^\/v1\/refunds\/([^/]+)\/cancel$/, params: EXPAND, handler: (ctx, m) => ctx.engine.cancelRefund(ctx.account, m[1] as string) },
  { method: "GET", pattern: /^\/v1\/disputes\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "dispute", m[1] as string) },
];
