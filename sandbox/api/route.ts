// What every route of the HTTP API shares: the request context a handler gets, the parameter specs
// common to many endpoints, and the helpers for Stripe's errors, retrieval and lists.
import type { Engine } from "../engine";
import type { StripeObject } from "../store";
import { int, invalid, notFound, obj, str, StripeApiError, type Params, type Spec } from "../wire";

export type Context = {
  engine: Engine;
  account: string;
  connected: boolean;
  publishable: boolean;
  params: Params;
  query: URLSearchParams;
  idempotencyKey: string | null;
};

export type Handler = (ctx: Context, match: RegExpExecArray) => unknown;
export type Route = { method: string; pattern: RegExp; handler: Handler; spec?: Spec; publishable?: boolean };

export const any = true as const;
export const EXPAND = { expand: any };
export const LIST = { limit: any, starting_after: any, ending_before: any, created: any, expand: any };

export const accessRevoked = (account: string) =>
  new StripeApiError(403, {
    type: "invalid_request_error",
    code: "account_invalid",
    message: `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  });

export function needsAccount(ctx: Context, what: string) {
  if (!ctx.connected) {
    throw invalid(`${what} are direct charges on the organisation's connected account: send the Stripe-Account header.`, undefined, "account_invalid");
  }
}

/** The object of this kind on the request's account, or Stripe's 404 (another account's objects do not exist). */
export function retrieve(ctx: Context, kind: string, id: string) {
  const found = ctx.engine.store.get(ctx.account, id, kind);
  if (!found) throw notFound(kind, id);
  return found;
}

export function listOf(ctx: Context, kind: string, url: string, filter: (item: StripeObject) => boolean = () => true) {
  const source = { ...Object.fromEntries(ctx.query), ...ctx.params };
  const limit = Math.min(Math.max(int(source, "limit") ?? 10, 1), 100);
  const created = obj(source, "created");
  const inRange = (item: StripeObject) => {
    if (!created) return true;
    const gte = int(created, "gte");
    const lte = int(created, "lte");
    const gt = int(created, "gt");
    const lt = int(created, "lt");
    return (
      (gte === undefined || item.created >= gte) &&
      (lte === undefined || item.created <= lte) &&
      (gt === undefined || item.created > gt) &&
      (lt === undefined || item.created < lt)
    );
  };
  // Newest first, as Stripe lists.
  let items = ctx.engine.store
    .all(ctx.account, kind)
    .filter((item) => filter(item) && inRange(item))
    .reverse();
  const after = str(source, "starting_after");
  const before = str(source, "ending_before");
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index < 0) throw notFound(kind, after, "starting_after");
    items = items.slice(index + 1);
  } else if (before) {
    const index = items.findIndex((item) => item.id === before);
    if (index < 0) throw notFound(kind, before, "ending_before");
    items = items.slice(Math.max(0, index - limit), index);
  }
  return { object: "list", url, has_more: items.length > limit, data: items.slice(0, limit) };
}
