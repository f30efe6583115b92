// What the donation page sends to POST /api/donations. Amounts are integer minor units with a
// currency code; everything a person typed is validated and bounded.
//
// The donation page checks the same schema in the browser before it sends (donation-field-errors.ts),
// so it is written with zod/mini, about half the size of the full zod in the browser. Give every
// check a person can fail its own message: the browser loads no locale for zod's default messages.
import * as z from "zod/mini";
import { DEDICATION_MAX_LENGTH, NAME_MAX_LENGTH } from "./donation-request-limits";

/**
 * The Stripe PaymentMethod types the donation page takes through the Payment Element (the
 * PaymentIntent is restricted to the one the donor chose: docs/stripe.md#fees-per-payment-method).
 */
export const PAYMENT_ELEMENT_METHOD_TYPES = ["card", "sepa_debit", "ideal", "bancontact", "eps", "p24"] as const;
export type PaymentElementMethodType = (typeof PAYMENT_ELEMENT_METHOD_TYPES)[number];

/** How often a gift is given; `monthly` and `yearly` are Stripe subscriptions of that interval. */
export const DONATION_FREQUENCIES = ["once", "monthly", "yearly"] as const;
export type DonationFrequency = (typeof DONATION_FREQUENCIES)[number];

export const donationRequestSchema = z.object({
  organisation: z.string().check(z.minLength(1), z.maxLength(64)),
  fund: z.optional(z.string().check(z.maxLength(64))),
  campaign: z.optional(z.string().check(z.maxLength(64))),
  amount: z
    .number({ error: "Enter the amount you want to give." })
    .check(z.int("Amounts are whole numbers of minor units (cents)."), z.positive("Enter an amount above zero.")),
  currency: z.string().check(z.regex(/^[A-Za-z]{3}$/, "Choose a currency."), z.toUpperCase()),
  coverFee: z._default(z.boolean(), false),
  method: z._default(z.enum(["payment_element", "bank_transfer"]), "payment_element"),
  /** The method chosen in the Payment Element: its fee is the one covered, and the only one the PaymentIntent takes. */
  paymentMethodType: z._default(
    z.enum(PAYMENT_ELEMENT_METHOD_TYPES, { error: "Amply does not take that payment method here. Choose another payment method." }),
    "card",
  ),
  /** The total the page showed (gift plus covered fee, minor units): any other total is refused, never charged. */
  expectedTotal: z
    .number({ error: "Reload the page: it did not send the total you were shown." })
    .check(z.int("Reload the page: it did not send the total you were shown."), z.nonnegative("Reload the page: it did not send the total you were shown.")),
  donor: z.object({
    name: z._default(
      z.optional(z.string().check(z.trim(), z.maxLength(NAME_MAX_LENGTH, `That name is too long: use at most ${NAME_MAX_LENGTH} characters.`))),
      "",
    ),
    email: z
      .email("Enter your email address so we can send your receipt, like name@example.org.")
      .check(z.maxLength(254, "That email address is too long."), z.toLowerCase()),
  }),
  /** A one-off gift, or a recurring one (a subscription on the organisation's account). */
  frequency: z._default(z.enum(DONATION_FREQUENCIES, { error: "Choose how often you want to give." }), "once"),
  anonymous: z._default(z.boolean(), false),
  dedication: z.optional(z.string().check(z.trim(), z.maxLength(DEDICATION_MAX_LENGTH, `Keep your message under ${DEDICATION_MAX_LENGTH} characters.`))),
  turnstileToken: z.optional(z.string().check(z.maxLength(4096))),
});

export type DonationRequest = z.infer<typeof donationRequestSchema>;

/** The Idempotency-Key the page sends: what it retries with, scoped to the organisation. */
export const idempotencyKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "Send an Idempotency-Key header of 8 to 64 letters, digits, - or _."));
