// The wrapper every organisation API route goes through: it authenticates, checks the member's
// role in the organisation named by the `orgId` route parameter, and maps errors to responses.
import "server-only";
import { requireRole } from "@/lib/auth/membership";
import type { Role } from "@/lib/db/generated/enums.ts";
import { errorResponse } from "./errors";

type Context = { params: Promise<Record<string, string>> };
type Guarded = Awaited<ReturnType<typeof requireRole>> & { request: Request; params: Record<string, string> };

export function withOrganisation(atLeast: Role, handler: (context: Guarded) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const params = await context.params;
      const guarded = await requireRole({ id: params.orgId ?? "" }, atLeast);
      return await handler({ ...guarded, request, params });
    } catch (error) {
      return errorResponse(error, { route: new URL(request.url).pathname });
    }
  };
}
