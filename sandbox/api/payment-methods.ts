// /v1/payment_methods - created with the publishable key (as Stripe.js does), retrieved, attached to a customer.
import { requireStr, type Spec } from "../wire";
import { any, EXPAND, retrieve, type Route } from "./route";

export const PAYMENT_METHOD_DATA: Spec = {
  type: any,
  card: { number: any, exp_month: any, exp_year: any, cvc: any },
  sepa_debit: { iban: any },
  billing_details: { name: any, email: any, phone: any, address: any },
  ideal: any,
  bancontact: any,
  p24: any,
  eps: any,
  customer_balance: any,
  metadata: any,
};

export const paymentMethodRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/payment_methods$/,
    spec: PAYMENT_METHOD_DATA,
    publishable: true,
    handler: (ctx) => ctx.engine.createPaymentMethod(ctx.account, ctx.params),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_methods\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "payment_method", m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_methods\/([^/]+)\/attach$/,
    spec: { customer: any, customer_account: any, expand: any },
    handler: (ctx, m) => ctx.engine.attachPaymentMethod(ctx.account, m[1] as string, requireStr(ctx.params, "customer")),
  },
];
