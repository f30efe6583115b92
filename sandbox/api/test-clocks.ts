// /v1/test_helpers/test_clocks - simulated time for subscriptions, under Stripe's own test-mode path.
import { int, invalid, str } from "../wire";
import { EXPAND, LIST } from "./params/rules";
import { TEST_CLOCK_ADVANCE, TEST_CLOCK_CREATE } from "./params/setup-intents";
import { listOf, type Route } from "./route";

export const testClockRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/test_helpers\/test_clocks$/,
    params: TEST_CLOCK_CREATE,
    handler: (ctx) => {
      const frozenTime = int(ctx.params, "frozen_time");
      if (frozenTime === undefined) throw invalid("Missing required param: frozen_time.", "frozen_time", "parameter_missing");
      return ctx.engine.createTestClock(ctx.account, { frozenTime, name: str(ctx.params, "name") });
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/test_helpers\/test_clocks$/,
    params: LIST,
    handler: (ctx) => listOf(ctx, "test_helpers.test_clock", "/v1/test_helpers/test_clocks"),
  },
  {
    method: "GET",
    pattern: /^\/v1\/test_helpers\/test_clocks\/([^/]+)$/,
    params: EXPAND,
    handler: (ctx, m) => ctx.engine.testClock(ctx.account, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/test_helpers\/test_clocks\/([^/]+)\/advance$/,
    params: TEST_CLOCK_ADVANCE,
    handler: (ctx, m) => {
      const frozenTime = int(ctx.params, "frozen_time");
      if (frozenTime === undefined) throw invalid("Missing required param: frozen_time.", "frozen_time", "parameter_missing");
      return ctx.engine.advanceTestClock(ctx.account, m[1] as string, frozenTime);
    },
  },
  {
    method: "DELETE",
    pattern: /^\/v1\/test_helpers\/test_clocks\/([^/]+)$/,
    params: {},
    handler: (ctx, m) => ctx.engine.deleteTestClock(ctx.account, m[1] as string),
  },
];
