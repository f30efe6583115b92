// POST /oauth/token and /oauth/deauthorize - Connect OAuth for Standard accounts, authenticated
// with the platform's secret key, answering with OAuth's error JSON rather than the API's.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "../engine";
import { parseForm, sendJson, str } from "../wire";

export function handleOAuthApi(engine: Engine, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
  const params = parseForm(body);
  const header = req.headers.authorization ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7) : (str(params, "client_secret") ?? "");
  if (key !== engine.config.secretKey) {
    return sendJson(res, 401, { error: "invalid_client", error_description: "No valid API key provided." });
  }
  if (url.pathname === "/oauth/token") {
    if (str(params, "grant_type") !== "authorization_code") {
      return sendJson(res, 400, { error: "unsupported_grant_type", error_description: `Unsupported grant type: ${str(params, "grant_type") ?? "(none)"}` });
    }
    const result = engine.exchangeOAuthCode(str(params, "code") ?? "");
    return sendJson(res, "error" in result ? 400 : 200, result);
  }
  if (url.pathname === "/oauth/deauthorize") {
    const clientId = str(params, "client_id");
    const accountId = str(params, "stripe_user_id") ?? "";
    if (clientId !== engine.config.clientId)
      return sendJson(res, 400, { error: "invalid_client", error_description: `No such application: '${clientId ?? ""}'` });
    if (!engine.deauthorize(accountId)) {
      return sendJson(res, 400, {
        error: "invalid_client",
        error_description: `This application is not connected to stripe account ${accountId}, or that account does not exist.`,
      });
    }
    return sendJson(res, 200, { stripe_user_id: accountId });
  }
  return sendJson(res, 404, { error: "invalid_request", error_description: "Unknown OAuth endpoint." });
}
