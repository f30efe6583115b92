// The wrapper every organisation API route goes through: it refuses a state-changing request
// that did not come from Amply's own pages (Origin), authenticates, checks the member's role in
// the organisation named by the `orgId` route parameter, reads and validates the body with zod,
// and maps errors to responses (lib/api/errors.ts).
import "server-only";
import { z } from "zod";
import { errorResponse, validationError } from "@/lib/api/errors";
import { assertSameOrigin, readJson } from "@/lib/api/request-guards";
import { requireRole } from "@/lib/auth/membership";
import type { Role } from "@/lib/db/generated/enums.ts";

type RouteContext = { params: Promise<Record<string, string>> };

export type OrganisationRouteContext<S extends z.core.$ZodType | undefined> = Awaited<ReturnType<typeof requireRole>> & {
  request: Request;
  params: Record<string, string>;
  body: S extends z.core.$ZodType ? z.output<S> : undefined;
};

type Options<S extends z.core.$ZodType | undefined> = {
  /** Validate the JSON body with this schema (422 with field errors). */
  body?: S;
  /** The largest body read (413 beyond); 64 kB unless said. */
  maxBytes?: number;
};

export function withOrganisation<S extends z.core.$ZodType | undefined = undefined>(
  atLeast: Role,
  options: Options<S>,
  handler: (context: OrganisationRouteContext<S>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const params = await context.params;
      const guarded = await requireRole({ id: params.orgId ?? "" }, atLeast);
      let body: unknown;
      if (options.body) {
        const parsed = await z.safeParseAsync(options.body, await readJson(request, options.maxBytes ?? 64_000));
        if (!parsed.success) throw validationError(parsed.error);
        body = parsed.data;
      }
      return await handler({ ...guarded, request, params, body: body as OrganisationRouteContext<S>["body"] });
    } catch (error) {
      return errorResponse(error, { route: `${request.method} ${new URL(request.url).pathname}` });
    }
  };
}
