"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { BankTransferInstructions } from "@/lib/donations/bank-transfer";
import { formatMoney, parseAmount, toDecimalString } from "@/lib/money/amount";
import { getCurrency, MoneyError } from "@/lib/money/currencies";
import { donationCharge, type FeeRate } from "@/lib/money/fees";
import { assertChargeable } from "@/lib/money/limits";
import { BankTransferPanel } from "./bank-transfer-panel";
import { loadStripeFor } from "./load-stripe";
import { TurnstileWidget } from "./turnstile-widget";

export type DonationFormProps = {
  organisation: { slug: string; name: string; defaultCurrency: string; acceptedCurrencies: string[]; feeRates: FeeRate[] };
  /** A fund or campaign chosen by the page's address; otherwise the donor may pick a fund. */
  fixedFund: string | null;
  fixedCampaign: string | null;
  funds: Array<{ slug: string; name: string }>;
  stripe: { publishableKey: string; scriptUrl: string; account: string };
  /** Cloudflare Turnstile's site key, when the operator turned the bot check on. */
  turnstileSiteKey?: string;
};

type Method = "payment_element" | "bank_transfer";
type FieldErrors = Partial<Record<"amount" | "currency" | "email" | "name" | "dedication" | "fund" | "coverFee" | "method" | "form", string>>;
type Created = { donationId: string; clientSecret: string; chargedAmount: number; bankTransfer: BankTransferInstructions | null };

const BANK_TRANSFER_CURRENCIES = new Set(["EUR", "GBP", "USD"]);
const PAYMENT_ELEMENT_OPTIONS = { layout: "tabs" as const };

function presetsFor(currency: string): number[] {
  const { exponent } = getCurrency(currency);
  const whole = exponent === 0 ? [1000, 2500, 5000, 10000] : [10, 25, 50, 100];
  return whole.map((unit) => parseAmount(String(unit), currency));
}

/** What the typed amount is, and what the donor is charged, or why it cannot be given. */
function figure(amountText: string, currency: string, coverFee: boolean, rates: FeeRate[]) {
  try {
    const amount = parseAmount(amountText, currency, typeof navigator === "undefined" ? "en-GB" : navigator.language);
    assertChargeable(amount, currency);
    const rate = rates.find((r) => r.currency === currency);
    // The extra the fee cover would add, shown whether or not it is ticked (covering it may push a
    // gift over the maximum: an error only when the donor does cover it).
    let covered: ReturnType<typeof donationCharge> | null = null;
    try {
      covered = rate ? donationCharge(amount, rate, true) : null;
    } catch (error) {
      if (coverFee) throw error;
    }
    const charged = coverFee && covered ? covered.chargedAmount : amount;
    return { ok: true as const, amount, chargedAmount: charged, feeExtra: covered?.feeCovered ?? 0, canCoverFee: Boolean(rate) };
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false as const, error: error.message, canCoverFee: rates.some((r) => r.currency === currency) };
    throw error;
  }
}

export function DonationForm(props: DonationFormProps) {
  // Loaded in the browser only; on the server the form renders without the payment fields.
  const [stripePromise] = useState<Promise<Stripe | null> | null>(() =>
    typeof window === "undefined" ? null : loadStripeFor(props.stripe.scriptUrl, props.stripe.publishableKey, props.stripe.account),
  );
  const [loadFailed, setLoadFailed] = useState(false);
  const [currency, setCurrency] = useState(props.organisation.defaultCurrency);
  const [amountText, setAmountText] = useState(() => toDecimalString(presetsFor(props.organisation.defaultCurrency)[1] ?? 0, props.organisation.defaultCurrency));
  const [coverFee, setCoverFee] = useState(false);

  useEffect(() => {
    stripePromise?.then(
      (stripe) => setLoadFailed(!stripe),
      () => setLoadFailed(true),
    );
  }, [stripePromise]);

  const figures = figure(amountText, currency, coverFee, props.organisation.feeRates);
  // Elements follows the amount and currency before any PaymentIntent exists (deferred intent).
  const elementsAmount = figures.ok ? figures.chargedAmount : (getCurrency(currency).minimumCharge ?? 100);

  return (
    <Elements
      stripe={stripePromise}
      options={{ mode: "payment", amount: elementsAmount, currency: currency.toLowerCase(), appearance: { theme: "stripe", variables: { colorPrimary: "#0f766e" } } }}
    >
      <DonationFields
        {...props}
        currency={currency}
        setCurrency={(next) => {
          setCurrency(next);
          setAmountText(toDecimalString(presetsFor(next)[1] ?? 0, next));
        }}
        amountText={amountText}
        setAmountText={setAmountText}
        coverFee={coverFee}
        setCoverFee={setCoverFee}
        figures={figures}
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
  figures: ReturnType<typeof figure>;
  paymentsUnavailable: boolean;
};

function DonationFields(props: FieldsProps) {
  const { organisation, currency, figures } = props;
  const stripe = useStripe();
  const elements = useElements();
  const id = useId();
  const [method, setMethod] = useState<Method>("payment_element");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [dedication, setDedication] = useState("");
  const [fund, setFund] = useState(props.fixedFund ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [transfer, setTransfer] = useState<BankTransferInstructions | null>(null);
  const [turnstileToken, setTurnstileToken] = useState("");
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const presets = presetsFor(currency);
  const transferPossible = BANK_TRANSFER_CURRENCIES.has(currency);
  const effectiveMethod: Method = transferPossible ? method : "payment_element";

  useEffect(() => {
    if (errors.form) errorRef.current?.focus();
  }, [errors.form]);

  if (transfer) return <BankTransferPanel instructions={transfer} organisationName={organisation.name} email={email} />;

  /** The same details -> the same Idempotency-Key: a retry (after a decline) reuses the donation. */
  function idempotencyKey(fingerprint: string) {
    if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
    return attempt.current.key;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!figures.ok) local.amount = figures.error;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = "Enter your email address so we can send your receipt, like name@example.org.";
    if (dedication.length > 500) local.dedication = "Keep your message under 500 characters.";
    if (Object.keys(local).length || !figures.ok) {
      setErrors({ ...local, form: "Please check the highlighted fields." });
      return;
    }
    setErrors({});

    if (effectiveMethod === "payment_element") {
      if (!stripe || !elements) {
        setErrors({ form: "The payment form is still loading. Please wait a moment and try again." });
        return;
      }
      setBusy("Checking your payment details…");
      const submitted = await elements.submit();
      if (submitted.error) {
        setBusy(null);
        setErrors({ form: submitted.error.message ?? "Please check your payment details." });
        return;
      }
    }

    setBusy("Starting your donation…");
    const body = {
      organisation: organisation.slug,
      ...(props.fixedCampaign ? { campaign: props.fixedCampaign } : {}),
      ...(fund && !props.fixedCampaign ? { fund } : {}),
      amount: figures.amount,
      currency,
      coverFee: props.coverFee && figures.canCoverFee,
      method: effectiveMethod,
      donor: { name: name.trim(), email: email.trim() },
      anonymous,
      ...(dedication.trim() ? { dedication: dedication.trim() } : {}),
      ...(turnstileToken ? { turnstileToken } : {}),
    };
    const key = idempotencyKey(JSON.stringify([body.amount, body.currency, body.coverFee, body.method, body.donor.email, body.fund, body.campaign]));
    let created: Created;
    try {
      const response = await fetch("/api/donations", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(body) });
      const json = (await response.json()) as Created & { error?: { message: string; fields?: Record<string, string[]> } };
      if (!response.ok) {
        const fields = json.error?.fields ?? {};
        setErrors({
          form: json.error?.message ?? "Something went wrong. Please try again.",
          amount: fields.amount?.[0],
          currency: fields.currency?.[0],
          email: fields["donor.email"]?.[0],
          name: fields["donor.name"]?.[0],
          dedication: fields.dedication?.[0],
          fund: fields.fund?.[0] ?? fields.campaign?.[0],
          coverFee: fields.coverFee?.[0],
          method: fields.method?.[0],
        });
        setBusy(null);
        return;
      }
      created = json;
    } catch {
      setErrors({ form: "We could not reach Amply. Check your connection and try again; you have not been charged." });
      setBusy(null);
      return;
    }

    if (created.bankTransfer) {
      setTransfer(created.bankTransfer);
      setBusy(null);
      return;
    }
    if (!stripe || !elements) return;
    setBusy("Confirming your payment…");
    const returnUrl = `${window.location.origin}/donation/complete`;
    const result = await stripe.confirmPayment({
      elements,
      clientSecret: created.clientSecret,
      confirmParams: { return_url: returnUrl, payment_method_data: { billing_details: { name: name.trim() || undefined, email: email.trim() } } },
      redirect: "if_required",
    });
    if (result.error) {
      setErrors({ form: result.error.message ?? "Your payment did not go through. Please try again or use another payment method." });
      setBusy(null);
      return;
    }
    const done = new URL(returnUrl);
    done.searchParams.set("payment_intent", result.paymentIntent.id);
    done.searchParams.set("payment_intent_client_secret", created.clientSecret);
    done.searchParams.set("redirect_status", "succeeded");
    window.location.assign(done.toString());
  }

  const described = (field: keyof FieldErrors) => (errors[field] ? `${id}-${field}-error` : undefined);
  const fieldError = (field: keyof FieldErrors) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="text-sm text-red-700">
        {errors[field]}
      </p>
    ) : null;
  const inputClass = "min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-6" aria-busy={busy ? true : undefined}>
      {errors.form ? (
        <div ref={errorRef} tabIndex={-1} role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200" data-testid="form-error">
          {errors.form}
        </div>
      ) : null}

      <fieldset className="grid min-w-0 gap-4">
        <legend className="mb-2 text-lg font-semibold">Your gift</legend>
        {organisation.acceptedCurrencies.length > 1 ? (
          <div className="grid gap-1">
            <label htmlFor={`${id}-currency`} className="text-sm font-medium">
              Currency
            </label>
            <select id={`${id}-currency`} value={currency} onChange={(event) => props.setCurrency(event.target.value)} className={`${inputClass} sm:w-40`} aria-describedby={described("currency")}>
              {organisation.acceptedCurrencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
            {fieldError("currency")}
          </div>
        ) : null}
        <div role="radiogroup" aria-label="Suggested amounts" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {presets.map((preset) => {
            const text = toDecimalString(preset, currency);
            const checked = props.amountText === text;
            return (
              <label key={preset} className={`flex min-h-12 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-teal-400 ${checked ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:border-teal-700"}`}>
                <input type="radio" name="preset" value={text} checked={checked} onChange={() => props.setAmountText(text)} className="sr-only" />
                {formatMoney(preset, currency)}
              </label>
            );
          })}
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}-amount`} className="text-sm font-medium">
            Amount ({currency})
          </label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            autoComplete="off"
            value={props.amountText}
            onChange={(event) => props.setAmountText(event.target.value)}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={described("amount")}
            className={`${inputClass} sm:w-48`}
          />
          {fieldError("amount")}
        </div>
        {figures.canCoverFee ? (
          <label className="flex items-start gap-3 rounded-lg bg-teal-50 p-3 text-sm">
            <input type="checkbox" checked={props.coverFee} onChange={(event) => props.setCoverFee(event.target.checked)} className="mt-1 size-5" />
            <span>
              {figures.ok ? (
                <>
                  Add <strong data-testid="fee-extra">{formatMoney(figures.feeExtra, currency)}</strong> to
                  cover the processing fee, so {organisation.name} receives your whole {formatMoney(figures.amount, currency)}.
                </>
              ) : (
                <>Cover the processing fee, so {organisation.name} receives your whole gift.</>
              )}{" "}
              <span className="text-slate-600">(An estimate of Stripe&apos;s fee.)</span>
            </span>
          </label>
        ) : null}
        {fieldError("coverFee")}
        {!props.fixedFund && !props.fixedCampaign && props.funds.length > 1 ? (
          <div className="grid gap-1">
            <label htmlFor={`${id}-fund`} className="text-sm font-medium">
              Give to
            </label>
            <select id={`${id}-fund`} value={fund} onChange={(event) => setFund(event.target.value)} className={inputClass} aria-describedby={described("fund")}>
              <option value="">Where it is needed most</option>
              {props.funds.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </select>
            {fieldError("fund")}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="grid min-w-0 gap-4">
        <legend className="mb-2 text-lg font-semibold">Your details</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-1">
            <label htmlFor={`${id}-name`} className="text-sm font-medium">
              Name <span className="font-normal text-slate-600">(optional)</span>
            </label>
            <input id={`${id}-name`} autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} className={inputClass} aria-describedby={described("name")} />
            {fieldError("name")}
          </div>
          <div className="grid gap-1">
            <label htmlFor={`${id}-email`} className="text-sm font-medium">
              Email, for your receipt
            </label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={described("email")}
              className={inputClass}
            />
            {fieldError("email")}
          </div>
        </div>
        <label className="flex items-center gap-3 text-sm">
          <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} className="size-5" />
          Give anonymously (your name is not shown to the organisation&apos;s team)
        </label>
        <div className="grid gap-1">
          <label htmlFor={`${id}-dedication`} className="text-sm font-medium">
            Dedication or message <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <textarea
            id={`${id}-dedication`}
            rows={2}
            maxLength={500}
            value={dedication}
            onChange={(event) => setDedication(event.target.value)}
            aria-describedby={described("dedication")}
            className={inputClass}
            placeholder="In memory of…"
          />
          {fieldError("dedication")}
        </div>
      </fieldset>

      <fieldset className="grid min-w-0 gap-4">
        <legend className="mb-2 text-lg font-semibold">Payment</legend>
        {transferPossible ? (
          <div role="radiogroup" aria-label="How would you like to pay?" className="grid gap-2 sm:grid-cols-2">
            {(
              [
                ["payment_element", "Card, SEPA Direct Debit, iDEAL or wallet"],
                ["bank_transfer", "Bank transfer"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-teal-700 has-[:checked]:ring-1 has-[:checked]:ring-teal-700">
                <input type="radio" name="method" value={value} checked={effectiveMethod === value} onChange={() => setMethod(value)} className="size-5" />
                {label}
              </label>
            ))}
          </div>
        ) : null}
        {fieldError("method")}
        <div hidden={effectiveMethod !== "payment_element"}>
          {props.paymentsUnavailable ? (
            <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
              The payment form could not load. Check your connection (or a content blocker), then reload the page{transferPossible ? ", or pay by bank transfer" : ""}.
            </p>
          ) : (
            <PaymentElement options={PAYMENT_ELEMENT_OPTIONS} />
          )}
        </div>
        {effectiveMethod === "bank_transfer" ? (
          <p className="text-sm text-slate-700">You&apos;ll get the bank details and a reference on the next screen, and by email.</p>
        ) : null}
      </fieldset>

      {props.turnstileSiteKey ? <TurnstileWidget siteKey={props.turnstileSiteKey} onToken={setTurnstileToken} /> : null}
      <div className="grid gap-2">
        <button
          type="submit"
          disabled={Boolean(busy)}
          className="min-h-12 rounded-lg bg-teal-700 px-6 text-lg font-semibold text-white hover:bg-teal-800 disabled:cursor-progress disabled:bg-slate-500"
        >
          {figures.ok ? `Give ${formatMoney(figures.chargedAmount, currency)}` : "Give"}
        </button>
        <p className="min-h-5 text-sm text-slate-600" role="status" aria-live="polite">
          {busy ?? ""}
        </p>
      </div>
    </form>
  );
}
