"use client";

import { Elements } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type Dispatch, type SetStateAction } from "react";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money/amount";
import { getCurrency } from "@/lib/money/currencies";
import type { DonationFrequency } from "@/lib/donations/donation-request";
import { feeFamilyForMethod, type FeeRate } from "@/lib/money/fees";
import { BankTransferPanel } from "./bank-transfer-panel";
import { readDonationDraft, type DonationDraft } from "./donation-draft";
import { amountInputText, donationFigures, presetsFor, type DonationFigures } from "./donation-figures";
import { DonorFieldset, type DonorDetails } from "./donor-fieldset";
import { GiftAidFieldset, NO_GIFT_AID, type GiftAidDetails } from "./gift-aid-fieldset";
import { GiftFieldset } from "./gift-fieldset";
import { loadStripeFor } from "./load-stripe";
import { PaymentFieldset } from "./payment-fieldset";
import { TurnstileWidget } from "./turnstile-widget";
import { useDonationSubmit, type PaymentMethodChoice } from "./use-donation-submit";

export type DonationFormProps = {
  /** The page's language: the form's words, its amounts, the Payment Element's, and the donation's (receipts). */
  locale: Locale;
  organisation: {
    slug: string;
    name: string;
    defaultCurrency: string;
    acceptedCurrencies: string[];
    feeRates: FeeRate[];
    /** The currencies the connected Stripe account can receive bank transfers in (none: no transfers offered). */
    bankTransferCurrencies: string[];
    /** A UK organisation: gifts in pounds can be Gift Aided (docs/gift-aid.md#declarations). */
    giftAid: boolean;
    /** The intervals the organisation offers recurring gifts in (none: one-off gifts only). */
    recurringIntervals: Array<"month" | "year">;
  };
  /** A fund or campaign chosen by the page's address; otherwise the donor may pick a fund. */
  fixedFund: string | null;
  fixedCampaign: string | null;
  funds: Array<{ slug: string; name: string }>;
  /** A campaign's own suggested amounts per currency (minor units), instead of the defaults. */
  suggestedAmounts?: Record<string, number[]>;
  stripe: { publishableKey: string; scriptUrl: string; account: string };
  /** Cloudflare Turnstile's site key, when the operator turned the bot check on. */
  turnstileSiteKey?: string;
  /** An amount in the default currency chosen by the page's address (an embed's `data-amount`), as the language writes it. */
  initialAmountText?: string;
  /** A frequency chosen by the page's address (an embed's `data-frequency`); used only if the page offers it. */
  initialFrequency?: string;
};

/** The frequencies the page offers: once, and the intervals the organisation chose. */
function frequenciesOffered(intervals: Array<"month" | "year">): DonationFrequency[] {
  return ["once", ...(intervals.includes("month") ? (["monthly"] as const) : []), ...(intervals.includes("year") ? (["yearly"] as const) : [])];
}

/** The frequency the address asked for, when the page offers it. */
function chosenFrequency(asked: string | undefined, intervals: Array<"month" | "year">): DonationFrequency | undefined {
  return frequenciesOffered(intervals).find((offered) => offered === asked);
}

const defaultAmountText = (currency: string, intl: string, own?: Record<string, number[]>) => {
  const presets = presetsFor(currency, own);
  return amountInputText(presets[1] ?? presets[0] ?? 0, currency, intl);
};

export function DonationForm(props: DonationFormProps) {
  // Loaded in the browser only; on the server the form renders without the payment fields.
  const [stripePromise] = useState<Promise<Stripe | null> | null>(() =>
    typeof window === "undefined" ? null : loadStripeFor(props.stripe.scriptUrl, props.stripe.publishableKey, props.stripe.account),
  );
  // Back from a payment the bank refused: the form as the donor left it. The server cannot see
  // this tab's storage, so the page hydrates without the draft and then starts over with it.
  const draft = usePageLoadDraft(props.organisation.slug);
  const usable = draft && props.organisation.acceptedCurrencies.includes(draft.currency) ? draft : null;
  return <DonationFormWithValues key={usable ? "draft" : "fresh"} {...props} stripePromise={stripePromise} draft={usable} />;
}

const noSubscription = () => () => undefined;
const draftsAtPageLoad = new Map<string, DonationDraft | null>();

/** The draft as it was when the page loaded (saving a new one while paying must not reset the form). */
function usePageLoadDraft(slug: string): DonationDraft | null {
  return useSyncExternalStore(
    noSubscription,
    () => {
      if (!draftsAtPageLoad.has(slug)) draftsAtPageLoad.set(slug, readDonationDraft(slug));
      return draftsAtPageLoad.get(slug) ?? null;
    },
    () => null,
  );
}

function DonationFormWithValues({
  stripePromise,
  draft,
  ...props
}: DonationFormProps & { stripePromise: Promise<Stripe | null> | null; draft: DonationDraft | null }) {
  const intl = intlLocale(props.locale);
  const [loadFailed, setLoadFailed] = useState(false);
  const [currency, setCurrency] = useState(draft?.currency ?? props.organisation.defaultCurrency);
  const [amountText, setAmountText] = useState(
    () => draft?.amountText ?? props.initialAmountText ?? defaultAmountText(props.organisation.defaultCurrency, intl, props.suggestedAmounts),
  );
  const [coverFee, setCoverFee] = useState(draft?.coverFee ?? false);
  const [donor, setDonor] = useState<DonorDetails>(draft?.donor ?? { name: "", email: "", anonymous: false, dedication: "" });
  const [fund, setFund] = useState(props.fixedFund ?? draft?.fund ?? "");
  const [giftAid, setGiftAid] = useState<GiftAidDetails>(draft?.giftAid ?? NO_GIFT_AID);
  // The rates the page quotes with; replaced by the organisation's new ones if the server says they changed.
  const [feeRates, setFeeRates] = useState<readonly FeeRate[]>(props.organisation.feeRates);
  const [method, setMethod] = useState<PaymentMethodChoice>("payment_element");
  // Monthly first where the organisation offers it: most donors who give again give monthly.
  const [frequency, setFrequency] = useState<DonationFrequency>(
    () =>
      draft?.frequency ??
      chosenFrequency(props.initialFrequency, props.organisation.recurringIntervals) ??
      (props.organisation.recurringIntervals.includes("month") ? "monthly" : "once"),
  );
  // The type chosen in the Payment Element (its first tab is the card): its fee is the one covered.
  const [paymentMethodType, setPaymentMethodType] = useState("card");
  // A bank transfer does not repeat by itself: recurring gifts go through the Payment Element.
  const effectiveMethod: PaymentMethodChoice =
    frequency === "once" && props.organisation.bankTransferCurrencies.includes(currency) ? method : "payment_element";

  useEffect(() => {
    stripePromise?.then(
      (stripe) => setLoadFailed(!stripe),
      () => setLoadFailed(true),
    );
  }, [stripePromise]);

  const figures = donationFigures(amountText, currency, coverFee, feeRates, feeFamilyForMethod(effectiveMethod, paymentMethodType), intl);
  // Elements follows the amount and currency before any PaymentIntent exists (deferred intent).
  const elementsAmount = figures.ok ? figures.chargedAmount : (getCurrency(currency).minimumCharge ?? 100);

  return (
    <Elements
      stripe={stripePromise}
      options={{
        // A recurring gift's first payment saves the method for the installments.
        mode: frequency === "once" ? "payment" : "subscription",
        amount: elementsAmount,
        currency: currency.toLowerCase(),
        appearance: { theme: "stripe", variables: { colorPrimary: "#0f766e" } },
        // The Payment Element speaks the page's language (Stripe.js takes "de", "fr", "nl", "en").
        locale: props.locale,
      }}
    >
      <DonationFields
        {...props}
        currency={currency}
        setCurrency={(next) => {
          setCurrency(next);
          setAmountText(defaultAmountText(next, intl, props.suggestedAmounts));
        }}
        amountText={amountText}
        setAmountText={setAmountText}
        coverFee={coverFee}
        setCoverFee={setCoverFee}
        frequency={frequency}
        setFrequency={setFrequency}
        donor={donor}
        setDonor={setDonor}
        fund={fund}
        setFund={setFund}
        giftAid={giftAid}
        setGiftAid={setGiftAid}
        figures={figures}
        method={effectiveMethod}
        setMethod={setMethod}
        paymentMethodType={paymentMethodType}
        setPaymentMethodType={setPaymentMethodType}
        onRatesChanged={(currencyCode, rates) => setFeeRates((current) => [...current.filter((rate) => rate.currency !== currencyCode), ...rates])}
        paymentsUnavailable={loadFailed}
      />
    </Elements>
  );
}

type FieldsProps = DonationFormProps & {
  currency: string;
  setCurrency: (currency: string) => void;
  amountText: string;
  setAmountText: (text: string) => void;
  coverFee: boolean;
  setCoverFee: (cover: boolean) => void;
  frequency: DonationFrequency;
  setFrequency: (frequency: DonationFrequency) => void;
  figures: DonationFigures;
  method: PaymentMethodChoice;
  setMethod: (method: PaymentMethodChoice) => void;
  paymentMethodType: string;
  setPaymentMethodType: (type: string) => void;
  onRatesChanged: (currency: string, rates: FeeRate[]) => void;
  paymentsUnavailable: boolean;
  donor: DonorDetails;
  setDonor: Dispatch<SetStateAction<DonorDetails>>;
  fund: string;
  setFund: (fund: string) => void;
  giftAid: GiftAidDetails;
  setGiftAid: Dispatch<SetStateAction<GiftAidDetails>>;
};

/** The form inside Stripe's Elements, so that submitting can reach the Payment Element. */
function DonationFields(props: FieldsProps) {
  const { organisation, currency, figures } = props;
  const t = useTranslations("give");
  const intl = intlLocale(props.locale);
  const id = useId();
  const { donor, setDonor, fund, setFund, method: effectiveMethod } = props;
  const [turnstileToken, setTurnstileToken] = useState("");
  const transferPossible = props.frequency === "once" && organisation.bankTransferCurrencies.includes(currency);
  const giftAidOffered = organisation.giftAid && currency === "GBP";
  // A SEPA Direct Debit mandate names the account holder: the otherwise optional name is needed.
  const nameRequired = effectiveMethod === "payment_element" && props.paymentMethodType === "sepa_debit";
  const { submit, errors, busy, transfer, handoff } = useDonationSubmit({
    locale: props.locale,
    organisationSlug: organisation.slug,
    fixedCampaign: props.fixedCampaign,
    fund,
    currency,
    coverFee: props.coverFee,
    frequency: props.frequency,
    amountText: props.amountText,
    figures,
    method: effectiveMethod,
    paymentMethodType: props.paymentMethodType,
    onPaymentMethodTypeChange: props.setPaymentMethodType,
    onRatesChanged: props.onRatesChanged,
    donor,
    giftAid: giftAidOffered ? props.giftAid : null,
    nameRequired,
    turnstileToken,
  });
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.form) errorRef.current?.focus();
  }, [errors.form]);

  if (transfer) return <BankTransferPanel instructions={transfer} organisationName={organisation.name} email={donor.email} />;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-6" aria-busy={busy ? true : undefined}>
      {errors.form ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200"
          data-testid="form-error"
        >
          {errors.form}
          {handoff ? (
            <a href={handoff} target="_top" className="mt-2 block font-semibold underline" data-testid="continue-top-level">
              {t("submit.continueTopLevel")}
            </a>
          ) : null}
        </div>
      ) : null}

      <GiftFieldset
        idPrefix={id}
        organisationName={organisation.name}
        acceptedCurrencies={organisation.acceptedCurrencies}
        currency={currency}
        presets={presetsFor(currency, props.suggestedAmounts)}
        onCurrencyChange={props.setCurrency}
        amountText={props.amountText}
        onAmountTextChange={props.setAmountText}
        coverFee={props.coverFee}
        onCoverFeeChange={props.setCoverFee}
        frequencies={organisation.recurringIntervals.length ? frequenciesOffered(organisation.recurringIntervals) : null}
        frequency={props.frequency}
        onFrequencyChange={props.setFrequency}
        figures={figures}
        funds={!props.fixedFund && !props.fixedCampaign && props.funds.length > 1 ? props.funds : null}
        fund={fund}
        onFundChange={setFund}
        errors={errors}
      />
      <DonorFieldset
        idPrefix={id}
        donor={donor}
        nameRequired={nameRequired}
        onChange={(change) => setDonor((current) => ({ ...current, ...change }))}
        errors={errors}
      />
      {giftAidOffered ? (
        <GiftAidFieldset
          idPrefix={id}
          organisationName={organisation.name}
          details={props.giftAid}
          anonymous={donor.anonymous}
          onChange={(change) => props.setGiftAid((current) => ({ ...current, ...change }))}
          errors={errors}
        />
      ) : null}
      <PaymentFieldset
        idPrefix={id}
        transferPossible={transferPossible}
        method={effectiveMethod}
        onMethodChange={props.setMethod}
        onPaymentMethodTypeChange={props.setPaymentMethodType}
        paymentsUnavailable={props.paymentsUnavailable}
        errors={errors}
        billingDetails={{ name: donor.name.trim(), email: donor.email.trim() }}
      />

      {props.turnstileSiteKey ? <TurnstileWidget siteKey={props.turnstileSiteKey} onToken={setTurnstileToken} /> : null}
      <div className="grid gap-2">
        <button
          type="submit"
          disabled={Boolean(busy)}
          className="min-h-12 rounded-lg bg-teal-700 px-6 text-lg font-semibold text-white hover:bg-teal-800 disabled:cursor-progress disabled:bg-slate-500"
        >
          {figures.ok ? t(`submit.${props.frequency}`, { amount: formatMoney(figures.chargedAmount, currency, intl) }) : t("submit.give")}
        </button>
        <p className="min-h-5 text-sm text-slate-600" role="status" aria-live="polite">
          {busy ?? ""}
        </p>
      </div>
    </form>
  );
}
