// GET /v1/events and /v1/events/:id - events, only from the account they belong to, each at the API
// version it was created with (a re-sync reads the same payloads the webhooks carried).
import { PLATFORM } from "../store";
import { int, list, notFound, obj, str } from "../wire";
import { any, EXPAND, LIST, type Route } from "./route";

export const eventRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/events$/,
    spec: { ...LIST, type: any, types: any, delivery_success: any },
    handler: (ctx) => {
      const source = { ...Object.fromEntries(ctx.query), ...ctx.params };
      const type = str(source, "type");
      const types = list(ctx.params, "types");
      const created = obj(ctx.params, "created");
      const gte = created ? int(created, "gte") : undefined;
      const limit = Math.min(Math.max(int(source, "limit") ?? 10, 1), 100);
      // Newest first, as Stripe lists.
      let events = ctx.engine.webhooks
        .list()
        .map((record) => record.event)
        .filter((event) => (event.account ?? PLATFORM) === ctx.account)
        .filter((event) => (!type || event.type === type) && (!types.length || types.includes(event.type)) && (gte === undefined || event.created >= gte))
        .reverse();
      const after = str(source, "starting_after");
      if (after) {
        const index = events.findIndex((event) => event.id === after);
        if (index < 0) throw notFound("event", after, "starting_after");
        events = events.slice(index + 1);
      }
      return { object: "list", url: "/v1/events", has_more: events.length > limit, data: events.slice(0, limit) };
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/events\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => {
      const record = ctx.engine.webhooks.get(m[1] as string);
      if (!record || (record.event.account ?? PLATFORM) !== ctx.account) throw notFound("event", m[1] as string);
      return record.event;
    },
  },
];
