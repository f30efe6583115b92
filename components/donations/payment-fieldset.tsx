"use client";

import { PaymentElement } from "@stripe/react-stripe-js";
import type { StripePaymentElementOptions } from "@stripe/stripe-js";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FieldError } from "@/components/ui/field";
import type { DonationFieldErrors } from "@/lib/donations/donation-field-errors";
import { paymentMethodTypeOf, type PaymentMethodChoice } from "./use-donation-submit";

const METHOD_LABELS = [
  ["payment_element", "payment.methodElement"],
  ["bank_transfer", "payment.methodTransfer"],
] as const satisfies ReadonlyArray<readonly [PaymentMethodChoice, string]>;

/** "Payment": the choice of bank transfer (in the currencies that allow it) and Stripe's Payment Element. */
export function PaymentFieldset({
  idPrefix,
  transferPossible,
  method,
  onMethodChange,
  onPaymentMethodTypeChange,
  paymentsUnavailable,
  errors,
  billingDetails,
}: {
  idPrefix: string;
  transferPossible: boolean;
  method: PaymentMethodChoice;
  onMethodChange: (method: PaymentMethodChoice) => void;
  /** The type the donor picks in the Payment Element ("card", "sepa_debit"...): the covered fee follows it. */
  onPaymentMethodTypeChange: (type: string) => void;
  /** Stripe.js could not load: say so instead of drawing the Payment Element. */
  paymentsUnavailable: boolean;
  errors: DonationFieldErrors;
  /** The donor's name and email from "Your details": the Payment Element does not ask for them again. */
  billingDetails: { name: string; email: string };
}) {
  const { name, email } = billingDetails;
  const t = useTranslations("give");
  // The page asks for the name and email itself and passes them when confirming (use-donation-submit.ts).
  const options = useMemo<StripePaymentElementOptions>(
    () => ({
      layout: "tabs",
      defaultValues: { billingDetails: { name, email } },
      fields: { billingDetails: { name: "never", email: "never" } },
    }),
    [name, email],
  );
  return (
    <fieldset className="grid min-w-0 gap-4">
      <legend className="mb-2 text-lg font-semibold">{t("payment.legend")}</legend>
      {transferPossible ? (
        <div role="radiogroup" aria-label={t("payment.howPay")} className="grid gap-2 sm:grid-cols-2">
          {METHOD_LABELS.map(([value, label]) => (
            <label
              key={value}
              className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-teal-700 has-[:checked]:ring-1 has-[:checked]:ring-teal-700"
            >
              <input type="radio" name="method" value={value} checked={method === value} onChange={() => onMethodChange(value)} className="size-5" />
              {t(label)}
            </label>
          ))}
        </div>
      ) : null}
      <FieldError id={`${idPrefix}-method-error`} error={errors.method} announce={false} />
      <div hidden={method !== "payment_element"}>
        {paymentsUnavailable ? (
          <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {transferPossible ? t("payment.unavailableOrTransfer") : t("payment.unavailable")}
          </p>
        ) : (
          <PaymentElement options={options} onChange={(event) => onPaymentMethodTypeChange(paymentMethodTypeOf(event.value.type))} />
        )}
      </div>
      {method === "bank_transfer" ? <p className="text-sm text-slate-700">{t("payment.transferNext")}</p> : null}
    </fieldset>
  );
}
