// /v1/products and /v1/prices - the donation product and the prices of recurring donations.
import { int, invalid, metadata, obj, requireStr, str } from "../wire";
import { EXPAND } from "./params/rules";
import { PRICE_CREATE, PRODUCT_CREATE } from "./params/subscriptions";
import { retrieve, type Route } from "./route";

export const productRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/products$/,
    params: PRODUCT_CREATE,
    handler: (ctx) =>
      ctx.engine.createProduct(ctx.account, { name: requireStr(ctx.params, "name"), metadata: metadata(ctx.params), id: str(ctx.params, "id") }),
  },
  { method: "GET", pattern: /^\/v1\/products\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "product", m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/prices$/,
    params: PRICE_CREATE,
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
  { method: "GET", pattern: /^\/v1\/prices\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "price", m[1] as string) },
];
