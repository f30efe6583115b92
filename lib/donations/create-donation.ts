// POST /api/donations, as logic: a pending donation and its PaymentIntent, a direct charge on the
// organisation's own Stripe account (ERRATA 6-9, 11a, 23). Nothing is written unless the whole
// request is valid and Stripe accepted the PaymentIntent.
import "server-only";
import { createHash } from "node:crypto";
import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { log } from "@/lib/logger";
import { getCurrency, MoneyError } from "@/lib/money/currencies";
import { donationCharge, feeRateFor } from "@/lib/money/fees";
import { assertChargeable } from "@/lib/money/limits";
import { hit } from "@/lib/rate-limit/rate-limit";
import { stripe } from "@/lib/stripe/client";
import { BANK_TRANSFER_CURRENCIES, bankTransferEmail, bankTransferInstructions, bankTransferOptions, type BankTransferInstructions } from "./bank-transfer";
import type { DonationRequest } from "./donation-request";
import { statementDescriptorSuffix } from "./statement-descriptor";
import { turnstileEnabled, verifyTurnstile } from "./turnstile";

/** Card-testing protection: donation attempts per address and per organisation. */
export const LIMITS = {
  perIp: { max: 10, windowSeconds: 10 * 60 },
  perOrganisation: { max: 600, windowSeconds: 10 * 60 },
};

export type CreatedDonation = {
  donationId: string;
  clientSecret: string;
  stripeAccount: string;
  amount: number;
  feeCovered: number;
  chargedAmount: number;
  currency: string;
  bankTransfer: BankTransferInstructions | null;
};

/** Time spent waiting on Stripe, so the route can report Amply's own time (Server-Timing). */
export class StripeClock {
  waitedMs = 0;
  async time<T>(call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.waitedMs += performance.now() - started;
    }
  }
}

const field = (name: string, message: string, code: "validation_failed" | "not_found" = "validation_failed") => new ApiError(code, message, { fields: { [name]: [message] } });

/** The same page retry (same Idempotency-Key) gets the same donation id, hence the same Stripe key. */
function donationIdFor(organisationId: string, idempotencyKey: string) {
  return `don_${createHash("sha256").update(`${organisationId}:${idempotencyKey}`).digest("base64url").slice(0, 24)}`;
}

export async function createDonation(request: DonationRequest, idempotencyKey: string, context: { ip: string | null; clock: StripeClock }): Promise<CreatedDonation> {
  const organisation = await db.organisation.findUnique({
    where: { slug: request.organisation },
    include: { feeRates: true },
  });
  if (!organisation) throw field("organisation", "This organisation does not exist. Check the address of the donation page.", "not_found");
  if (!organisation.stripeAccountId || !organisation.stripeChargesEnabled) {
    throw new ApiError("conflict", `${organisation.name} cannot take donations right now. Please try again later, or contact them at ${organisation.email}.`);
  }
  const stripeAccount = organisation.stripeAccountId;

  const [fund, campaign] = await Promise.all([
    request.fund ? db.fund.findUnique({ where: { organisationId_slug: { organisationId: organisation.id, slug: request.fund } } }) : null,
    request.campaign ? db.campaign.findUnique({ where: { organisationId_slug: { organisationId: organisation.id, slug: request.campaign } } }) : null,
  ]);
  if (request.fund && !fund?.active) throw field("fund", "That fund does not exist (any more). Choose another, or give to the organisation's general work.");
  if (request.campaign && !campaign?.active) throw field("campaign", "That campaign does not exist (any more).");

  if (!organisation.acceptedCurrencies.includes(request.currency)) {
    throw field("currency", `${organisation.name} does not take donations in ${request.currency}. Choose ${organisation.acceptedCurrencies.join(", ")}.`);
  }
  let amounts: ReturnType<typeof donationCharge>;
  try {
    getCurrency(request.currency);
    assertChargeable(request.amount, request.currency);
    amounts = request.coverFee ? donationCharge(request.amount, feeRateFor(organisation.feeRates, request.currency), true) : donationCharge(request.amount, { currency: request.currency, percentBps: 0, fixedMinor: 0 }, false);
  } catch (error) {
    if (error instanceof MoneyError) throw field(error.code === "no_fee_rate" ? "coverFee" : error.code === "unsupported_currency" ? "currency" : "amount", error.message);
    throw error;
  }
  if (request.method === "bank_transfer" && !bankTransferOptions(request.currency, organisation.country)) {
    throw field("method", `Bank transfers are possible in ${new Intl.ListFormat("en-GB").format(BANK_TRANSFER_CURRENCIES)}. Choose one of those, or pay another way.`);
  }

  const donationId = donationIdFor(organisation.id, idempotencyKey);
  const existing = await db.donation.findUnique({ where: { id: donationId }, include: { donor: true } });
  if (existing) return replay(existing, request, amounts.chargedAmount, stripeAccount, context.clock);

  // New attempts only: a page retrying its own request is not counted again.
  const limited = await hit([
    ...(context.ip ? [{ key: `donations:ip:${context.ip}`, ...LIMITS.perIp }] : []),
    { key: `donations:org:${organisation.id}`, ...LIMITS.perOrganisation },
  ]);
  if (!limited.allowed) {
    const minutes = Math.ceil(limited.retryAfterSeconds / 60);
    throw new ApiError("rate_limited", `Too many donation attempts in a short time. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`, {
      headers: { "Retry-After": String(limited.retryAfterSeconds) },
    });
  }
  if (turnstileEnabled() && !(await verifyTurnstile(request.turnstileToken, context.ip))) {
    throw new ApiError("forbidden", "We could not confirm that this donation comes from a person. Please reload the page and try again.");
  }

  const donor = await db.donor.upsert({
    where: { organisationId_email: { organisationId: organisation.id, email: request.donor.email } },
    create: { organisationId: organisation.id, email: request.donor.email, name: request.donor.name || null },
    update: request.donor.name ? { name: request.donor.name } : {},
  });
  const metadata: Record<string, string> = {
    donation_id: donationId,
    organisation_id: organisation.id,
    donor_id: donor.id,
    cover_fees: String(request.coverFee),
    ...(fund ? { fund_id: fund.id } : {}),
    ...(campaign ? { campaign_id: campaign.id } : {}),
  };

  let intent: Stripe.PaymentIntent;
  try {
    if (request.method === "bank_transfer") {
      let customerId = donor.stripeCustomerId;
      if (!customerId) {
        const customer = await context.clock.time(() =>
          stripe().customers.create({ email: donor.email, name: donor.name ?? undefined, metadata: { donor_id: donor.id } }, { stripeAccount, idempotencyKey: `${donor.id}:customer` }),
        );
        customerId = customer.id;
        await db.donor.update({ where: { id: donor.id }, data: { stripeCustomerId: customerId } });
      }
      intent = await context.clock.time(() =>
        stripe().paymentIntents.create(
          {
            amount: amounts.chargedAmount,
            currency: request.currency.toLowerCase(),
            customer: customerId,
            // One method forced: allowed_payment_method_types, never with automatic ones (ERRATA 6, 23).
            allowed_payment_method_types: ["customer_balance"],
            payment_method_data: { type: "customer_balance" },
            payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: bankTransferOptions(request.currency, organisation.country) ?? undefined } },
            confirm: true,
            description: `Donation to ${organisation.name}`,
            metadata,
          },
          { stripeAccount, idempotencyKey: `${donationId}:intent` },
        ),
      );
    } else {
      intent = await context.clock.time(() =>
        stripe().paymentIntents.create(
          {
            amount: amounts.chargedAmount,
            currency: request.currency.toLowerCase(),
            // The methods shown follow the organisation's Stripe settings, the currency and the donor.
            automatic_payment_methods: { enabled: true },
            description: `Donation to ${organisation.name}`,
            statement_descriptor_suffix: statementDescriptorSuffix(organisation.name),
            // No receipt_email: Amply sends the one receipt (ERRATA 11a).
            metadata,
          },
          { stripeAccount, idempotencyKey: `${donationId}:intent` },
        ),
      );
    }
  } catch (error) {
    throw stripeFailure(error, request.currency);
  }

  const bankTransfer = request.method === "bank_transfer" ? bankTransferInstructions(intent) : null;
  try {
    await db.$transaction(async (tx) => {
      await tx.donation.create({
        data: {
          id: donationId,
          organisationId: organisation.id,
          donorId: donor.id,
          fundId: fund?.id ?? campaign?.fundId ?? null,
          campaignId: campaign?.id ?? null,
          amount: BigInt(amounts.amount),
          feeCovered: BigInt(amounts.feeCovered),
          chargedAmount: BigInt(amounts.chargedAmount),
          currency: request.currency,
          method: request.method,
          paymentMethodType: request.method === "bank_transfer" ? "customer_balance" : null,
          stripePaymentIntentId: intent.id,
          idempotencyKey,
          anonymous: request.anonymous,
          dedication: request.dedication || null,
          bankTransfer: bankTransfer ? (bankTransfer as unknown as Prisma.InputJsonValue) : undefined,
        },
      });
      if (bankTransfer) await enqueueEmail(tx, { ...bankTransferEmail(organisation.name, donor.name, bankTransfer), to: donor.email, kind: "bank_transfer_instructions", dedupeKey: `bank-transfer:${donationId}` });
    });
  } catch (error) {
    // The same request, twice at once: the other one stored it (same id, same PaymentIntent).
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return {
    donationId,
    clientSecret: String(intent.client_secret),
    stripeAccount,
    amount: amounts.amount,
    feeCovered: amounts.feeCovered,
    chargedAmount: amounts.chargedAmount,
    currency: request.currency,
    bankTransfer,
  };
}

async function replay(
  existing: { id: string; amount: bigint; chargedAmount: bigint; feeCovered: bigint; currency: string; method: string; stripePaymentIntentId: string | null; donor: { email: string } | null; bankTransfer: Prisma.JsonValue },
  request: DonationRequest,
  chargedAmount: number,
  stripeAccount: string,
  clock: StripeClock,
): Promise<CreatedDonation> {
  const same =
    existing.amount === BigInt(request.amount) &&
    existing.chargedAmount === BigInt(chargedAmount) &&
    existing.currency === request.currency &&
    existing.method === request.method &&
    existing.donor?.email === request.donor.email;
  if (!same || !existing.stripePaymentIntentId) {
    throw new ApiError("conflict", "This donation was already started with other details. Reload the page to start again.");
  }
  const intentId = existing.stripePaymentIntentId;
  const intent = await clock.time(() => stripe().paymentIntents.retrieve(intentId, undefined, { stripeAccount })).catch((error: unknown) => {
    throw stripeFailure(error, request.currency);
  });
  return {
    donationId: existing.id,
    clientSecret: String(intent.client_secret),
    stripeAccount,
    amount: Number(existing.amount),
    feeCovered: Number(existing.feeCovered),
    chargedAmount: Number(existing.chargedAmount),
    currency: existing.currency,
    bankTransfer: (existing.bankTransfer ?? null) as BankTransferInstructions | null,
  };
}

function stripeFailure(error: unknown, currency: string): ApiError {
  if (error instanceof Stripe.errors.StripeError) {
    if (error.code === "amount_too_small") {
      // Stripe's minimum also applies after conversion to the account's currency (ERRATA 2).
      return field("amount", `This amount is below the smallest payment Stripe can take in ${currency} for this organisation. Please give a little more.`);
    }
    if (error.code === "amount_too_large") return field("amount", `This amount is above the largest payment Stripe can take in ${currency}.`);
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      return new ApiError("conflict", "This donation was already started with other details. Reload the page to start again.");
    }
    log.error("Stripe refused a PaymentIntent", { type: error.type, code: error.code ?? null, message: error.message });
  } else {
    log.error("Stripe call failed", { error });
  }
  return new ApiError("payment_provider_error", "Our payment provider did not answer. Nothing was charged; please try again in a moment.");
}
