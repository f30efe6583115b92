// GET /v1/events/:id - an event, only from the account it belongs to.
import { PLATFORM } from "../store";
import { notFound } from "../wire";
import { EXPAND, type Route } from "./route";

export const eventRoutes: Route[] = [
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
