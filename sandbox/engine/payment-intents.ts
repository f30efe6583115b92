// PaymentIntents, always direct charges on a connected account: created, updated, canceled and
// confirmed with a payment method, which decides what happens next (see `confirmPaymentIntent`).
import type { Engine } from "../engine";
import { newId, now, present, text } from "../store";
import { invalid, notFound, StripeApiError } from "../wire";
import { createCharge, failPayment, succeedPayment } from "./charges";
import { assertBankTransfersActive, awaitBankTransfer } from "./customers";
import type { Account, Obj, PaymentIntent } from "./objects";
import { openDispute } from "./disputes";
import { CARD_OUTCOMES, createPaymentMethod, paymentMethodFor, REDIRECT_METHODS } from "./payment-methods";
import { assertAmount, assertCurrency, assertDescriptorSuffix } from "./validation";

function methodTypesFor(currency: string, allowed: string[] | null, excluded: string[]) {
  if (allowed) return allowed;
  const types = ["card"];
  if (currency === "eur") types.push("sepa_debit", "ideal", "bancontact", "p24");
  if (currency === "pln") types.push("p24");
  return types.filter((type) => !excluded.includes(type));
}

export function createPaymentIntent(
  engine: Engine,
  accountId: string,
  input: {
    amount: number;
    currency: string;
    automatic?: { enabled: boolean; allow_redirects?: string } | null;
    allowed?: string[] | null;
    excluded?: string[];
    customer?: string | null;
    description?: string | null;
    metadata: Record<string, string>;
    receiptEmail?: string | null;
    statementDescriptorSuffix?: string;
    setupFutureUsage?: string | null;
    paymentMethodOptions?: Record<string, unknown>;
    idempotencyKey?: string | null;
  },
): PaymentIntent {
  const account = engine.account(accountId);
  if (!account) throw invalid("Direct charges need a connected account: send the Stripe-Account header.", undefined, "account_invalid");
  if (!account.charges_enabled) {
    throw invalid("Your account cannot currently make charges: charges_enabled is false. Finish onboarding on Stripe.", undefined, "account_charges_disabled");
  }
  assertCurrency(input.currency, "currency");
  assertAmount(engine, account, input.amount, input.currency);
  assertDescriptorSuffix(account, input.statementDescriptorSuffix);
  if (input.allowed?.includes("customer_balance")) assertBankTransfersActive(account, "allowed_payment_method_types");
  if (input.customer && !engine.store.get(accountId, input.customer, "customer")) throw notFound("customer", input.customer, "customer");
  const id = newId("pi", 24);
  const allowed = input.allowed ?? null;
  const automatic = allowed ? null : (input.automatic ?? { enabled: true, allow_redirects: "always" });
  const pi: PaymentIntent = {
    id,
    object: "payment_intent",
    created: now(),
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    allowed_payment_method_types: allowed,
    automatic_payment_methods: automatic ? { enabled: automatic.enabled, allow_redirects: automatic.allow_redirects ?? "always" } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${newId("x", 25).slice(2)}`,
    confirmation_method: "automatic",
    currency: input.currency,
    customer: input.customer ?? null,
    description: input.description ?? null,
    excluded_payment_method_types: input.excluded?.length ? input.excluded : null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_options: input.paymentMethodOptions ?? {},
    payment_method_types: methodTypesFor(input.currency, allowed, input.excluded ?? []),
    processing: null,
    receipt_email: input.receiptEmail ?? null,
    setup_future_usage: input.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: input.statementDescriptorSuffix ?? null,
    status: "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  };
  engine.store.put(accountId, pi);
  engine.webhooks.emit("payment_intent.created", present(pi), accountId, { idempotencyKey: input.idempotencyKey });
  return pi;
}

export function getPaymentIntent(engine: Engine, accountId: string, id: string): PaymentIntent {
  const pi = engine.store.get<PaymentIntent>(accountId, id, "payment_intent");
  if (!pi) throw notFound("payment_intent", id, "intent");
  return pi;
}

export function updatePaymentIntent(
  engine: Engine,
  accountId: string,
  id: string,
  changes: {
    amount?: number;
    currency?: string;
    metadata?: Record<string, string>;
    description?: string | null;
    receiptEmail?: string | null;
    statementDescriptorSuffix?: string;
    customer?: string;
  },
) {
  const pi = getPaymentIntent(engine, accountId, id);
  if (pi.status === "canceled") {
    throw invalid(`This PaymentIntent's status is ${pi.status}: it can no longer be updated.`, undefined, "payment_intent_unexpected_state");
  }
  // What the donor pays can change only until the payment starts; metadata and the description
  // stay editable afterwards, as on Stripe.
  const changeable = ["requires_payment_method", "requires_confirmation", "requires_action"];
  if (!changeable.includes(pi.status)) {
    const paying: Array<[string, unknown]> = [
      ["amount", changes.amount],
      ["currency", changes.currency],
      ["customer", changes.customer],
      ["receipt_email", changes.receiptEmail],
      ["statement_descriptor_suffix", changes.statementDescriptorSuffix],
    ];
    const param = paying.find(([, value]) => value !== undefined)?.[0];
    if (param) {
      throw invalid(
        `This PaymentIntent's ${param} could not be updated because it has a status of ${pi.status}. You may only update the ${param} of a PaymentIntent with one of the following statuses: ${changeable.join(", ")}.`,
        param,
        "payment_intent_unexpected_state",
      );
    }
  }
  const account = engine.account(accountId) as Account;
  const currency = changes.currency ?? pi.currency;
  const amount = changes.amount ?? pi.amount;
  if (changes.currency) assertCurrency(currency, "currency");
  if (changes.amount !== undefined || changes.currency) assertAmount(engine, account, amount, currency);
  assertDescriptorSuffix(account, changes.statementDescriptorSuffix);
  pi.amount = amount;
  pi.currency = currency;
  if (changes.metadata) pi.metadata = changes.metadata;
  if (changes.description !== undefined) pi.description = changes.description;
  if (changes.receiptEmail !== undefined) pi.receipt_email = changes.receiptEmail;
  if (changes.statementDescriptorSuffix !== undefined) pi.statement_descriptor_suffix = changes.statementDescriptorSuffix;
  if (changes.customer !== undefined) pi.customer = changes.customer;
  engine.store.touch();
  return pi;
}

export function cancelPaymentIntent(engine: Engine, accountId: string, id: string, reason?: string) {
  const pi = getPaymentIntent(engine, accountId, id);
  if (["succeeded", "canceled", "processing"].includes(pi.status)) {
    throw invalid(`You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`, undefined, "payment_intent_unexpected_state");
  }
  pi.status = "canceled";
  pi.canceled_at = now();
  pi.cancellation_reason = reason ?? null;
  pi.next_action = null;
  engine.store.touch();
  engine.webhooks.emit("payment_intent.canceled", present(pi), accountId);
  return pi;
}

/**
 * Confirm with a payment method: the test-card table decides cards; SEPA goes to processing;
 * redirect methods and 3-D Secure wait in requires_action; customer_balance shows bank details.
 */
export function confirmPaymentIntent(
  engine: Engine,
  accountId: string,
  id: string,
  input: {
    paymentMethod?: string;
    paymentMethodData?: Record<string, unknown>;
    returnUrl?: string;
    offSession?: boolean;
    paymentMethodOptions?: Record<string, unknown>;
  },
) {
  const pi = getPaymentIntent(engine, accountId, id);
  if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
    throw invalid(`You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`, undefined, "payment_intent_unexpected_state");
  }
  let pm: Obj | undefined;
  if (input.paymentMethod) {
    pm = paymentMethodFor(engine, accountId, input.paymentMethod);
  } else if (input.paymentMethodData) {
    try {
      pm = createPaymentMethod(engine, accountId, input.paymentMethodData);
    } catch (error) {
      if (error instanceof StripeApiError && error.body.type === "card_error")
        return failPayment(engine, pi, accountId, undefined, error.body.code as string, error.body.message, undefined, error.status);
      throw error;
    }
  } else if (pi.payment_method) {
    pm = engine.store.get(accountId, text(pi.payment_method), "payment_method");
  }
  if (!pm) throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method", "payment_intent_unexpected_state");
  const type = String(pm.type);
  if (!(pi.payment_method_types as string[]).includes(type)) {
    throw invalid(
      `The payment method type "${type}" is not available for this PaymentIntent (${(pi.payment_method_types as string[]).join(", ")}).`,
      "payment_method",
      "payment_intent_incompatible_payment_method",
    );
  }
  if (input.paymentMethodOptions) pi.payment_method_options = { ...(pi.payment_method_options as object), ...input.paymentMethodOptions };
  pi.payment_method = pm.id;
  pi.last_payment_error = null;
  if (pi.setup_future_usage && pi.customer) pm.customer = pi.customer;

  if (type === "card") {
    const outcome = CARD_OUTCOMES[String(pm._number)] ?? {};
    if (outcome.decline) return failPayment(engine, pi, accountId, pm, outcome.code ?? "card_declined", outcome.message as string, outcome.decline);
    if (outcome.threeDS && !input.offSession) {
      pi.status = "requires_action";
      pi.next_action = {
        type: "use_stripe_sdk",
        use_stripe_sdk: {
          type: "three_d_secure_redirect",
          stripe_js: `${engine.config.baseUrl}/authenticate/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret)}`,
        },
      };
      pi._return_url = input.returnUrl ?? null;
      engine.store.touch();
      engine.webhooks.emit("payment_intent.requires_action", present(pi), accountId);
      return pi;
    }
    if (outcome.threeDS && input.offSession)
      return failPayment(
        engine,
        pi,
        accountId,
        pm,
        "authentication_required",
        "Your card was declined. This transaction requires authentication.",
        "authentication_required",
      );
    succeedPayment(engine, pi, accountId, pm);
    // The test card that always disputes: the cardholder contests the payment once it succeeded.
    if (outcome.dispute) openDispute(engine, accountId, text(pi.latest_charge));
    return pi;
  }
  if (type === "sepa_debit") {
    pi.status = "processing";
    pi.processing = null;
    const charge = createCharge(engine, pi, accountId, pm, "pending");
    pi.latest_charge = charge.id;
    engine.store.touch();
    engine.webhooks.emit("charge.pending", charge, accountId);
    engine.webhooks.emit("payment_intent.processing", present(pi), accountId);
    return pi;
  }
  if (REDIRECT_METHODS.has(type)) {
    if (!input.returnUrl) throw invalid("A return_url is required to confirm this PaymentIntent with a redirect-based payment method.", "return_url");
    pi.status = "requires_action";
    pi._return_url = input.returnUrl;
    pi.next_action = {
      type: "redirect_to_url",
      redirect_to_url: { return_url: input.returnUrl, url: `${engine.config.baseUrl}/redirect/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret)}` },
    };
    engine.store.touch();
    engine.webhooks.emit("payment_intent.requires_action", present(pi), accountId);
    return pi;
  }
  if (type === "customer_balance") return awaitBankTransfer(engine, pi, accountId);
  throw invalid(`Unsupported payment method type ${type}.`, "payment_method_data[type]");
}

/** The 3-D Secure challenge or bank redirect was completed (or failed) by the person. */
export function completeAction(engine: Engine, accountId: string, id: string, outcome: "succeed" | "fail") {
  const pi = getPaymentIntent(engine, accountId, id);
  if (pi.status !== "requires_action") return pi;
  const pm = engine.store.get(accountId, text(pi.payment_method), "payment_method") as Obj;
  pi.next_action = null;
  if (outcome === "fail") {
    const message =
      pm.type === "card"
        ? "We are unable to authenticate your payment method. Please choose a different payment method and try again."
        : "The customer failed or cancelled the payment on their bank's page.";
    return failPayment(engine, pi, accountId, pm, "payment_intent_authentication_failure", message);
  }
  return succeedPayment(engine, pi, accountId, pm);
}
