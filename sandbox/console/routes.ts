// The sandbox console's routes: GET / shows the page, POST /console/... runs one action and
// redirects back to the page (303), which shows what happened once. Every request passes the
// guard first (loopback only, same-origin posts: guard.ts).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "../engine";
import { escapeHtml, page } from "../pages";
import { StripeApiError } from "../wire";
import { consoleActions } from "./actions";
import { consoleRefusal } from "./guard";
import { consolePage, STYLE_HASH, type Flash } from "./view";

/** Flash messages waiting for the page after a redirect, by a random token; the oldest go first. */
const KEPT_FLASHES = 100;

const SECURITY_HEADERS = {
  "Content-Security-Policy": `default-src 'none'; style-src '${STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  // Not no-referrer: under it a browser sends `Origin: null` with the page's own form posts.
  "Referrer-Policy": "same-origin",
  "Cache-Control": "no-store",
};

export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => void;

export function isConsolePath(pathname: string) {
  return pathname === "/" || pathname.startsWith("/console/");
}

export function sandboxConsole(engine: Engine): ConsoleHandler {
  const flashes = new Map<string, Flash>();

  function remember(flash: Flash) {
    const token = randomBytes(12).toString("base64url");
    flashes.set(token, flash);
    for (const oldest of flashes.keys()) {
      if (flashes.size <= KEPT_FLASHES) break;
      flashes.delete(oldest);
    }
    return token;
  }

  function run(pathname: string, body: string): Flash | undefined {
    const found = consoleActions.find((candidate) => candidate.pattern.test(pathname));
    if (!found) return undefined;
    const id = (found.pattern.exec(pathname) as RegExpExecArray)[1] as string;
    const form = new URLSearchParams(body);
    const fields = Object.fromEntries(form);
    if (new Set(form.keys()).size !== [...form.keys()].length) return { kind: "error", message: "The form sent a field twice." };
    const input = found.schema.safeParse(fields);
    if (!input.success) {
      return {
        kind: "error",
        message: `The form was not understood: ${input.error.issues.map((issue) => `${issue.path.join(".") || "form"} ${issue.message}`).join("; ")}.`,
      };
    }
    try {
      return { kind: "success", message: found.run(engine, id, input.data) };
    } catch (error) {
      if (error instanceof StripeApiError) return { kind: "error", message: error.message };
      console.error("[stripe-sandbox] console action failed", error);
      return { kind: "error", message: `The sandbox failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  return (req, res, url, body) => {
    const refusal = consoleRefusal(req);
    if (refusal) return page(res, 403, "Refused", `<h1>Refused</h1><p class="error">${escapeHtml(refusal)}</p>`);
    const method = req.method ?? "GET";
    if (url.pathname === "/") {
      if (method !== "GET" && method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
        return res.end("Use the buttons: they post to /console/...");
      }
      const token = url.searchParams.get("flash");
      const flash = token ? flashes.get(token) : undefined;
      if (token) flashes.delete(token);
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...SECURITY_HEADERS });
      return res.end(method === "HEAD" ? undefined : consolePage(engine, flash));
    }
    if (method !== "POST") {
      res.writeHead(405, { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" });
      return res.end("Console actions are POST forms.");
    }
    const flash = run(url.pathname, body);
    if (!flash) return page(res, 404, "Not found", `<h1>Not found</h1><p>The console has no action at ${escapeHtml(url.pathname)}.</p>`);
    res.writeHead(303, { Location: `/?flash=${remember(flash)}`, ...SECURITY_HEADERS });
    res.end();
  };
}
