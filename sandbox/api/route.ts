// What every route of the HTTP API shares: the request context a handler gets, and the helpers for Stripe's errors, retrieval and lists.
import type { Engine } from "../engine";
import type { StripeObject } from "../store";
import { int, invalid, notFound, obj, str, StripeApiError, type Param, type Params } from "../wire";
import type { Table } from "./params/rules";

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
/** `params`: the table of what Stripe accepts on this endpoint (sandbox/api/params/). */
export type Route = { method: string; pattern: RegExp; handler: Handler; params: Table; publishable?: boolean };

export const accessRevoked = (account: string) =>
  new StripeApiError(403, {
    type: "invalid_request_error",
    code: "account_invalid",
    message: `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  });

export function needsAccount(ctx: Context, what: string) {
  if (!ctx.connected) {
    // Real Stripe would create the object on the platform account; Amply never wants that.
    throw invalid(
      `${what} are direct charges on the organisation's connected account: send the Stripe-Account header. Real Stripe would accept this request and create the object on the platform account; the sandbox refuses it deliberately, because Amply never charges on the platform.`,
      undefined,
      "account_invalid",
    );
  }
}

/** The object of this kind on the request's account, or Stripe's 404 (another account's objects do not exist). */
export function retrieve(ctx: Context, kind: string, id: string) {
  const found = ctx.engine.store.get(ctx.account, id, kind);
  if (!found) throw notFound(kind, id);
  return found;
}

/** A list filter: does `item` match the filter's `value`? */
export type Filters = Record<string, (item: StripeObject, value: Param) => boolean>;
const PAGINATION = new Set(["limit", "starting_after", "ending_before", "created", "expand"]);

/**
 * A page of `items` (default: every object of `kind` on the account), newest first as Stripe
 * lists, filtered by `created` and by `filters`. A filter the route's table accepts but no
 * function here applies is a sandbox bug: refused rather than ignored.
 */
export function listOf(ctx: Context, kind: string, url: string, filters: Filters = {}, all?: StripeObject[]) {
  const source = ctx.params;
  const limit = int(source, "limit") ?? 10;
  const active = Object.keys(source).filter((key) => !PAGINATION.has(key));
  for (const key of active) if (!filters[key]) throw invalid(`The Stripe sandbox does not implement the ${key} filter on ${url}.`, key);
  const matches = (item: StripeObject) => active.every((key) => (filters[key] as Filters[string])(item, source[key] as Param));
  let items = (all ?? ctx.engine.store.all(ctx.account, kind)).filter((item) => matches(item) && inRange(item.created, source, "created")).reverse();
  const after = str(source, "starting_after");
  const before = str(source, "ending_before");
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index < 0) throw notFound(kind, after, "starting_after");
    items = items.slice(index + 1);
    return { object: "list", url, has_more: items.length > limit, data: items.slice(0, limit) };
  }
  if (before) {
    // Backwards: the `limit` objects just before (newer than) the cursor; more exist if any precede them.
    const index = items.findIndex((item) => item.id === before);
    if (index < 0) throw notFound(kind, before, "ending_before");
    return { object: "list", url, has_more: index > limit, data: items.slice(Math.max(0, index - limit), index) };
  }
  return { object: "list", url, has_more: items.length > limit, data: items.slice(0, limit) };
}

/** `created=<t>` (exactly) or `created[gt|gte|lt|lte]=<t>` on a timestamp. */
export function inRange(time: number, source: Params, key: string) {
  const exact = int(source, key);
  if (exact !== undefined) return time === exact;
  const range = obj(source, key);
  if (!range) return true;
  const bound = (name: string) => int(range, name);
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return (gt === undefined || time > gt) && (gte === undefined || time >= gte) && (lt === undefined || time < lt) && (lte === undefined || time <= lte);
}
