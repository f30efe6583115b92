import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { retrievePaymentIntent } from "@/lib/stripe/retrieve-payment-intent";

export type PaymentOutcome =
  | { kind: "unknown" }
  | {
      kind: "succeeded" | "processing" | "failed" | "action_required" | "canceled";
      organisation: { name: string; slug: string; email: string; websiteUrl: string | null };
      /** The campaign given to, if any: the completion page offers to share its page. */
      campaign: { name: string } | null;
      amount: number;
      currency: string;
      message: string | null;
      /** The donation page given on (path and query): to try again, or to share. */
      retryPath: string;
      /** The language the donor gave in. */
      locale: Locale;
    };

function sameSecret(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * What happened to a payment, as Stripe says now (SEPA stays processing for days, a redirect may
 * have failed: docs/stripe.md#delayed-payment-methods). Read-only: only the webhook marks a
 * donation paid. The client secret from the return URL proves the reader is the one who paid.
 */
export async function paymentOutcome(paymentIntentId: string | undefined, clientSecret: string | undefined): Promise<PaymentOutcome> {
  if (!paymentIntentId || !clientSecret) return { kind: "unknown" };
  const donation = await db.donation.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: {
      chargedAmount: true,
      currency: true,
      locale: true,
      stripeAccountId: true,
      fund: { select: { slug: true } },
      campaign: { select: { slug: true, name: true } },
      organisation: { select: { name: true, slug: true, email: true, websiteUrl: true, stripeAccountId: true } },
    },
  });
  // The account it was charged on, which may no longer be the organisation's current one.
  const account = donation?.stripeAccountId ?? donation?.organisation.stripeAccountId;
  if (!donation || !account) return { kind: "unknown" };
  const intent = await retrievePaymentIntent(account, paymentIntentId).catch(() => null);
  if (!intent?.client_secret || !sameSecret(intent.client_secret, clientSecret)) return { kind: "unknown" };
  const query = donation.campaign ? `?campaign=${donation.campaign.slug}` : donation.fund ? `?fund=${donation.fund.slug}` : "";
  const { stripeAccountId: _account, ...organisation } = donation.organisation;
  const base = {
    organisation,
    campaign: donation.campaign ? { name: donation.campaign.name } : null,
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    retryPath: `/give/${donation.organisation.slug}${query}`,
    /** The language the donor gave in: the page speaks it unless the address names another. */
    locale: donation.locale,
  };
  switch (intent.status) {
    case "succeeded":
      return { ...base, kind: "succeeded", message: null };
    case "processing":
      return { ...base, kind: "processing", message: null };
    case "requires_payment_method":
      return { ...base, kind: "failed", message: intent.last_payment_error?.message ?? null };
    case "canceled":
      return { ...base, kind: "canceled", message: null };
    default:
      return { ...base, kind: "action_required", message: null };
  }
}
