// POST /api/donations with `frequency: "monthly" | "yearly"`: a recurring gift is a subscription on
// the organisation's connected account (docs/stripe.md#recurring-gifts). Its first installment is
// paid like a one-off gift: the page confirms the first invoice's PaymentIntent with the same
// Payment Element. Nothing is stored unless Stripe accepted the subscription; every Stripe call has
// an idempotency key derived from Amply's ids, so a retry of the page reaches the same subscription.
import "server-only";
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { declarationData } from "@/lib/gift-aid/declaration-data";
import { isUniqueViolation } from "@/lib/db/errors";
import type { RecurringInterval } from "@/lib/db/generated/enums.ts";
import { createSubscription } from "@/lib/stripe/create-subscription";
import { donorFacingStripeError } from "@/lib/stripe/errors";
import { invoicePaymentIntentId } from "@/lib/stripe/invoice-payment-intent";
import { retrieveSubscription } from "@/lib/stripe/retrieve-subscription";
import type { CreatedDonation } from "./create-donation";
import type { DonationFrequency, DonationRequest, PaymentElementMethodType } from "./donation-request";
import { findOrCreateDonationProduct } from "./find-or-create-donation-product";
import { findOrCreateDonor } from "./find-or-create-donor";
import { findOrCreateStripeCustomer } from "./find-or-create-stripe-customer";
import type { DonationAmounts } from "./price-donation";
import { fieldError, type DonationTarget } from "./resolve-donation-target";
import type { StripeClock } from "./stripe-clock";

export const INTERVAL_OF: Record<Exclude<DonationFrequency, "once">, RecurringInterval> = { monthly: "month", yearly: "year" };

/**
 * The methods whose first payment can pay for later installments: cards and SEPA Direct Debit are
 * charged again off-session; iDEAL and Bancontact first payments leave a SEPA Direct Debit mandate
 * that the installments debit (so the subscription accepts SEPA Direct Debit after them).
 */
const RECURRING_METHODS: Partial<Record<PaymentElementMethodType, Stripe.SubscriptionCreateParams.PaymentSettings.PaymentMethodType[]>> = {
  card: ["card"],
  sepa_debit: ["sepa_debit"],
  ideal: ["ideal", "sepa_debit"],
  bancontact: ["bancontact", "sepa_debit"],
};
const METHOD_LABELS: Record<PaymentElementMethodType, string> = {
  card: "Card",
  sepa_debit: "SEPA Direct Debit",
  ideal: "iDEAL",
  bancontact: "Bancontact",
  eps: "EPS",
  p24: "Przelewy24",
};

/** Whether this gift can recur at all, asked before anything is priced or created. */
export function checkRecurring(request: DonationRequest, organisation: { name: string; recurringIntervals: RecurringInterval[] }) {
  if (request.frequency === "once") return;
  const interval = INTERVAL_OF[request.frequency];
  if (!organisation.recurringIntervals.includes(interval)) {
    const offered = organisation.recurringIntervals.map((each) => (each === "month" ? "monthly" : "yearly"));
    throw fieldError(
      "frequency",
      offered.length
        ? `${organisation.name} takes ${offered.join(" and ")} gifts, not ${request.frequency} ones. Choose ${offered.join(" or ")}, or give once.`
        : `${organisation.name} takes one-off gifts only. Choose "Once".`,
    );
  }
  if (request.method === "bank_transfer") {
    throw fieldError(
      "frequency",
      `A bank transfer cannot repeat by itself. Give ${request.frequency} by card or SEPA Direct Debit, or give once by bank transfer.`,
    );
  }
  if (!RECURRING_METHODS[request.paymentMethodType]) {
    throw fieldError(
      "paymentMethodType",
      `${METHOD_LABELS[request.paymentMethodType]} cannot be used for ${request.frequency} gifts. Choose card, SEPA Direct Debit, iDEAL or Bancontact, or give once.`,
    );
  }
}

/** The same page retry (same Idempotency-Key) reaches the same gift, hence the same Stripe keys. */
function recurringIdFor(organisationId: string, idempotencyKey: string) {
  return `rec_${createHash("sha256").update(`recurring:${organisationId}:${idempotencyKey}`).digest("base64url").slice(0, 24)}`;
}

type Input = {
  donationId: string;
  idempotencyKey: string;
  request: DonationRequest;
  amounts: DonationAmounts;
  target: DonationTarget;
};

export async function startRecurringDonation(input: Input, context: { clock: StripeClock }): Promise<CreatedDonation> {
  const { request, amounts, target, donationId } = input;
  if (request.frequency === "once") throw new Error("a one-off gift is not recurring");
  const { organisation, stripeAccount } = target;
  const interval = INTERVAL_OF[request.frequency];
  const recurringId = recurringIdFor(organisation.id, input.idempotencyKey);
  const existing = await db.recurringDonation.findUnique({ where: { id: recurringId } });
  if (existing) {
    const same =
      existing.chargedAmount === BigInt(amounts.chargedAmount) &&
      existing.currency === request.currency &&
      existing.interval === interval &&
      existing.paymentMethodType === request.paymentMethodType;
    if (!same || !existing.stripeSubscriptionId) {
      throw new ApiError("conflict", "This recurring gift was already started with other details. Reload the page to start a new one.", {
        reason: "changed_retry",
      });
    }
    return answer(input, await firstPaymentSecret(stripeAccount, existing.stripeSubscriptionId, context.clock));
  }

  const donor = await findOrCreateDonor(organisation.id, request.donor.email, request.donor.name || null);
  const [customer, product] = await Promise.all([
    findOrCreateStripeCustomer(donor, stripeAccount, request.donor.name || null, context.clock),
    findOrCreateDonationProduct(organisation, stripeAccount, context.clock),
  ]);
  const fund = target.fund?.id ?? target.campaign?.fundId ?? null;
  let subscription: Stripe.Subscription;
  try {
    subscription = await context.clock.time(() =>
      createSubscription(
        stripeAccount,
        {
          customer,
          items: [{ price_data: { currency: request.currency.toLowerCase(), product, unit_amount: amounts.chargedAmount, recurring: { interval } } }],
          // The donor confirms the first payment on the page (SCA), as for a one-off gift.
          payment_behavior: "default_incomplete",
          payment_settings: {
            save_default_payment_method: "on_subscription",
            // Only the method whose fee the donor covers (docs/stripe.md#fees-per-payment-method).
            payment_method_types: RECURRING_METHODS[request.paymentMethodType],
          },
          description: `${request.frequency === "monthly" ? "Monthly" : "Yearly"} donation to ${organisation.name}`,
          metadata: {
            recurring_donation_id: recurringId,
            organisation_id: organisation.id,
            donor_id: donor.id,
            gift_amount: String(amounts.amount),
            fee_covered: String(amounts.feeCovered),
            ...(fund ? { fund_id: fund } : {}),
            ...(target.campaign ? { campaign_id: target.campaign.id } : {}),
          },
          expand: ["latest_invoice.confirmation_secret", "latest_invoice.payments"],
        },
        `${recurringId}:subscription`,
      ),
    );
  } catch (error) {
    throw donorFacingStripeError(error, request.currency);
  }
  const invoice = subscription.latest_invoice as Stripe.Invoice;
  const clientSecret = invoice.confirmation_secret?.client_secret;
  if (!clientSecret) throw new Error(`subscription ${subscription.id} has no first payment to confirm`);
  const paymentIntentId = invoicePaymentIntentId(invoice);
  const period = invoice.lines?.data[0]?.period;
  try {
    await db.$transaction(async (tx) => {
      // A Gift Aid declaration covers the first installment, and the later ones when the donor
      // ticked "future gifts" (lib/gift-aid/gift-aid-claim.ts decides what each covers).
      const declaration = request.giftAid
        ? await tx.giftAidDeclaration.create({ data: declarationData(request.giftAid, organisation.id, donor.id), select: { id: true } })
        : null;
      await tx.recurringDonation.create({
        data: {
          id: recurringId,
          organisationId: organisation.id,
          donorId: donor.id,
          fundId: fund,
          campaignId: target.campaign?.id ?? null,
          amount: BigInt(amounts.amount),
          feeCovered: BigInt(amounts.feeCovered),
          chargedAmount: BigInt(amounts.chargedAmount),
          currency: request.currency,
          interval,
          status: subscription.status,
          stripeAccountId: stripeAccount,
          stripeSubscriptionId: subscription.id,
          stripeCustomerId: customer,
          paymentMethodType: request.paymentMethodType,
          idempotencyKey: input.idempotencyKey,
          donorName: request.donor.name || null,
          anonymous: request.anonymous,
          dedication: request.dedication || null,
          locale: request.locale ?? organisation.defaultLocale,
        },
      });
      // The first installment: pending until its invoice is paid, found by its PaymentIntent meanwhile.
      await tx.donation.create({
        data: {
          id: donationId,
          organisationId: organisation.id,
          donorId: donor.id,
          donorName: request.donor.name || null,
          fundId: fund,
          campaignId: target.campaign?.id ?? null,
          recurringDonationId: recurringId,
          amount: BigInt(amounts.amount),
          feeCovered: BigInt(amounts.feeCovered),
          chargedAmount: BigInt(amounts.chargedAmount),
          currency: request.currency,
          paymentMethodType: request.paymentMethodType,
          stripeAccountId: stripeAccount,
          stripePaymentIntentId: paymentIntentId,
          stripeInvoiceId: invoice.id,
          idempotencyKey: input.idempotencyKey,
          anonymous: request.anonymous,
          dedication: request.dedication || null,
          periodStart: period ? new Date(period.start * 1000) : null,
          periodEnd: period ? new Date(period.end * 1000) : null,
          giftAidDeclarationId: declaration?.id ?? null,
          locale: request.locale ?? organisation.defaultLocale,
        },
      });
    });
  } catch (error) {
    // The same request, twice at once: the other one stored it (same ids, same subscription).
    if (!isUniqueViolation(error)) throw error;
  }
  return answer(input, clientSecret);
}

function answer(input: Input, clientSecret: string): CreatedDonation {
  return {
    donationId: input.donationId,
    clientSecret,
    stripeAccount: input.target.stripeAccount,
    amount: input.amounts.amount,
    feeCovered: input.amounts.feeCovered,
    chargedAmount: input.amounts.chargedAmount,
    currency: input.request.currency,
    bankTransfer: null,
    frequency: input.request.frequency,
  };
}

/** A retry of the page confirms the same first payment: its secret, read again from Stripe. */
async function firstPaymentSecret(stripeAccount: string, subscriptionId: string, clock: StripeClock): Promise<string> {
  const subscription = await clock.time(() => retrieveSubscription(stripeAccount, subscriptionId, ["latest_invoice.confirmation_secret"]));
  const secret = (subscription.latest_invoice as Stripe.Invoice | null)?.confirmation_secret?.client_secret;
  if (!secret)
    throw new ApiError("conflict", "This recurring gift has already been paid or has ended. Reload the page to give again.", { reason: "changed_retry" });
  return secret;
}
