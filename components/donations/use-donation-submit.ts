"use client";

import { useElements, useStripe } from "@stripe/react-stripe-js";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { isFramed, useEmbedContext } from "@/components/embed/embedded-page";
import type * as z from "zod/mini";
import type { BankTransferInstructions } from "@/lib/donations/bank-transfer";
import type { DonationFieldErrors } from "@/lib/donations/donation-field-errors";
import type { DonationFrequency, donationRequestSchema, PaymentElementMethodType } from "@/lib/donations/donation-request";
import { GIFT_AID_WORDING_VERSION } from "@/lib/gift-aid/declaration-wording";
import type { Locale } from "@/lib/i18n/locales";
import type { FeeRate } from "@/lib/money/fees";
import { saveDonationDraft } from "./donation-draft";
import type { DonationFigures } from "./donation-figures";
import type { DonorDetails } from "./donor-fieldset";
import type { GiftAidDetails } from "./gift-aid-fieldset";
import { useAmountError, useFieldMessages } from "./use-field-messages";

export type PaymentMethodChoice = "payment_element" | "bank_transfer";

/** The Payment Element's type as a PaymentMethod type: wallets pay with a card, and at the card's fee. */
export function paymentMethodTypeOf(elementType: string): string {
  return elementType === "apple_pay" || elementType === "google_pay" ? "card" : elementType;
}

/**
 * The methods that finish on the page itself (3-D Secure is a frame of Stripe's own, wallets a
 * sheet). Every other one leaves for the bank's page, which refuses to be framed: inside another
 * site's frame the donor continues at the top level (docs/embedding.md#banks-inside-a-frame).
 */
const FINISHES_IN_PAGE = new Set(["card", "apple_pay", "google_pay", "link", "sepa_debit", "bacs_debit", "au_becs_debit", "us_bank_account"]);

// The check with the server's schema (and zod with it) loads after the page, not with it: the page
// asks for it once it is up, and a submit waits for it if it has not arrived yet.
const loadRequestCheck = () => import("@/lib/donations/donation-field-errors");

type Created = { donationId: string; clientSecret: string; chargedAmount: number; bankTransfer: BankTransferInstructions | null };

export type DonationSubmitInput = {
  /** The page's language: sent with the donation (its receipts speak it) and kept on the way back. */
  locale: Locale;
  organisationSlug: string;
  fixedCampaign: string | null;
  fund: string;
  currency: string;
  coverFee: boolean;
  /** Once, or the interval of a recurring gift (always paid through the Payment Element). */
  frequency: DonationFrequency;
  /** The amount as the donor typed it, kept for a retry after a redirect. */
  amountText: string;
  figures: DonationFigures;
  method: PaymentMethodChoice;
  /** The type chosen in the Payment Element: the PaymentIntent takes only this one. */
  paymentMethodType: string;
  onPaymentMethodTypeChange: (type: string) => void;
  /** The organisation's rates changed since the page loaded: quote with these from now on. */
  onRatesChanged: (currency: string, rates: FeeRate[]) => void;
  donor: DonorDetails;
  /** The Gift Aid fields, when the page offers Gift Aid for this gift (null otherwise). */
  giftAid: GiftAidDetails | null;
  /** The method chosen in the Payment Element needs the donor's name (SEPA Direct Debit). */
  nameRequired: boolean;
  turnstileToken: string;
};

/**
 * Submitting the donation page: check the request with the server's schema, let the Payment
 * Element check its fields, create the donation (POST /api/donations), then confirm the payment
 * with Stripe.js, or hand back the bank-transfer instructions to show.
 */
export function useDonationSubmit(input: DonationSubmitInput) {
  const stripe = useStripe();
  const elements = useElements();
  const [errors, setErrors] = useState<DonationFieldErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [transfer, setTransfer] = useState<BankTransferInstructions | null>(null);
  const attemptKeys = useRef<Record<string, string>>({});
  const [handoff, setHandoff] = useState<string | null>(null);
  const embed = useEmbedContext();
  const t = useTranslations("give");
  const translateFields = useFieldMessages(input.currency);
  const amountError = useAmountError(input.currency);
  const words: LocalWords = {
    fields: translateFields,
    amount: amountError,
    sepaName: t("errors.sepaName"),
    highlighted: t("errors.highlighted"),
  };
  // After the page's own check found problems, the errors follow the fields as the donor fixes
  // them (and the summary goes once none are left) instead of staying until the next submit.
  const [checking, setChecking] = useState(false);
  const [loadedCheck, setLoadedCheck] = useState<RequestCheck | null>(null);
  const shownErrors = checking && loadedCheck ? (localErrors(loadedCheck, input, words) ?? {}) : errors;

  useEffect(() => {
    loadRequestCheck().catch(() => undefined);
  }, []);

  /**
   * One Idempotency-Key for the page: every submit after the first (after a decline, with another
   * card, a new amount or edited details) is the same donation, which takes what the donor changed.
   * A recurring gift's subscription cannot take such changes: a gift with another frequency, total
   * or method is a new one, with its own key (the same details again reach the same subscription).
   */
  function idempotencyKey() {
    const gift =
      input.frequency === "once"
        ? "once"
        : [input.frequency, input.currency, input.figures.ok ? input.figures.chargedAmount : 0, input.paymentMethodType].join("|");
    return (attemptKeys.current[gift] ??= crypto.randomUUID());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { method } = input;
    const body = requestBody(input);
    const { name, email } = body.donor;
    let check: Awaited<ReturnType<typeof loadRequestCheck>>;
    try {
      check = await loadRequestCheck();
    } catch {
      setErrors({ form: t("errors.unreachable") });
      return;
    }
    setLoadedCheck(check);
    const local = localErrors(check, input, words);
    setChecking(Boolean(local));
    if (local) {
      setErrors(local);
      return;
    }
    setErrors({});
    setHandoff(null);

    if (method === "payment_element" && isFramed() && !FINISHES_IN_PAGE.has(input.paymentMethodType)) {
      // This page at Amply's own address, without the frame's marker: the way back stays on it.
      const topLevel = new URL(window.location.href);
      topLevel.searchParams.delete("embed");
      setHandoff(topLevel.href);
      setErrors({ form: t("errors.framed") });
      return;
    }

    if (method === "payment_element") {
      if (!stripe || !elements) {
        setErrors({ form: t("errors.loading") });
        return;
      }
      setBusy(t("submit.checking"));
      const submitted = await elements.submit();
      if (submitted.error) {
        setBusy(null);
        setErrors({ form: submitted.error.message ?? t("errors.checkPayment") });
        return;
      }
      // The method the Payment Element will pay with, whatever its change events said: the total
      // shown must be the one for it (its first tab need not be the card).
      const selected = submitted.selectedPaymentMethod ? paymentMethodTypeOf(submitted.selectedPaymentMethod) : input.paymentMethodType;
      if (selected !== input.paymentMethodType) {
        input.onPaymentMethodTypeChange(selected);
        setBusy(null);
        setErrors({ form: t("errors.feeDepends") });
        return;
      }
    }

    setBusy(t("submit.starting"));
    const key = idempotencyKey();
    let created: Created;
    try {
      const response = await fetch("/api/donations", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Created & {
        error?: { message: string; reason?: string; fields?: Record<string, string[]>; data?: { feeRates?: FeeRate[] } };
      };
      if (!response.ok) {
        setChecking(false);
        // The page now shows the total the server computed; the donor confirms it by giving again.
        if (json.error?.reason === "total_changed" && json.error.data?.feeRates) input.onRatesChanged(input.currency, json.error.data.feeRates);
        // The server words its refusals in the language the page sent (the ones a donor can meet on it).
        setErrors({ ...check.donationFieldErrors(json.error?.fields ?? {}), form: json.error?.message ?? t("errors.generic") });
        setBusy(null);
        return;
      }
      created = json;
    } catch {
      setErrors({ form: t("errors.unreachable") });
      setBusy(null);
      return;
    }

    if (created.bankTransfer) {
      setTransfer(created.bankTransfer);
      setBusy(null);
      return;
    }
    if (!stripe || !elements) return;
    setBusy(t("submit.confirming"));
    // Some methods (iDEAL) leave for the bank's page: if the bank refuses, the retry starts from this.
    saveDonationDraft(input.organisationSlug, {
      currency: input.currency,
      amountText: input.amountText,
      coverFee: input.coverFee,
      fund: input.fund,
      donor: input.donor,
      ...(input.giftAid ? { giftAid: input.giftAid } : {}),
      frequency: input.frequency,
    });
    // The organisation in the address lets its own site frame this page too; the embedding's
    // markers bring the donor back to that site.
    const complete = new URL("/donation/complete", window.location.origin);
    complete.searchParams.set("organisation", input.organisationSlug);
    // A language the donor (or the link) chose in the address stays chosen on the completion page,
    // after a bank's page too; otherwise that page speaks the language stored with the donation.
    if (new URL(window.location.href).searchParams.has("lang")) complete.searchParams.set("lang", input.locale);
    if (embed?.parentOrigin && isFramed()) complete.searchParams.set("embed", embed.parentOrigin);
    if (embed?.returnTo) complete.searchParams.set("return_to", embed.returnTo);
    const returnUrl = complete.href;
    const result = await stripe.confirmPayment({
      elements,
      clientSecret: created.clientSecret,
      confirmParams: { return_url: returnUrl, payment_method_data: { billing_details: { name: name || undefined, email } } },
      redirect: "if_required",
    });
    if (result.error) {
      setErrors({ form: result.error.message ?? t("errors.notThrough") });
      setBusy(null);
      return;
    }
    const done = new URL(returnUrl);
    done.searchParams.set("payment_intent", result.paymentIntent.id);
    done.searchParams.set("payment_intent_client_secret", created.clientSecret);
    done.searchParams.set("redirect_status", "succeeded");
    window.location.assign(done.toString());
  }

  return { submit, errors: shownErrors, busy, transfer, handoff };
}

type RequestCheck = Awaited<ReturnType<typeof loadRequestCheck>>;

/** What the page would send for what the donor has entered. */
function requestBody(input: DonationSubmitInput): z.input<typeof donationRequestSchema> {
  const { figures, donor, giftAid } = input;
  const dedication = donor.dedication.trim();
  return {
    organisation: input.organisationSlug,
    ...(input.fixedCampaign ? { campaign: input.fixedCampaign } : {}),
    ...(input.fund && !input.fixedCampaign ? { fund: input.fund } : {}),
    // An amount the page cannot read is reported with the money parser's own message below.
    amount: figures.ok ? figures.amount : 0,
    currency: input.currency,
    coverFee: input.coverFee && figures.canCoverFee,
    method: input.method,
    frequency: input.frequency,
    ...(input.method === "payment_element" ? { paymentMethodType: input.paymentMethodType as PaymentElementMethodType } : {}),
    // What the button said: the server charges this total or refuses.
    expectedTotal: figures.ok ? figures.chargedAmount : 0,
    donor: { name: donor.name.trim(), email: donor.email.trim() },
    anonymous: donor.anonymous,
    ...(dedication ? { dedication } : {}),
    ...(input.turnstileToken ? { turnstileToken: input.turnstileToken } : {}),
    locale: input.locale,
    // The declaration the donor ticked, in the wording version the page showed them.
    ...(giftAid?.declared
      ? {
          giftAid: {
            title: giftAid.title,
            firstName: giftAid.firstName,
            lastName: giftAid.lastName,
            houseNameOrNumber: giftAid.houseNameOrNumber,
            postcode: giftAid.outsideUk ? "" : giftAid.postcode,
            outsideUk: giftAid.outsideUk,
            future: giftAid.future,
            wordingVersion: GIFT_AID_WORDING_VERSION,
          },
        }
      : {}),
  };
}

/** The words the page's own check uses, in the page's language. */
type LocalWords = {
  fields: (errors: DonationFieldErrors) => DonationFieldErrors;
  amount: (figures: { error: string; code?: string }) => string;
  sepaName: string;
  highlighted: string;
};

/** The field errors the page finds itself, with the summary, or null when there are none. */
function localErrors(check: RequestCheck, input: DonationSubmitInput, words: LocalWords): DonationFieldErrors | null {
  const local = words.fields(check.checkDonationRequest(requestBody(input)));
  if (!input.figures.ok) local.amount = words.amount(input.figures);
  if (input.nameRequired && !input.donor.name.trim() && !local.name) local.name = words.sepaName;
  return Object.keys(local).length ? { ...local, form: words.highlighted } : null;
}
