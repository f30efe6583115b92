// What the donation page sends to POST /api/donations. Amounts are integer minor units with a
// currency code; everything a person typed is validated and bounded.
//
// The donation page checks the same schema in the browser before it sends (donation-field-errors.ts),
// so it is written with zod/mini, about half the size of the full zod in the browser. Give every
// check a person can fail its own message: the browser loads no locale for zod's default messages.
import * as z from "zod/mini";
import { GIFT_AID_WORDING_VERSION } from "@/lib/gift-aid/declaration-wording";
import { LOCALES } from "@/lib/i18n/locales";
import { NON_UK_POSTCODE, normaliseUkPostcode } from "@/lib/gift-aid/postcode";
import { DEDICATION_MAX_LENGTH, GIFT_AID_HOUSE_MAX_LENGTH, NAME_MAX_LENGTH } from "./donation-request-limits";

/**
 * The Stripe PaymentMethod types the donation page takes through the Payment Element (the
 * PaymentIntent is restricted to the one the donor chose: docs/stripe.md#fees-per-payment-method).
 */
export const PAYMENT_ELEMENT_METHOD_TYPES = ["card", "sepa_debit", "ideal", "bancontact", "eps", "p24"] as const;
export type PaymentElementMethodType = (typeof PAYMENT_ELEMENT_METHOD_TYPES)[number];

const POSTCODE_MESSAGE = "Enter a UK postcode, like SW1A 1AA, or tick that you live outside the UK.";

/**
 * A Gift Aid declaration made with the gift (docs/gift-aid.md#declarations): the names and address
 * HMRC's schedule takes, whether it covers future gifts too, and the version of the wording the
 * donor agreed to. The postcode comes out normalised ("SW1A 1AA"), or "X" for a donor outside the UK.
 */
const giftAidSchema = z.pipe(
  z
    .object({
      title: z._default(z.optional(z.string().check(z.trim(), z.maxLength(4, "Use at most 4 characters for your title (like Prof or Rev)."))), ""),
      firstName: z
        .string({ error: "Enter your first name (or initial) for Gift Aid." })
        .check(z.trim(), z.minLength(1, "Enter your first name (or initial) for Gift Aid."), z.maxLength(35, "Use at most 35 characters for your first name.")),
      lastName: z
        .string({ error: "Enter your last name for Gift Aid." })
        .check(z.trim(), z.minLength(1, "Enter your last name for Gift Aid."), z.maxLength(35, "Use at most 35 characters for your last name.")),
      houseNameOrNumber: z
        .string({ error: "Enter your house name or number for Gift Aid." })
        .check(
          z.trim(),
          z.minLength(1, "Enter your house name or number for Gift Aid."),
          z.maxLength(GIFT_AID_HOUSE_MAX_LENGTH, `Use at most ${GIFT_AID_HOUSE_MAX_LENGTH} characters for your house name or number.`),
        ),
      postcode: z._default(z.optional(z.string().check(z.maxLength(16, POSTCODE_MESSAGE))), ""),
      outsideUk: z._default(z.boolean(), false),
      /** The declaration also covers the donor's later gifts (recurring installments included). */
      future: z._default(z.boolean(), false),
      wordingVersion: z.literal(GIFT_AID_WORDING_VERSION, "Reload the page: the Gift Aid declaration has changed since it was loaded."),
    })
    .check(
      z.refine((value) => value.outsideUk || normaliseUkPostcode(value.postcode) !== null, {
        message: POSTCODE_MESSAGE,
        path: ["postcode"],
        // Checked even when another field is wrong, so that every field shows its own error at once.
        when: (payload) => {
          const value = payload.value as { postcode?: unknown; outsideUk?: unknown } | undefined;
          return typeof value?.postcode === "string" && typeof value.outsideUk === "boolean";
        },
      }),
    ),
  z.transform((value) => ({
    ...value,
    title: value.title || null,
    postcode: value.outsideUk ? NON_UK_POSTCODE : (normaliseUkPostcode(value.postcode) ?? NON_UK_POSTCODE),
  })),
);

export type GiftAidRequest = z.infer<typeof giftAidSchema>;

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
  giftAid: z.optional(giftAidSchema),
  /** The language the donor gave in (the page's): receipts and later emails use it. Absent: the organisation's default. */
  locale: z.optional(z.enum(LOCALES, { error: "Choose one of the languages Amply speaks: en, de, fr or nl." })),
});

export type DonationRequest = z.infer<typeof donationRequestSchema>;

/** The Idempotency-Key the page sends: what it retries with, scoped to the organisation. */
export const idempotencyKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "Send an Idempotency-Key header of 8 to 64 letters, digits, - or _."));
