// expand[]: replace ids by the objects they name (in the same account), as deep as asked.
import type { Engine } from "../engine";
import { present, type StripeObject } from "../store";
import { invalid } from "../wire";

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
    if (typeof field === "string") {
      const found = engine.store.get(account, field);
      if (found) out[segment] = renderExpanded(engine, account, found, rest);
    } else if (field && typeof field === "object") {
      const stored = "id" in field ? engine.store.get(account, String((field as StripeObject).id)) : undefined;
      out[segment] = Array.isArray(field) ? field : renderExpanded(engine, account, stored ?? field, rest);
    } else if (!(segment in out) && segment !== "confirmation_secret" && segment !== "payments") {
      throw invalid(`This property cannot be expanded (${segment}).`, "expand");
    }
  }
  return out;
}
