// /v1/payment_methods - created with the publishable key (as Stripe.js does), retrieved, attached to a customer.
import { requireStr } from "../wire";
import { PAYMENT_METHOD_ATTACH, PAYMENT_METHOD_CREATE } from "./params/balance";
import { EXPAND } from "./params/rules";
import { retrieve, type Route } from "./route";

export const paymentMethodRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/payment_methods$/,
    params: PAYMENT_METHOD_CREATE,
    publishable: true,
    handler: (ctx) => ctx.engine.createPaymentMethod(ctx.account, ctx.params),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_methods\/([^/]+)$/,
    params: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "payment_method", m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_methods\/([^/]+)\/attach$/,
    params: PAYMENT_METHOD_ATTACH,
    handler: (ctx, m) => ctx.engine.attachPaymentMethod(ctx.account, m[1] as string, requireStr(ctx.params, "customer")),
  },
];
