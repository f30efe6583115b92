// What a server action answers its form with, and how errors become that answer: an ApiError's
// message and field errors are shown; anything else is logged and replaced by a generic message.
import "server-only";
import type { z } from "zod";
import { ApiError, validationError } from "@/lib/api/errors";
import { log } from "@/lib/logger";

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** Figures the page needs to go on (e.g. a client secret for Stripe.js). */
  data?: Record<string, string>;
  /** What the person typed, given back after an error so the form keeps it. */
  values?: Record<string, string | string[]>;
};

/** The form's own values (never files), to hand back with an error. */
export function typedValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$")) continue;
    const existing = values[name];
    values[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

export function zodState(error: z.core.$ZodError): ActionState {
  return errorState(validationError(error));
}

/** The form state for an error thrown by an action; rethrows Next.js's redirect and notFound. */
export function errorState(error: unknown, context: Record<string, unknown> = {}): ActionState {
  if (error instanceof ApiError) {
    const fields = error.details.fields;
    return {
      error: error.message,
      fieldErrors: fields ? Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key, messages[0] ?? ""])) : undefined,
    };
  }
  if (isNavigation(error)) throw error;
  log.error("server action failed", { ...context, error });
  return { error: "Something went wrong on our side and nothing was saved. Please try again." };
}

/** redirect() and notFound() throw errors Next.js must see. */
function isNavigation(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK");
}
