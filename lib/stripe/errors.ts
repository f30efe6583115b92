// Stripe's errors, classified once: what the rest of Amply asks of a failed call.
import "server-only";
import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/logger";

function statusOf(error: unknown): number | undefined {
  return error instanceof Stripe.errors.StripeError
    ? error.statusCode
    : error instanceof Error && "statusCode" in error && typeof error.statusCode === "number"
      ? error.statusCode
      : undefined;
}

/** The account no longer lets Amply in (disconnected on Stripe's side): 401 or 403. */
export function isAccessRevoked(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403;
}

/** Stripe has no such object on that account. */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/**
 * Stripe refused the payment method for this account: a method type not activated (its capability
 * inactive), or a bank-transfer type the account's country cannot receive.
 */
export function isPaymentMethodRefused(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return false;
  const param = error.param ?? "";
  return (
    error.code === "payment_intent_invalid_parameter" &&
    (param === "allowed_payment_method_types" || param.startsWith("payment_method_options[customer_balance]") || /customer_balance/.test(error.message))
  );
}

/** OAuth errors that mean the account is already not connected to the platform. */
export function isAlreadyDeauthorized(error: unknown): boolean {
  const type = error instanceof Error && "type" in error ? String(error.type) : "";
  return /InvalidClient|InvalidGrant|Permission|Authentication/.test(type) || isAccessRevoked(error);
}

/**
 * A failed call made for a donor, as a message the donor can act on: amounts Stripe refuses name
 * the field; anything else is logged (type and code, never the request) and answered 502.
 */
export function donorFacingStripeError(error: unknown, currency: string): ApiError {
  const field = (message: string) => new ApiError("validation_failed", message, { fields: { amount: [message] } });
  if (error instanceof Stripe.errors.StripeError) {
    // Stripe's minimum also applies after conversion into the account's settlement currency.
    if (error.code === "amount_too_small")
      return field(`This amount is below the smallest payment Stripe can take in ${currency} for this organisation. Please give a little more.`);
    if (error.code === "amount_too_large") return field(`This amount is above the largest payment Stripe can take in ${currency}.`);
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      return new ApiError("conflict", "This donation was already started with other details. Reload the page to start again.");
    }
    log.error("Stripe refused a request", { type: error.type, code: error.code ?? null, message: error.message });
  } else {
    log.error("Stripe call failed", { error });
  }
  return new ApiError("payment_provider_error", "Our payment provider did not answer. Nothing was charged; please try again in a moment.");
}
