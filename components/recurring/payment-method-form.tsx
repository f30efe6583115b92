"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { finishPaymentMethodAction, startPaymentMethodAction } from "@/app/(public)/manage/[token]/actions";
import { loadStripeFor } from "@/components/donations/load-stripe";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action-state";
import type { Locale } from "@/lib/i18n/locales";

type Step = { kind: "setup" | "invoice"; clientSecret: string; stripeAccount: string; invoiceId?: string };

function giftForm(values: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return form;
}

/**
 * A new payment method for a recurring gift: Amply answers a SetupIntent (or, when a payment failed,
 * the open invoice) on the organisation's account; the donor confirms it in Stripe's Payment Element;
 * then Amply reads the outcome from Stripe and makes the method the gift's default.
 */
export function PaymentMethodForm(props: {
  /** The page's language, for the Payment Element too. */
  locale: Locale;
  token: string;
  giftId: string;
  requestId: string;
  stripe: { publishableKey: string; scriptUrl: string };
  pastDue: boolean;
}) {
  const [step, setStep] = useState<Step | null>(null);
  const [state, setState] = useState<ActionState>({});
  const [busy, setBusy] = useState(false);
  const t = useTranslations("manage");

  async function start() {
    setBusy(true);
    const answer = await startPaymentMethodAction({}, giftForm({ token: props.token, giftId: props.giftId, requestId: props.requestId }));
    setBusy(false);
    if (!answer.ok || !answer.data) return setState(answer);
    setState({});
    setStep({
      kind: answer.data.kind === "invoice" ? "invoice" : "setup",
      clientSecret: String(answer.data.clientSecret),
      stripeAccount: String(answer.data.stripeAccount),
      invoiceId: answer.data.invoiceId,
    });
  }

  // The action answers in English: its success reads in the page's language.
  if (state.ok) return <Alert tone="success">{t("form.saved")}</Alert>;
  if (!step) {
    return (
      <div className="grid gap-3">
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        <Button type="button" variant="secondary" onClick={() => void start()} disabled={busy} className="justify-self-start">
          {busy ? t("form.opening") : props.pastDue ? t("form.payMissed") : t("form.useAnother")}
        </Button>
      </div>
    );
  }
  return (
    <Elements
      stripe={loadStripeFor(props.stripe.scriptUrl, props.stripe.publishableKey, step.stripeAccount)}
      options={{ clientSecret: step.clientSecret, appearance: { theme: "stripe", variables: { colorPrimary: "#0f766e" } }, locale: props.locale }}
    >
      <ConfirmMethod {...props} step={step} onDone={setState} />
    </Elements>
  );
}

function ConfirmMethod(props: { token: string; giftId: string; step: Step; onDone: (state: ActionState) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("manage");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    const confirmParams = { return_url: window.location.href };
    const result =
      props.step.kind === "setup"
        ? await stripe.confirmSetup({ elements, confirmParams, redirect: "if_required" })
        : await stripe.confirmPayment({ elements, confirmParams, redirect: "if_required" });
    if (result.error) {
      setBusy(false);
      return setError(result.error.message ?? t("form.methodRefused"));
    }
    const finish = await finishPaymentMethodAction(
      {},
      giftForm({
        token: props.token,
        giftId: props.giftId,
        requestId: crypto.randomUUID(),
        ...(props.step.kind === "setup" ? { setupIntentId: props.step.clientSecret.split("_secret_")[0] ?? "" } : { invoiceId: String(props.step.invoiceId) }),
      }),
    );
    setBusy(false);
    if (finish.ok) props.onDone(finish);
    else setError(finish.error ?? t("form.generic"));
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="grid gap-4" aria-busy={busy ? true : undefined}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <PaymentElement />
      <Button type="submit" disabled={busy || !stripe} className="justify-self-start">
        {busy ? t("form.saving") : props.step.kind === "invoice" ? t("form.payAndUse") : t("form.saveMethod")}
      </Button>
    </form>
  );
}
