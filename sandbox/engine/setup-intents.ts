// SetupIntents: saving a payment method for later payments without charging it now (a card checked
// by its bank, a SEPA Direct Debit mandate, or iDEAL, which leaves a SEPA Direct Debit behind).
// Confirmed like a PaymentIntent, by the test-card table: a decline fails the setup
// (`setup_intent.setup_failed`), 3-D Secure and bank redirects wait in `requires_action`.
import type { Engine } from "../engine";
import { newId, now, present, text } from "../store";
import { invalid, notFound, StripeApiError } from "../wire";
import { createMandate, generateSepaDebit, idealDetails } from "./mandates";
import { eventAccount, type Obj } from "./objects";
import { CARD_OUTCOMES, createPaymentMethod, paymentMethodFor, REDIRECT_METHODS } from "./payment-methods";

/** What a SetupIntent can save: methods that can be charged again later. */
const SETUP_TYPES = ["card", "sepa_debit", "ideal", "bancontact"];

export type SetupIntent = Obj & { status: string; client_secret: string; customer: string | null; payment_method: string | null };

export function createSetupIntent(
  engine: Engine,
  accountId: string,
  input: {
    customer?: string;
    allowed?: string[] | null;
    excluded?: string[];
    automatic?: { enabled: boolean; allow_redirects?: string } | null;
    description?: string;
    metadata: Record<string, string>;
    usage?: string;
    paymentMethod?: string;
    idempotencyKey?: string | null;
  },
): SetupIntent {
  if (!engine.account(accountId))
    throw invalid("SetupIntents for donors are created on the connected account: send Stripe-Account.", undefined, "account_invalid");
  if (input.customer && !engine.store.get(accountId, input.customer, "customer")) throw notFound("customer", input.customer, "customer");
  for (const type of input.allowed ?? []) {
    if (!SETUP_TYPES.includes(type)) throw invalid(`The payment method type ${type} cannot be set up for future use.`, "allowed_payment_method_types");
  }
  const id = newId("seti", 24);
  const allowed = input.allowed ?? null;
  const setup: SetupIntent = {
    id,
    object: "setup_intent",
    created: now(),
    allowed_payment_method_types: allowed,
    application: null,
    automatic_payment_methods: allowed ? null : { enabled: true, allow_redirects: input.automatic?.allow_redirects ?? "always" },
    cancellation_reason: null,
    client_secret: `${id}_secret_${newId("x", 25).slice(2)}`,
    customer: input.customer ?? null,
    description: input.description ?? null,
    excluded_payment_method_types: input.excluded?.length ? input.excluded : null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: allowed ?? SETUP_TYPES.filter((type) => !(input.excluded ?? []).includes(type)),
    single_use_mandate: null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    usage: input.usage ?? "off_session",
  };
  engine.store.put(accountId, setup);
  engine.webhooks.emit("setup_intent.created", present(setup), accountId, { idempotencyKey: input.idempotencyKey });
  return setup;
}

export function getSetupIntent(engine: Engine, accountId: string, id: string): SetupIntent {
  const setup = engine.store.get<SetupIntent>(accountId, id, "setup_intent");
  if (!setup) throw notFound("setup_intent", id, "intent");
  return setup;
}

function attempt(engine: Engine, accountId: string, setup: SetupIntent, pm: Obj, status: string, details: Record<string, unknown>, error?: object) {
  const setupAttempt: Obj = {
    id: newId("setatt", 24),
    object: "setup_attempt",
    created: now(),
    customer: setup.customer,
    livemode: false,
    payment_method: pm.id,
    payment_method_details: { type: pm.type, [String(pm.type)]: details },
    setup_error: error ?? null,
    setup_intent: setup.id,
    status,
    usage: setup.usage,
  };
  engine.store.put(accountId, setupAttempt);
  setup.latest_attempt = setupAttempt.id;
  return setupAttempt;
}

function succeed(engine: Engine, accountId: string, setup: SetupIntent, pm: Obj) {
  let details: Record<string, unknown> = {};
  if (setup.customer) {
    pm.customer = setup.customer;
    engine.webhooks.emit("payment_method.attached", present(pm), eventAccount(accountId));
  }
  if (pm.type === "sepa_debit") setup.mandate = createMandate(engine, accountId, pm).id;
  if (pm.type === "ideal") {
    if (!setup.customer) throw invalid("Setting up iDEAL for future payments needs a customer.", "customer", "parameter_missing");
    details = idealDetails(generateSepaDebit(engine, accountId, pm, setup.customer));
  }
  const previous = setup.status;
  setup.status = "succeeded";
  setup.next_action = null;
  setup.last_setup_error = null;
  attempt(engine, accountId, setup, pm, "succeeded", details);
  engine.store.touch();
  engine.webhooks.emit("setup_intent.succeeded", present(setup), accountId, { previous: { status: previous } });
  return setup;
}

function fail(engine: Engine, accountId: string, setup: SetupIntent, pm: Obj, code: string, message: string, decline?: string, throwError = true) {
  const error = { type: "card_error", code, ...(decline ? { decline_code: decline } : {}), message, payment_method: present(pm) };
  setup.status = "requires_payment_method";
  setup.next_action = null;
  setup.last_setup_error = error;
  attempt(engine, accountId, setup, pm, "failed", {}, error);
  engine.store.touch();
  engine.webhooks.emit("setup_intent.setup_failed", present(setup), accountId);
  if (!throwError) return setup;
  throw new StripeApiError(402, { ...error, type: "card_error", setup_intent: present(setup) });
}

export function confirmSetupIntent(
  engine: Engine,
  accountId: string,
  id: string,
  input: { paymentMethod?: string; paymentMethodData?: Record<string, unknown>; returnUrl?: string },
) {
  const setup = getSetupIntent(engine, accountId, id);
  if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(setup.status)) {
    throw invalid(`You cannot confirm this SetupIntent because it has a status of ${setup.status}.`, undefined, "setup_intent_unexpected_state");
  }
  let pm: Obj | undefined;
  if (input.paymentMethod) {
    // An id of the account, or one of Stripe's test PaymentMethods (pm_card_visa...).
    pm = paymentMethodFor(engine, accountId, input.paymentMethod);
  } else if (input.paymentMethodData) pm = createPaymentMethod(engine, accountId, input.paymentMethodData);
  else if (setup.payment_method) pm = engine.store.get(accountId, setup.payment_method, "payment_method");
  if (!pm) throw invalid("You cannot confirm this SetupIntent because it's missing a payment method.", "payment_method", "setup_intent_unexpected_state");
  const type = text(pm.type);
  if (!(setup.payment_method_types as string[]).includes(type)) {
    throw invalid(
      `The payment method type "${type}" is not available for this SetupIntent (${(setup.payment_method_types as string[]).join(", ")}).`,
      "payment_method",
      "setup_intent_invalid_parameter",
    );
  }
  setup.payment_method = pm.id;
  if (type === "card") {
    const outcome = CARD_OUTCOMES[text(pm._number)] ?? {};
    if (outcome.decline) return fail(engine, accountId, setup, pm, "card_declined", outcome.message as string, outcome.decline);
    if (outcome.threeDS) {
      setup.status = "requires_action";
      setup.next_action = {
        type: "use_stripe_sdk",
        use_stripe_sdk: {
          type: "three_d_secure_redirect",
          stripe_js: `${engine.config.baseUrl}/authenticate/${setup.id}?client_secret=${encodeURIComponent(setup.client_secret)}`,
        },
      };
      setup._return_url = input.returnUrl ?? null;
      engine.store.touch();
      engine.webhooks.emit("setup_intent.requires_action", present(setup), accountId);
      return setup;
    }
    return succeed(engine, accountId, setup, pm);
  }
  if (type === "sepa_debit") return succeed(engine, accountId, setup, pm);
  if (REDIRECT_METHODS.has(type)) {
    if (!input.returnUrl) throw invalid("A return_url is required to confirm this SetupIntent with a redirect-based payment method.", "return_url");
    setup.status = "requires_action";
    setup._return_url = input.returnUrl;
    setup.next_action = {
      type: "redirect_to_url",
      redirect_to_url: {
        return_url: input.returnUrl,
        url: `${engine.config.baseUrl}/redirect/${setup.id}?client_secret=${encodeURIComponent(setup.client_secret)}`,
      },
    };
    engine.store.touch();
    engine.webhooks.emit("setup_intent.requires_action", present(setup), accountId);
    return setup;
  }
  throw invalid(`Unsupported payment method type ${type}.`, "payment_method_data[type]");
}

/** The 3-D Secure challenge or bank redirect of a SetupIntent was completed (or failed). */
export function completeSetupAction(engine: Engine, accountId: string, id: string, outcome: "succeed" | "fail") {
  const setup = getSetupIntent(engine, accountId, id);
  if (setup.status !== "requires_action") return setup;
  const pm = engine.store.get(accountId, text(setup.payment_method), "payment_method") as Obj;
  if (outcome === "fail") {
    const message =
      pm.type === "card"
        ? "We are unable to authenticate your payment method. Please choose a different payment method and try again."
        : "The customer failed or cancelled the setup on their bank's page.";
    return fail(engine, accountId, setup, pm, "setup_intent_authentication_failure", message, undefined, false);
  }
  return succeed(engine, accountId, setup, pm);
}

export function cancelSetupIntent(engine: Engine, accountId: string, id: string, reason?: string) {
  const setup = getSetupIntent(engine, accountId, id);
  if (setup.status === "succeeded" || setup.status === "canceled") {
    throw invalid(`You cannot cancel this SetupIntent because it has a status of ${setup.status}.`, undefined, "setup_intent_unexpected_state");
  }
  setup.status = "canceled";
  setup.cancellation_reason = reason ?? null;
  setup.next_action = null;
  engine.store.touch();
  engine.webhooks.emit("setup_intent.canceled", present(setup), accountId);
  return setup;
}
