// /v1/customers - customers on the connected account, their bank-transfer funding instructions,
// and the test helper that funds their cash balance.
import { int, invalid, metadata, obj, requireStr, str, type Spec } from "../wire";
import { any, EXPAND, needsAccount, retrieve, type Route } from "./route";

const CUSTOMER: Spec = {
  address: any,
  balance: any,
  business_name: any,
  cash_balance: any,
  description: any,
  email: any,
  expand: any,
  individual_name: any,
  invoice_prefix: any,
  invoice_settings: { default_payment_method: any, custom_fields: any, footer: any, rendering_options: any },
  metadata: any,
  name: any,
  next_invoice_sequence: any,
  payment_method: any,
  phone: any,
  preferred_locales: any,
  shipping: any,
  source: any,
  tax: any,
  tax_exempt: any,
  tax_id_data: any,
  test_clock: any,
  validate: any,
  default_source: any,
};

export const customerRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/customers$/,
    spec: CUSTOMER,
    handler: (ctx) =>
      ctx.engine.createCustomer(ctx.account, {
        email: str(ctx.params, "email"),
        name: str(ctx.params, "name"),
        metadata: metadata(ctx.params),
        defaultPaymentMethod: str(obj(ctx.params, "invoice_settings") ?? {}, "default_payment_method"),
        testClock: str(ctx.params, "test_clock"),
      }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/customers\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "customer", m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/customers\/([^/]+)$/,
    spec: CUSTOMER,
    handler: (ctx, m) => {
      const customer = retrieve(ctx, "customer", m[1] as string);
      const p = ctx.params;
      if (str(p, "email") !== undefined) customer.email = str(p, "email");
      if (str(p, "name") !== undefined) customer.name = str(p, "name");
      if (p.metadata !== undefined) customer.metadata = metadata(p, customer.metadata as Record<string, string>);
      const defaultPm = str(obj(p, "invoice_settings") ?? {}, "default_payment_method");
      if (defaultPm) (customer.invoice_settings as Record<string, unknown>).default_payment_method = defaultPm;
      ctx.engine.store.touch();
      ctx.engine.webhooks.emit("customer.updated", customer, ctx.connected ? ctx.account : null);
      return customer;
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/customers\/([^/]+)\/funding_instructions$/,
    spec: { bank_transfer: { type: any, eu_bank_transfer: { country: any }, requested_address_types: any }, currency: any, funding_type: any, expand: any },
    handler: (ctx, m) => {
      needsAccount(ctx, "Bank transfers");
      retrieve(ctx, "customer", m[1] as string);
      const p = ctx.params;
      if (requireStr(p, "funding_type") !== "bank_transfer") throw invalid("funding_type must be bank_transfer.", "funding_type");
      const bank = obj(p, "bank_transfer") ?? {};
      const currency = requireStr(p, "currency").toLowerCase();
      const instructions = ctx.engine.fundingInstructions(
        ctx.account,
        currency,
        requireStr(bank, "type", "bank_transfer[type]"),
        str(obj(bank, "eu_bank_transfer") ?? {}, "country"),
      );
      return { object: "funding_instructions", bank_transfer: instructions, currency, funding_type: "bank_transfer", livemode: false };
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/test_helpers\/customers\/([^/]+)\/fund_cash_balance$/,
    spec: { amount: any, currency: any, expand: any, reference: any },
    handler: (ctx, m) => {
      const p = ctx.params;
      const amount = int(p, "amount");
      if (amount === undefined) throw invalid("Missing required param: amount.", "amount", "parameter_missing");
      const result = ctx.engine.fundCashBalance(ctx.account, m[1] as string, amount, requireStr(p, "currency").toLowerCase(), str(p, "reference"));
      return {
        id: `ccsbtxn_${Date.now()}`,
        object: "customer_cash_balance_transaction",
        created: Math.floor(Date.now() / 1000),
        currency: requireStr(p, "currency").toLowerCase(),
        customer: result.customer,
        ending_balance: result.available[requireStr(p, "currency").toLowerCase()] ?? 0,
        funded: { bank_transfer: { reference: str(p, "reference") ?? null, type: "eu_bank_transfer" } },
        livemode: false,
        net_amount: amount,
        type: "funded",
      };
    },
  },
];
