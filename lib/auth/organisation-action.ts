// The wrapper every dashboard server action goes through: authenticate, check the member's role in
// the organisation named by the form's `organisationId`, validate the form with the action's zod
// schema, and turn failures into a state the form shows (with what the person typed).
import "server-only";
import { z } from "zod";
import { formObject, formText } from "@/lib/api/form-data";
import { requireRole } from "@/lib/auth/membership";
import type { Role } from "@/lib/db/generated/enums.ts";
import { errorState, typedValues, zodState, type ActionState } from "./action-state";

export type { ActionState } from "./action-state";

export type OrganisationContext = Awaited<ReturnType<typeof requireRole>>;

export function organisationAction<S extends z.core.$ZodType>(
  atLeast: Role,
  schema: S,
  run: (input: z.output<S>, context: OrganisationContext) => Promise<ActionState>,
) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    let context: OrganisationContext;
    try {
      context = await requireRole({ id: formText(form, "organisationId") }, atLeast);
    } catch (error) {
      return errorState(error);
    }
    const parsed = await z.safeParseAsync(schema, formObject(form));
    if (!parsed.success) return { ...zodState(parsed.error), values: typedValues(form) };
    try {
      return await run(parsed.data, context);
    } catch (error) {
      return { ...errorState(error, { organisationId: context.organisation.id }), values: typedValues(form) };
    }
  };
}
