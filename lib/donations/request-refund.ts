import "server-only";
import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { log } from "@/lib/logger";
import { formatMoney, parseAmount } from "@/lib/money/amount";
import { MoneyError } from "@/lib/money/currencies";
import { createRefund } from "@/lib/stripe/create-refund";
import { isAccessRevoked } from "@/lib/stripe/errors";
import type { RefundReason } from "./refund-reasons";

/** Dispute statuses during which Stripe refuses a refund: a chargeback, open or decided. */
const CHARGEBACK = ["needs_response", "under_review", "won", "lost"];

const t = dashboardText("donations");

type Locked = {
  id: string;
  organisationId: string;
  paymentStatus: string;
  method: string;
  chargedAmount: bigint;
  refundedAmount: bigint;
  currency: string;
  stripeAccountId: string | null;
  stripeChargeId: string | null;
  stripePaymentIntentId: string | null;
  currentAccountId: string | null;
  donorEmail: string | null;
  held: bigint;
  chargebacks: number;
};

export type RefundRequestInput = {
  organisationId: string;
  donationId: string;
  requestedById: string;
  /** As typed, in the donation's currency ("12.50"); all that is left when empty. */
  amount?: string;
  reason: RefundReason;
  note?: string;
};

/**
 * An admin's refund of a donation (docs/reports.md#refunds-from-the-dashboard). The amount is checked
 * against what is left (charged, minus refunds recorded, minus requests still on their way) with
 * the donation's row locked, and the request is stored before Stripe is called, so two requests at
 * once cannot refund more than was given. Stripe is asked outside the transaction, on the account
 * the donation was charged on, with the request's id as idempotency key; the webhook records the
 * refund itself and links it to the request by its metadata.
 */
export async function requestRefund(input: RefundRequestInput) {
  const request = await db.$transaction(async (tx) => {
    const [donation] = await tx.$queryRaw<Locked[]>`
      SELECT d.id, d."organisationId", d."paymentStatus"::text AS "paymentStatus", d.method::text AS method, d."chargedAmount", d."refundedAmount",
             d.currency, d."stripeAccountId", d."stripeChargeId", d."stripePaymentIntentId", o."stripeAccountId" AS "currentAccountId",
             dn.email AS "donorEmail",
             COALESCE((SELECT SUM(r.amount) FROM "RefundRequest" r WHERE r."donationId" = d.id AND r.status IN ('submitting', 'submitted')), 0)::bigint AS held,
             (SELECT COUNT(*) FROM "Dispute" x WHERE x."donationId" = d.id AND x.status IN (${CHARGEBACK[0]}, ${CHARGEBACK[1]}, ${CHARGEBACK[2]}, ${CHARGEBACK[3]}))::int AS chargebacks
      FROM "Donation" d
      JOIN "Organisation" o ON o.id = d."organisationId"
      LEFT JOIN "Donor" dn ON dn.id = d."donorId"
      WHERE d.id = ${input.donationId} AND d."organisationId" = ${input.organisationId}
      FOR UPDATE OF d`;
    if (!donation) throw new ApiError("not_found", t("refundRefused.noSuchDonation"));
    if (donation.paymentStatus !== "succeeded" || (!donation.stripeChargeId && !donation.stripePaymentIntentId)) {
      throw refused(t("refundRefused.notPaid"), "not_paid");
    }
    if (donation.chargebacks > 0) {
      throw refused(t("refundRefused.disputed"), "charge_disputed");
    }
    if (!donation.stripeAccountId || donation.stripeAccountId !== donation.currentAccountId) {
      throw refused(t("refundRefused.accountDisconnected"), "account_disconnected");
    }
    const left = donation.chargedAmount - donation.refundedAmount - donation.held;
    const amount = input.amount?.trim() ? typedAmount(input.amount, donation.currency) : left;
    if (left <= 0n) throw refused(t("refundRefused.nothingLeft"), "nothing_left");
    if (amount <= 0n) throw new ApiError("validation_failed", t("refundRefused.aboveZero"), { fields: { amount: [t("refundRefused.aboveZero")] } });
    if (amount > left) {
      const message = t("refundRefused.atMost", { left: formatMoney(left, donation.currency) });
      throw new ApiError("validation_failed", message, { fields: { amount: [message] }, reason: "more_than_left" });
    }
    const row = await tx.refundRequest.create({
      data: {
        organisationId: donation.organisationId,
        donationId: donation.id,
        requestedById: input.requestedById,
        amount,
        currency: donation.currency,
        reason: input.reason,
        note: input.note || null,
        stripeAccountId: donation.stripeAccountId,
      },
    });
    return { row, donation };
  });

  const { row, donation } = request;
  const params: Stripe.RefundCreateParams = {
    ...(donation.stripeChargeId ? { charge: donation.stripeChargeId } : { payment_intent: donation.stripePaymentIntentId ?? undefined }),
    amount: Number(row.amount),
    reason: row.reason,
    metadata: { refund_request_id: row.id, donation_id: donation.id, organisation_id: donation.organisationId },
    // A bank transfer is refunded to the donor's bank account, which Stripe asks the donor for.
    ...(donation.method === "bank_transfer" && donation.donorEmail ? { instructions_email: donation.donorEmail } : {}),
  };
  let refund: Stripe.Refund;
  try {
    refund = await createRefund(row.stripeAccountId, params, row.id);
  } catch (error) {
    const answer = stripeRefusal(error);
    if (answer) {
      await db.refundRequest.update({ where: { id: row.id }, data: { status: "refused", failureMessage: answer.message } });
      throw answer;
    }
    // No answer: the refund may exist. The request keeps its amount held and its key; the webhook
    // links it if Stripe made it.
    log.error("Stripe did not answer a refund request", { refundRequestId: row.id, error });
    throw new ApiError("payment_provider_error", t("refundRefused.noAnswer"));
  }
  // The webhook may have recorded the refund already: never step its status back.
  await db.refundRequest.updateMany({
    where: { id: row.id, status: "submitting" },
    data: { status: "submitted", stripeRefundId: refund.id, stripeStatus: refund.status, stripeDestination: refund.destination_details?.type ?? null },
  });
  return { id: row.id, stripeRefundId: refund.id, status: refund.status, destination: refund.destination_details?.type ?? null };
}

function typedAmount(text: string, currency: string): bigint {
  try {
    return BigInt(parseAmount(text, currency));
  } catch (error) {
    if (error instanceof MoneyError) throw new ApiError("validation_failed", error.message, { fields: { amount: [error.message] } });
    throw error;
  }
}

function refused(message: string, reason: string) {
  return new ApiError("conflict", message, { reason });
}

/** Stripe's refusals, in words an admin can act on; null when Stripe did not answer at all. */
function stripeRefusal(error: unknown): ApiError | null {
  if (isAccessRevoked(error)) {
    return refused(t("refundRefused.accessRevoked"), "account_disconnected");
  }
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return null;
  switch (error.code) {
    case "charge_disputed":
      return refused(t("refundRefused.stripeDisputed"), "charge_disputed");
    case "charge_already_refunded":
      return refused(t("refundRefused.stripeRefundedInFull"), "nothing_left");
    case "amount_too_large":
      return new ApiError("validation_failed", t("refundRefused.stripeTooMuch"), {
        fields: { amount: [t("refundRefused.stripeTooMuch")] },
        reason: "more_than_left",
      });
    default:
      log.error("Stripe refused a refund", { type: error.type, code: error.code ?? null, message: error.message });
      return refused(t("refundRefused.stripeRefused", { reason: error.message }), "stripe_refused");
  }
}
