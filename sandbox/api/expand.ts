// expand[]: replace ids by the objects they name (in the same account), as deep as asked.
import type { Engine } from "../engine";
import { present, type StripeObject } from "../store";
import { invalid } from "../wire";

/** Stripe expands at most four levels (`data.charge.customer.default_source`). */
const MAX_DEPTH = 4;
/** What an expandable field holds when not expanded: an object id. */
const ID = /^(acct|ba|card|ccsbtxn|ch|clock|cus|dp|du|evt|ii|il|in|inpay|mandate|pi|pm|po|price|prod|py|pyr|re|setatt|seti|si|src|sub|tr|txn)_[A-Za-z0-9]+$/;

export function checkExpandDepth(paths: string[]) {
  for (const path of paths) {
    if (path.split(".").length > MAX_DEPTH) {
      throw invalid(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, "expand");
    }
  }
}

const notExpandable = (segment: string) => invalid(`This property cannot be expanded (${segment}).`, "expand");

export function renderExpanded(engine: Engine, account: string, value: unknown, paths: string[]): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return present(value);
  const object = value as StripeObject;
  const firsts = (segment: string) =>
    paths
      .filter((p) => p.split(".")[0] === segment)
      .map((p) => p.split(".").slice(1).join("."))
      .filter(Boolean);
  const out = (
    object.object === "invoice"
      ? engine.publicInvoice(account, object, {
          payments: paths.some((p) => p.split(".")[0] === "payments"),
          confirmationSecret: paths.includes("confirmation_secret"),
        })
      : present(object)
  ) as Record<string, unknown>;
  for (const segment of new Set(paths.map((p) => p.split(".")[0] as string))) {
    const rest = firsts(segment);
    if (segment === "data" && Array.isArray(out.data)) {
      out.data = (out.data as unknown[]).map((item) => {
        const stored = typeof item === "object" && item && "id" in item ? engine.store.get(account, String((item as StripeObject).id)) : undefined;
        return renderExpanded(engine, account, stored ?? item, rest);
      });
      continue;
    }
    const field = out[segment];
    if (segment === "confirmation_secret" || segment === "payments") continue;
    if (!(segment in out)) throw notExpandable(segment);
    if (field === null) continue;
    if (typeof field === "string") {
      if (!ID.test(field)) throw notExpandable(segment);
      const found = engine.store.get(account, field);
      if (found) out[segment] = renderExpanded(engine, account, found, rest);
    } else if (field && typeof field === "object" && !Array.isArray(field) && "id" in field) {
      const stored = engine.store.get(account, String((field as StripeObject).id));
      out[segment] = renderExpanded(engine, account, stored ?? field, rest);
    } else {
      throw notExpandable(segment);
    }
  }
  return out;
}
