// Stripe's wire format: form-encoded bracket parameters in, JSON out, errors as Stripe shapes them.
import type { IncomingMessage, ServerResponse } from "node:http";

export type Params = { [key: string]: Param };
export type Param = string | Params | Param[];

/**
 * Parse `a[b][0][c]=1&expand[]=x` into nested objects and arrays, as Stripe does. Array indices
 * (`[0]`) and empty brackets (`[]`) both make arrays.
 */
export function parseForm(body: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = parseKey(rawKey);
    let node: Params | Param[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string;
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[i + 1] as string);
      if (Array.isArray(node)) {
        const index = segment === "" ? node.length : Number(segment);
        if (last) node[index] = value;
        else node = (node[index] ??= nextIsIndex ? [] : {}) as Params | Param[];
      } else {
        if (last) node[segment] = value;
        else node = (node[segment] ??= nextIsIndex ? [] : {}) as Params | Param[];
      }
    }
  }
  return root;
}

function parseKey(key: string): string[] {
  const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(key);
  if (!match) return [key];
  const rest = [...(match[2] ?? "").matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "");
  return [match[1] as string, ...rest];
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      type: "invalid_request_error" | "card_error" | "api_error" | "idempotency_error" | "authentication_error" | "permission_error";
      message: string;
      code?: string;
      param?: string;
      decline_code?: string;
      payment_intent?: unknown;
      [key: string]: unknown;
    },
  ) {
    super(body.message);
  }
}

export const notFound = (kind: string, id: string, param = "id") =>
  new StripeApiError(404, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${kind}: '${id}'` });

export const invalid = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw invalid("Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

let requestCounter = 0;

/** The next `Request-Id`, as Stripe names each API request (and the events it causes). */
export const nextRequestId = () => `req_sandbox${(++requestCounter).toString().padStart(10, "0")}`;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Request-Id": headers["Request-Id"] ?? nextRequestId(),
    "Stripe-Version": "2026-10-28.endive",
    ...headers,
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: StripeApiError, headers: Record<string, string> = {}) {
  sendJson(
    res,
    error.status,
    { error: { ...error.body, doc_url: error.body.code ? `https://docs.stripe.com/error-codes/${error.body.code.replaceAll("_", "-")}` : undefined } },
    headers,
  );
}

export function str(params: Params, key: string): string | undefined {
  const value = params[key];
  return typeof value === "string" ? value : undefined;
}

export function requireStr(params: Params, key: string, prefix = ""): string {
  const value = str(params, key);
  if (value === undefined || value === "") throw invalid(`Missing required param: ${prefix}${key}.`, `${prefix}${key}`, "parameter_missing");
  return value;
}

export function int(params: Params, key: string): number | undefined {
  const value = str(params, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${value}`, key, "parameter_invalid_integer");
  return Number(value);
}

export function bool(params: Params, key: string): boolean | undefined {
  const value = str(params, key);
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") throw invalid(`Invalid boolean: ${value}`, key);
  return value === "true";
}

export function obj(params: Params, key: string): Params | undefined {
  const value = params[key];
  return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

export function list(params: Params, key: string): string[] {
  const value = params[key];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (typeof value === "object") return Object.values(value).filter((item): item is string => typeof item === "string");
  return [value];
}

/** Metadata: string values only, at most 50 keys, as Stripe. Empty string deletes a key. */
export function metadata(params: Params, existing: Record<string, string> = {}): Record<string, string> {
  const value = params.metadata;
  if (value === undefined) return existing;
  if (value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalid("Invalid metadata", "metadata");
  const result = { ...existing };
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== "string") throw invalid(`Invalid metadata value for ${key}`, `metadata[${key}]`);
    if (item === "") delete result[key];
    else result[key] = item;
  }
  if (Object.keys(result).length > 50) throw invalid("Metadata can have at most 50 keys.", "metadata");
  return result;
}
