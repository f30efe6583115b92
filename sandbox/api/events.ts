// /v1/events - the events of the account the request is for (re-sync and reports read them),
// each at the API version it was created with, from the last 30 days only, as Stripe lists them
// (an event older than that can still be retrieved by id here; Stripe may not have it either).
import { now, PLATFORM, type StripeObject } from "../store";
import { list, notFound } from "../wire";
import { EVENT_LIST } from "./params/balance";
import { EXPAND } from "./params/rules";
import { listOf, type Route } from "./route";

/** How far back Stripe lists events. */
export const EVENTS_LISTED_FOR_SECONDS = 30 * 24 * 3600;

/** `charge.refunded` or a wildcard such as `charge.*`, as Stripe matches event types. */
const typeMatches = (type: unknown, pattern: string) => (pattern.endsWith(".*") ? String(type).startsWith(pattern.slice(0, -1)) : type === pattern);

export const eventRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/events$/,
    params: EVENT_LIST,
    handler: (ctx) => {
      const oldest = now() - EVENTS_LISTED_FOR_SECONDS;
      const records = ctx.engine.webhooks.list().filter((record) => (record.event.account ?? PLATFORM) === ctx.account && record.event.created >= oldest);
      const delivered = new Map(records.map((record) => [record.event.id, record.delivered]));
      return listOf(
        ctx,
        "event",
        "/v1/events",
        {
          type: (event, type) => typeof type === "string" && typeMatches(event.type, type),
          types: (event) => list(ctx.params, "types").some((type) => typeMatches(event.type, type)),
          delivery_success: (event, success) => delivered.get(event.id) === (success === "true"),
        },
        records.map((record) => record.event as StripeObject),
      );
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/events\/([^/]+)$/,
    params: EXPAND,
    handler: (ctx, m) => {
      const record = ctx.engine.webhooks.get(m[1] as string);
      if (!record || (record.event.account ?? PLATFORM) !== ctx.account) throw notFound("event", m[1] as string);
      return record.event;
    },
  },
];
