// /v1/customers - customers on the connected account, their bank-transfer funding instructions,
// and the test helper that funds their cash balance.
import { int, invalid, metadata, obj, requireStr, str } from "../wire";
import { CUSTOMER_CREATE, CUSTOMER_LIST, CUSTOMER_UPDATE, FUND_CASH_BALANCE, FUNDING_INSTRUCTIONS } from "./params/customers";
import { EXPAND } from "./params/rules";
import { listOf, needsAccount, retrieve, type Route } from "./route";

export const customerRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/customers$/,
    params: CUSTOMER_CREATE,
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
    params: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "customer", m[1] as string),
  },
  {
    method: "GET",
    pattern: /^\/v1\/customers$/,
    params: CUSTOMER_LIST,
    handler: (ctx) => listOf(ctx, "customer", "/v1/customers", { email: (customer, email) => customer.email === email }),
  },
  {
    method: "POST",
    pattern: /^\/v1\/customers\/([^/]+)$/,
    params: CUSTOMER_UPDATE,
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
    params: FUNDING_INSTRUCTIONS,
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
    params: FUND_CASH_BALANCE,
    handler: (ctx, m) => {
      const p = ctx.params;
      const amount = int(p, "amount");
      if (amount === undefined) throw invalid("Missing required param: amount.", "amount", "parameter_missing");
      return ctx.engine.fundCashBalance(ctx.account, m[1] as string, amount, requireStr(p, "currency").toLowerCase(), str(p, "reference"));
    },
  },
];
