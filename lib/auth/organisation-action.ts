// The wrapper every organisation server action goes through: authenticate, check the member's
// role in the organisation named by the form's `organisationId`, and turn failures into a state the
// form shows (STYLE: authorization is never an afterthought inside an action's body).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { requireRole } from "@/lib/auth/membership";
import type { Role } from "@/lib/db/generated/enums.ts";
import { formText } from "@/lib/form-text";
import { log } from "@/lib/logger";

export type ActionState = { ok?: boolean; message?: string; error?: string; fieldErrors?: Record<string, string> };

export type OrganisationContext = Awaited<ReturnType<typeof requireRole>>;

export function organisationAction(atLeast: Role, run: (form: FormData, context: OrganisationContext) => Promise<ActionState>) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    let context: OrganisationContext;
    try {
      context = await requireRole({ id: formText(form, "organisationId") }, atLeast);
    } catch (error) {
      if (error instanceof ApiError) return { error: error.message };
      throw error;
    }
    try {
      return await run(form, context);
    } catch (error) {
      if (error instanceof ApiError) return { error: error.message, fieldErrors: mapFields(error.details.fields) };
      log.error("organisation action failed", { organisationId: context.organisation.id, error });
      return { error: "Something went wrong on our side and nothing was saved. Please try again." };
    }
  };
}

function mapFields(fields: Record<string, string[]> | undefined) {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key, messages[0] ?? ""]));
}
