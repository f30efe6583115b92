// One error type for every entry point (route handlers, server actions, pages), and one place that
// turns errors into responses (validation 422 with field errors, 401, 403, 404, 409, 413, 429,
// 502; anything unexpected 500, logged with a generic message). lib/ throws ApiError for anything a
// person can act on; server actions turn it into form state (lib/auth/action-state.ts).
import { z } from "zod";
import { log } from "@/lib/logger";

export type ApiErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "validation_failed"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "payment_provider_error"
  | "bad_request"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 422,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  payment_provider_error: 502,
  bad_request: 400,
  internal: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: {
      fields?: Record<string, string[]>;
      headers?: Record<string, string>;
      status?: number;
      /** A short machine-readable reason where a page chooses what to show by it (e.g. `expired_state`). */
      reason?: string;
      /** Figures the page needs to act on the error (e.g. the new total after a rate change). */
      data?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status() {
    return this.details.status ?? STATUS[this.code];
  }
}

export function validationError(error: z.core.$ZodError, message = "Some fields need your attention."): ApiError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return new ApiError("validation_failed", message, { fields });
}

export function errorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  if (error instanceof z.core.$ZodError) error = validationError(error);
  if (error instanceof ApiError) {
    return Response.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details.fields ? { fields: error.details.fields } : {}),
          ...(error.details.reason ? { reason: error.details.reason } : {}),
          ...(error.details.data ? { data: error.details.data } : {}),
        },
      },
      { status: error.status, headers: error.details.headers },
    );
  }
  log.error("unexpected error in API route", { ...context, error });
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side. Please try again in a moment." } }, { status: 500 });
}
