// GET /v1/account and /v1/accounts/:id - the connected account, seen by the platform.
import { invalid } from "../wire";
import { EXPAND } from "./params/rules";
import { accessRevoked, type Route } from "./route";

export const accountRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/account$/,
    params: EXPAND,
    handler: (ctx) => {
      const account = ctx.engine.account(ctx.account);
      if (!account) throw invalid("The platform account itself is not available in the sandbox.", undefined, "account_invalid");
      return account;
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/accounts\/([^/]+)$/,
    params: EXPAND,
    handler: (ctx, m) => {
      const id = m[1] as string;
      const account = ctx.engine.account(id);
      if (!account || (ctx.connected && ctx.account !== id)) throw accessRevoked(id);
      return account;
    },
  },
];
