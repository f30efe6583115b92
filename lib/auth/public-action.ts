// The wrapper for server actions anyone may call (sign-in, invitation acceptance, creating an
// organisation once signed in): validate the form with zod, pass the signed-in user if there is
// one and the client's address, and turn failures into a state the form shows.
import "server-only";
import { z } from "zod";
import { formObject } from "@/lib/api/form-data";
import { currentUser, type SessionUser } from "@/lib/auth/membership";
import { requestClientAddress } from "./request-client-address";
import { errorState, typedValues, zodState, type ActionState } from "./action-state";

export type PublicActionContext = { user: SessionUser | null; clientAddress: string };

export function publicAction<S extends z.core.$ZodType>(schema: S, run: (input: z.output<S>, context: PublicActionContext) => Promise<ActionState>) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    const parsed = await z.safeParseAsync(schema, formObject(form));
    if (!parsed.success) return { ...zodState(parsed.error), values: typedValues(form) };
    try {
      const clientAddress = await requestClientAddress();
      return await run(parsed.data, { user: await currentUser(), clientAddress });
    } catch (error) {
      return { ...errorState(error), values: typedValues(form) };
    }
  };
}
