// /v1/products and /v1/prices - the donation product and the prices of recurring donations.
import { int, invalid, metadata, obj, requireStr, str } from "../wire";
import { any, EXPAND, retrieve, type Route } from "./route";

export const productRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/products$/,
    spec: {
      name: any,
      active: any,
      default_price_data: any,
      description: any,
      expand: any,
      id: any,
      images: any,
      marketing_features: any,
      metadata: any,
      package_dimensions: any,
      shippable: any,
      statement_descriptor: any,
      tax_code: any,
      tax_details: any,
      type: any,
      unit_label: any,
      url: any,
    },
    handler: (ctx) =>
      ctx.engine.createProduct(ctx.account, { name: requireStr(ctx.params, "name"), metadata: metadata(ctx.params), id: str(ctx.params, "id") }),
  },
  { method: "GET", pattern: /^\/v1\/products\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "product", m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/prices$/,
    spec: {
      currency: any,
      active: any,
      billing_scheme: any,
      currency_options: any,
      custom_unit_amount: any,
      expand: any,
      lookup_key: any,
      metadata: any,
      nickname: any,
      product: any,
      product_data: any,
      recurring: { interval: any, interval_count: any, usage_type: any, meter: any },
      tax_behavior: any,
      tiers: any,
      tiers_mode: any,
      transfer_lookup_key: any,
      transform_quantity: any,
      unit_amount: any,
      unit_amount_decimal: any,
    },
    handler: (ctx) => {
      const p = ctx.params;
      const unitAmount = int(p, "unit_amount");
      if (unitAmount === undefined) throw invalid("Missing required param: unit_amount.", "unit_amount", "parameter_missing");
      return ctx.engine.createPrice(ctx.account, {
        currency: requireStr(p, "currency").toLowerCase(),
        unitAmount,
        product: requireStr(p, "product"),
        interval: str(obj(p, "recurring") ?? {}, "interval"),
        metadata: metadata(p),
      });
    },
  },
  { method: "GET", pattern: /^\/v1\/prices\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "price", m[1] as string) },
];
