// Products and Prices on a connected account (a recurring donation's price is one of them).
import type { Engine } from "../engine";
import { newId, now } from "../store";
import { invalid, notFound } from "../wire";
import type { Obj } from "./objects";
import { assertCurrency } from "./validation";

export function createProduct(engine: Engine, account: string, input: { name: string; metadata: Record<string, string>; id?: string }) {
  const product: Obj = {
    id: input.id ?? newId("prod", 14),
    object: "product",
    created: now(),
    name: input.name,
    active: true,
    metadata: input.metadata,
    livemode: false,
    type: "service",
    default_price: null,
  };
  if (engine.store.get(account, product.id)) throw invalid(`Product already exists.`, "id", "resource_already_exists");
  return engine.store.put(account, product);
}

export function createPrice(
  engine: Engine,
  account: string,
  input: { currency: string; unitAmount: number; product: string; interval?: string; metadata?: Record<string, string> },
) {
  assertCurrency(input.currency, "currency");
  if (!engine.store.get(account, input.product, "product")) throw notFound("product", input.product, "product");
  const price: Obj = {
    id: newId("price", 24),
    object: "price",
    created: now(),
    active: true,
    currency: input.currency,
    unit_amount: input.unitAmount,
    product: input.product,
    recurring: input.interval ? { interval: input.interval, interval_count: 1, usage_type: "licensed", meter: null } : null,
    type: input.interval ? "recurring" : "one_time",
    billing_scheme: "per_unit",
    livemode: false,
    metadata: input.metadata ?? {},
  };
  return engine.store.put(account, price);
}
