// The wrapper every public API route goes through (donations, the Stripe webhook): it caps the
// body it reads, optionally checks the Origin, parses and validates the body with zod, reads the
// Idempotency-Key, and maps errors to responses (lib/api/errors.ts). Organisation APIs use
// withOrganisation (lib/auth/with-organisation.ts) instead.
import "server-only";
import { z } from "zod";
import { clientAddress } from "@/lib/http/client-address";
import { ApiError, errorResponse, validationError } from "./errors";
import { assertSameOrigin, readBody, readJson } from "./request-guards";

type PublicRouteOptions<S extends z.core.$ZodType | undefined> = {
  /** The largest body read; more answers 413. */
  maxBytes: number;
  /** Validate the JSON body with this schema (422 with field errors). Without one, the handler gets the raw text. */
  schema?: S;
  /** Require an Idempotency-Key header of this shape (400 without). */
  idempotencyKey?: z.core.$ZodType<string>;
  /** Only Amply's own pages may call it (Origin must be APP_URL's). */
  sameOrigin?: boolean;
};

export type PublicRouteContext<S extends z.core.$ZodType | undefined> = {
  request: Request;
  /** The dynamic segments of the route (`[imageId]`...). */
  params: Record<string, string>;
  body: S extends z.core.$ZodType ? z.output<S> : string;
  idempotencyKey: string;
  /** Resolved by Amply's server (scripts/serve.ts), never read from X-Forwarded-For here. */
  clientAddress: string;
};

export function publicRoute<S extends z.core.$ZodType | undefined = undefined>(
  options: PublicRouteOptions<S>,
  handler: (context: PublicRouteContext<S>) => Promise<Response>,
) {
  return async (request: Request, context?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      if (options.sameOrigin) assertSameOrigin(request);
      let idempotencyKey = "";
      if (options.idempotencyKey) {
        const key = await z.safeParseAsync(options.idempotencyKey, request.headers.get("idempotency-key") ?? "");
        if (!key.success) throw new ApiError("bad_request", key.error.issues[0]?.message ?? "Send an Idempotency-Key header.");
        idempotencyKey = key.data;
      }
      let body: unknown;
      if (options.schema) {
        const parsed = await z.safeParseAsync(options.schema, await readJson(request, options.maxBytes));
        if (!parsed.success) throw validationError(parsed.error);
        body = parsed.data;
      } else {
        body = await readBody(request, options.maxBytes);
      }
      const params = (await context?.params) ?? {};
      return await handler({ request, params, body: body as PublicRouteContext<S>["body"], idempotencyKey, clientAddress: clientAddress(request) });
    } catch (error) {
      return errorResponse(error, { route: `${request.method} ${new URL(request.url).pathname}` });
    }
  };
}
