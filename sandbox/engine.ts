// What happens inside "Stripe": accounts, payments, charges and the balance transactions they
// book, refunds, disputes, payouts, subscriptions and bank transfers, each emitting the events
// real Stripe would. The HTTP layer (api.ts) and the control API (control.ts) both drive this.
import { chargeFee, decimalsOf, DEFAULT_PRICING, DISPUTE_FEE, formatMinor, Fx, minimumCharge, settlementCurrencyFor, type Pricing } from "./pricing";
import { newId, now, PLATFORM, present, Store, type StripeObject } from "./store";
import { invalid, notFound, StripeApiError } from "./wire";
import { Webhooks, type WebhookConfig } from "./webhooks";

export type SandboxConfig = {
  secretKey: string;
  publishableKey: string;
  clientId: string;
  /** Where the OAuth authorize page may send people back (exact match, as Stripe). */
  redirectUris: string[];
  /** This sandbox's own base URL, for pages it links to (3-D Secure, bank redirects). */
  baseUrl: string;
  webhooks: WebhookConfig;
  eurRates?: Record<string, string>;
  stateFile?: string;
};

type Obj = StripeObject & Record<string, unknown>;
type Account = Obj & { country: string; default_currency: string; charges_enabled: boolean; payouts_enabled: boolean; details_submitted: boolean };
type PaymentIntent = Obj & { amount: number; amount_received: number; currency: string; status: string; customer: string | null; metadata: Record<string, string>; latest_charge: string | null; client_secret: string };
type Charge = Obj & { amount: number; currency: string; amount_refunded: number; payment_intent: string; balance_transaction: string | null; status: string; disputed: boolean; refunded: boolean };
type Subscription = Obj & { status: string; customer: string; items: { object: string; data: Obj[]; has_more: boolean; url: string }; latest_invoice: string | null; default_payment_method: string | null; metadata: Record<string, string> };

export const SUPPORTED_CURRENCIES = new Set(
  ("usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk " +
    "djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt " +
    "lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ron rsd rub " +
    "rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw").split(" "),
);

/** Outcomes of Stripe's test card numbers (docs.stripe.com/testing). */
const CARD_OUTCOMES: Record<string, { decline?: string; message?: string; threeDS?: boolean }> = {
  "4000000000000002": { decline: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { decline: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { decline: "lost_card", message: "Your card was declined." },
  "4000000000000069": { decline: "expired_card", message: "Your card has expired." },
  "4000000000000127": { decline: "incorrect_cvc", message: "Your card's security code is incorrect." },
  "4000002760003184": { threeDS: true },
  "4000002500003155": { threeDS: true },
  "4000000000003220": { threeDS: true },
};

/** SEPA test IBANs that settle and fail (others that pass the checksum settle). */
const FAILING_IBANS = new Set(["AT861904300235473202", "DE62370400440532013001"]);
const REDIRECT_METHODS = new Set(["ideal", "bancontact", "p24", "eps"]);

export function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return number.length >= 12 && sum % 10 === 0;
}

export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder === 1;
}

function cardBrand(number: string): string {
  if (number.startsWith("4")) return "visa";
  if (/^5[1-5]|^2[2-7]/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "unknown";
}

export class Engine {
  readonly store: Store;
  readonly webhooks: Webhooks;
  fx: Fx;
  private pricing = new Map<string, Pricing>();

  constructor(readonly config: SandboxConfig) {
    this.store = new Store(config.stateFile);
    this.webhooks = new Webhooks(config.webhooks);
    this.fx = new Fx(config.eurRates);
  }

  // ------------------------------------------------------------------------------------------
  // Accounts and Connect OAuth
  // ------------------------------------------------------------------------------------------

  createAccount(input: { country?: string; email?: string | null; businessName?: string | null; ready?: boolean; defaultCurrency?: string }): Account {
    const country = (input.country || "DE").toUpperCase();
    const ready = input.ready ?? true;
    const account: Account = {
      id: newId("acct", 16),
      object: "account",
      created: now(),
      type: "standard",
      country,
      default_currency: input.defaultCurrency?.toLowerCase() ?? settlementCurrencyFor(country),
      email: input.email ?? null,
      business_profile: { name: input.businessName ?? null, url: null, mcc: "8398" },
      business_type: "non_profit",
      charges_enabled: ready,
      payouts_enabled: ready,
      details_submitted: ready,
      capabilities: { card_payments: ready ? "active" : "inactive", transfers: ready ? "active" : "inactive" },
      requirements: this.requirements(ready ? [] : ["external_account", "individual.verification.document", "tos_acceptance.date"]),
      settings: { payments: { statement_descriptor: (input.businessName ?? "SANDBOX").replace(/[^A-Za-z0-9 ]/g, "").slice(0, 22).toUpperCase() || "SANDBOX" } },
      metadata: {},
      _connected: true,
    };
    this.store.put(account.id, account);
    return account;
  }

  private requirements(currentlyDue: string[], disabledReason?: string | null) {
    return {
      alternatives: [],
      current_deadline: currentlyDue.length ? now() + 14 * 86_400 : null,
      currently_due: currentlyDue,
      disabled_reason: currentlyDue.length ? (disabledReason ?? "requirements.past_due") : null,
      errors: [],
      eventually_due: currentlyDue,
      past_due: currentlyDue.length ? currentlyDue : [],
      pending_verification: [],
    };
  }

  /** The connected account, if it exists and is still connected to the platform. */
  account(id: string): Account | undefined {
    const account = this.store.get<Account>(id, id, "account");
    return account && account._connected ? account : undefined;
  }

  updateAccount(id: string, changes: { charges_enabled?: boolean; payouts_enabled?: boolean; details_submitted?: boolean; currently_due?: string[]; disabled_reason?: string | null }) {
    const account = this.account(id);
    if (!account) throw notFound("account", id);
    const previous = { charges_enabled: account.charges_enabled, payouts_enabled: account.payouts_enabled, details_submitted: account.details_submitted, requirements: structuredClone(account.requirements) };
    if (changes.charges_enabled !== undefined) account.charges_enabled = changes.charges_enabled;
    if (changes.payouts_enabled !== undefined) account.payouts_enabled = changes.payouts_enabled;
    if (changes.details_submitted !== undefined) account.details_submitted = changes.details_submitted;
    if (changes.currently_due !== undefined || changes.disabled_reason !== undefined) {
      account.requirements = this.requirements(changes.currently_due ?? (account.requirements as { currently_due: string[] }).currently_due, changes.disabled_reason);
    }
    account.capabilities = { card_payments: account.charges_enabled ? "active" : "inactive", transfers: account.payouts_enabled ? "active" : "inactive" };
    this.store.touch();
    this.webhooks.emit("account.updated", present(account), account.id, { previous });
    return account;
  }

  issueOAuthCode(accountId: string): string {
    const code = newId("ac", 24);
    this.store.oauthCodes.set(code, { account: accountId, used: false });
    this.store.touch();
    return code;
  }

  exchangeOAuthCode(code: string) {
    const entry = this.store.oauthCodes.get(code);
    if (!entry) return { error: "invalid_grant", error_description: `Authorization code does not exist: ${code}` };
    if (entry.used) return { error: "invalid_grant", error_description: `Authorization code has already been used: ${code}` };
    entry.used = true;
    this.store.touch();
    const account = this.account(entry.account);
    if (!account) return { error: "invalid_grant", error_description: "The account behind this code no longer exists." };
    return {
      access_token: newId("sk_test_sandbox_access", 24),
      livemode: false,
      refresh_token: newId("rt", 24),
      scope: "read_write",
      stripe_publishable_key: this.config.publishableKey,
      stripe_user_id: account.id,
      token_type: "bearer",
    };
  }

  deauthorize(accountId: string) {
    const account = this.account(accountId);
    if (!account) return false;
    account._connected = false;
    this.store.touch();
    // Stripe sends this event for the account, with a platform-side Application as its object.
    this.webhooks.emit("account.application.deauthorized", { id: "ca_" + this.config.clientId.replace(/^ca_/, ""), object: "application", created: now(), name: "Amply" }, account.id);
    return true;
  }

  pricingFor(account: Account): Pricing {
    return this.pricing.get(account.id) ?? DEFAULT_PRICING[account.default_currency] ?? { percentBps: 290, fixed: 30 };
  }

  setPricing(accountId: string, pricing: Pricing) {
    this.pricing.set(accountId, pricing);
  }

  // ------------------------------------------------------------------------------------------
  // Customers, payment methods, products and prices
  // ------------------------------------------------------------------------------------------

  createCustomer(account: string, input: { email?: string; name?: string; metadata: Record<string, string>; defaultPaymentMethod?: string }) {
    const customer: Obj = {
      id: newId("cus", 14),
      object: "customer",
      created: now(),
      email: input.email ?? null,
      name: input.name ?? null,
      description: null,
      balance: 0,
      currency: null,
      livemode: false,
      metadata: input.metadata,
      invoice_settings: { default_payment_method: input.defaultPaymentMethod ?? null, custom_fields: null, footer: null, rendering_options: null },
      _cash: {},
    };
    this.store.put(account, customer);
    this.webhooks.emit("customer.created", present(customer), this.eventAccount(account));
    return customer;
  }

  createPaymentMethod(account: string, data: Record<string, unknown>): Obj {
    const type = String(data.type ?? "");
    const billing = (data.billing_details ?? {}) as Record<string, string>;
    const pm: Obj = {
      id: newId("pm", 24),
      object: "payment_method",
      created: now(),
      type,
      customer: null,
      livemode: false,
      metadata: {},
      billing_details: { name: billing.name ?? null, email: billing.email ?? null, phone: null, address: null },
    };
    if (type === "card") {
      const card = (data.card ?? {}) as Record<string, string>;
      const number = (card.number ?? "").replace(/\s+/g, "");
      if (!luhn(number)) throw new StripeApiError(402, { type: "card_error", code: "incorrect_number", param: "number", message: "Your card number is incorrect." });
      const expMonth = Number(card.exp_month);
      let expYear = Number(card.exp_year);
      if (expYear < 100) expYear += 2000;
      const today = new Date();
      if (!(expMonth >= 1 && expMonth <= 12)) throw new StripeApiError(402, { type: "card_error", code: "invalid_expiry_month", param: "exp_month", message: "Your card's expiration month is invalid." });
      if (expYear < today.getUTCFullYear() || (expYear === today.getUTCFullYear() && expMonth < today.getUTCMonth() + 1)) {
        throw new StripeApiError(402, { type: "card_error", code: "invalid_expiry_year", param: "exp_year", message: "Your card's expiration year is in the past." });
      }
      if (!/^\d{3,4}$/.test(card.cvc ?? "")) throw new StripeApiError(402, { type: "card_error", code: "invalid_cvc", param: "cvc", message: "Your card's security code is invalid." });
      pm.card = { brand: cardBrand(number), last4: number.slice(-4), exp_month: expMonth, exp_year: expYear, country: "US", funding: "credit", fingerprint: newId("fp", 12).slice(3) };
      pm._number = number;
    } else if (type === "sepa_debit") {
      const iban = String((data.sepa_debit as Record<string, string> | undefined)?.iban ?? "").replace(/\s+/g, "").toUpperCase();
      if (!ibanValid(iban)) throw invalid("The IBAN you provided is invalid.", "sepa_debit[iban]", "invalid_bank_account_iban");
      if (!billing.name || !billing.email) throw invalid("SEPA Direct Debit needs the account holder's name and email.", "billing_details[name]", "parameter_missing");
      pm.sepa_debit = { bank_code: iban.slice(4, 12), branch_code: "", country: iban.slice(0, 2), last4: iban.slice(-4), fingerprint: newId("fp", 12).slice(3) };
      pm._iban = iban;
    } else if (REDIRECT_METHODS.has(type) || type === "customer_balance") {
      pm[type] = {};
    } else {
      throw invalid(`Invalid payment_method_data[type]: ${type || "(none)"}`, "payment_method_data[type]");
    }
    this.store.put(account, pm);
    return pm;
  }

  attachPaymentMethod(account: string, pmId: string, customerId: string) {
    const pm = this.store.get(account, pmId, "payment_method");
    if (!pm) throw notFound("PaymentMethod", pmId);
    if (!this.store.get(account, customerId, "customer")) throw notFound("customer", customerId, "customer");
    pm.customer = customerId;
    this.store.touch();
    this.webhooks.emit("payment_method.attached", present(pm), this.eventAccount(account));
    return pm;
  }

  createProduct(account: string, input: { name: string; metadata: Record<string, string>; id?: string }) {
    const product: Obj = { id: input.id ?? newId("prod", 14), object: "product", created: now(), name: input.name, active: true, metadata: input.metadata, livemode: false, type: "service", default_price: null };
    if (this.store.get(account, product.id)) throw invalid(`Product already exists.`, "id", "resource_already_exists");
    return this.store.put(account, product);
  }

  createPrice(account: string, input: { currency: string; unitAmount: number; product: string; interval?: string; metadata?: Record<string, string> }) {
    this.assertCurrency(input.currency, "currency");
    if (!this.store.get(account, input.product, "product")) throw notFound("product", input.product, "product");
    const price: Obj = {
      id: newId("price", 24),
      object: "price",
      created: now(),
      active: true,
      currency: input.currency,
      unit_amount: input.unitAmount,
      product: input.product,
      recurring: input.interval ? { interval: input.interval, interval_count: 1, usage_type: "licensed", meter: null } : null,
      type: input.interval ? "recurring" : "one_time",
      billing_scheme: "per_unit",
      livemode: false,
      metadata: input.metadata ?? {},
    };
    return this.store.put(account, price);
  }

  // ------------------------------------------------------------------------------------------
  // PaymentIntents
  // ------------------------------------------------------------------------------------------

  assertCurrency(currency: string, param: string) {
    if (!SUPPORTED_CURRENCIES.has(currency)) {
      throw invalid(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...SUPPORTED_CURRENCIES].join(", ")}`, param);
    }
  }

  /** Stripe's minimum and maximum charge, in presentment and after conversion (ERRATA 2). */
  assertAmount(account: Account, amount: number, currency: string) {
    if (!Number.isInteger(amount) || amount < 1) throw invalid("This value must be greater than or equal to 1.", "amount");
    if (decimalsOf(currency) === 3 && amount % 10 !== 0) throw invalid("Amounts in three-decimal currencies must end in 0.", "amount", "invalid_amount");
    if (currency === "isk" && amount % 100 !== 0) throw invalid("ISK amounts must be whole krónur (divisible by 100).", "amount", "invalid_amount");
    if (amount > 99_999_999) throw invalid(`Amount must be no more than ${formatMinor(99_999_999, currency)}`, "amount", "amount_too_large");
    const minimum = minimumCharge(currency);
    if (minimum !== null && amount < minimum) {
      throw invalid(`Amount must be at least ${formatMinor(minimum, currency)}`, "amount", "amount_too_small");
    }
    const settlement = account.default_currency;
    const settledMinimum = minimumCharge(settlement) ?? 50;
    const converted = this.fx.convert(amount, currency, settlement).amount;
    if (converted < settledMinimum) {
      throw invalid(
        `Amount must convert to at least ${formatMinor(settledMinimum, settlement)}. ${formatMinor(amount, currency)} converts to approximately ${formatMinor(converted, settlement)}.`,
        "amount",
        "amount_too_small",
      );
    }
  }

  assertDescriptorSuffix(account: Account, suffix: string | undefined) {
    if (suffix === undefined) return;
    const prefix = String((account.settings as { payments: { statement_descriptor: string } }).payments.statement_descriptor).slice(0, 10);
    if (/[<>\\'"*]/.test(suffix) || /[^\x20-\x7E]/.test(suffix)) {
      throw invalid("The statement descriptor suffix must be Latin characters only and cannot contain < > \\ ' \" *.", "statement_descriptor_suffix", "invalid_statement_descriptor");
    }
    if (`${prefix}* ${suffix}`.length > 22) {
      throw invalid(`The statement descriptor "${prefix}* ${suffix}" is longer than 22 characters.`, "statement_descriptor_suffix", "invalid_statement_descriptor");
    }
  }

  private methodTypesFor(currency: string, allowed: string[] | null, excluded: string[]) {
    if (allowed) return allowed;
    const types = ["card"];
    if (currency === "eur") types.push("sepa_debit", "ideal", "bancontact", "p24");
    if (currency === "pln") types.push("p24");
    return types.filter((type) => !excluded.includes(type));
  }

  createPaymentIntent(
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
    const account = this.account(accountId);
    if (!account) throw invalid("Direct charges need a connected account: send the Stripe-Account header.", undefined, "account_invalid");
    if (!account.charges_enabled) {
      throw invalid("Your account cannot currently make charges: charges_enabled is false. Finish onboarding on Stripe.", undefined, "account_charges_disabled");
    }
    this.assertCurrency(input.currency, "currency");
    this.assertAmount(account, input.amount, input.currency);
    this.assertDescriptorSuffix(account, input.statementDescriptorSuffix);
    if (input.customer && !this.store.get(accountId, input.customer, "customer")) throw notFound("customer", input.customer, "customer");
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
      payment_method_types: this.methodTypesFor(input.currency, allowed, input.excluded ?? []),
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
    this.store.put(accountId, pi);
    this.webhooks.emit("payment_intent.created", present(pi), accountId, { idempotencyKey: input.idempotencyKey });
    return pi;
  }

  intent(accountId: string, id: string): PaymentIntent {
    const pi = this.store.get<PaymentIntent>(accountId, id, "payment_intent");
    if (!pi) throw notFound("payment_intent", id, "intent");
    return pi;
  }

  updatePaymentIntent(accountId: string, id: string, changes: { amount?: number; currency?: string; metadata?: Record<string, string>; description?: string | null; receiptEmail?: string | null; statementDescriptorSuffix?: string; customer?: string }) {
    const pi = this.intent(accountId, id);
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
      throw invalid(`This PaymentIntent's status is ${pi.status}: it can no longer be updated.`, undefined, "payment_intent_unexpected_state");
    }
    const account = this.account(accountId) as Account;
    const currency = changes.currency ?? pi.currency;
    const amount = changes.amount ?? pi.amount;
    if (changes.currency) this.assertCurrency(currency, "currency");
    if (changes.amount !== undefined || changes.currency) this.assertAmount(account, amount, currency);
    this.assertDescriptorSuffix(account, changes.statementDescriptorSuffix);
    pi.amount = amount;
    pi.currency = currency;
    if (changes.metadata) pi.metadata = changes.metadata;
    if (changes.description !== undefined) pi.description = changes.description;
    if (changes.receiptEmail !== undefined) pi.receipt_email = changes.receiptEmail;
    if (changes.statementDescriptorSuffix !== undefined) pi.statement_descriptor_suffix = changes.statementDescriptorSuffix;
    if (changes.customer !== undefined) pi.customer = changes.customer;
    this.store.touch();
    return pi;
  }

  cancelPaymentIntent(accountId: string, id: string, reason?: string) {
    const pi = this.intent(accountId, id);
    if (["succeeded", "canceled", "processing"].includes(pi.status)) {
      throw invalid(`You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`, undefined, "payment_intent_unexpected_state");
    }
    pi.status = "canceled";
    pi.canceled_at = now();
    pi.cancellation_reason = reason ?? null;
    pi.next_action = null;
    this.store.touch();
    this.webhooks.emit("payment_intent.canceled", present(pi), accountId);
    return pi;
  }

  /**
   * Confirm with a payment method: the test-card table decides cards; SEPA goes to processing;
   * redirect methods and 3-D Secure wait in requires_action; customer_balance shows bank details.
   */
  confirmPaymentIntent(accountId: string, id: string, input: { paymentMethod?: string; paymentMethodData?: Record<string, unknown>; returnUrl?: string; offSession?: boolean; paymentMethodOptions?: Record<string, unknown> }) {
    const pi = this.intent(accountId, id);
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
      throw invalid(`You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`, undefined, "payment_intent_unexpected_state");
    }
    let pm: Obj | undefined;
    if (input.paymentMethod) {
      pm = this.store.get(accountId, input.paymentMethod, "payment_method");
      if (!pm) throw notFound("payment_method", input.paymentMethod, "payment_method");
    } else if (input.paymentMethodData) {
      try {
        pm = this.createPaymentMethod(accountId, input.paymentMethodData);
      } catch (error) {
        if (error instanceof StripeApiError && error.body.type === "card_error") return this.fail(pi, accountId, undefined, error.body.code as string, error.body.message, undefined, error.status);
        throw error;
      }
    } else if (pi.payment_method) {
      pm = this.store.get(accountId, String(pi.payment_method), "payment_method");
    }
    if (!pm) throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method", "payment_intent_unexpected_state");
    const type = String(pm.type);
    if (!(pi.payment_method_types as string[]).includes(type)) {
      throw invalid(`The payment method type "${type}" is not available for this PaymentIntent (${(pi.payment_method_types as string[]).join(", ")}).`, "payment_method", "payment_intent_incompatible_payment_method");
    }
    if (input.paymentMethodOptions) pi.payment_method_options = { ...(pi.payment_method_options as object), ...input.paymentMethodOptions };
    pi.payment_method = pm.id;
    pi.last_payment_error = null;
    if (pi.setup_future_usage && pi.customer) pm.customer = pi.customer;

    if (type === "card") {
      const outcome = CARD_OUTCOMES[String(pm._number)] ?? {};
      if (outcome.decline) return this.fail(pi, accountId, pm, "card_declined", outcome.message as string, outcome.decline);
      if (outcome.threeDS && !input.offSession) {
        pi.status = "requires_action";
        pi.next_action = {
          type: "use_stripe_sdk",
          use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `${this.config.baseUrl}/authenticate/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret)}` },
        };
        pi._return_url = input.returnUrl ?? null;
        this.store.touch();
        this.webhooks.emit("payment_intent.requires_action", present(pi), accountId);
        return pi;
      }
      if (outcome.threeDS && input.offSession) return this.fail(pi, accountId, pm, "authentication_required", "Your card was declined. This transaction requires authentication.", "authentication_required");
      return this.succeed(pi, accountId, pm);
    }
    if (type === "sepa_debit") {
      pi.status = "processing";
      pi.processing = null;
      const charge = this.createCharge(pi, accountId, pm, "pending");
      pi.latest_charge = charge.id;
      this.store.touch();
      this.webhooks.emit("charge.pending", charge, accountId);
      this.webhooks.emit("payment_intent.processing", present(pi), accountId);
      return pi;
    }
    if (REDIRECT_METHODS.has(type)) {
      if (!input.returnUrl) throw invalid("A return_url is required to confirm this PaymentIntent with a redirect-based payment method.", "return_url");
      pi.status = "requires_action";
      pi._return_url = input.returnUrl;
      pi.next_action = {
        type: "redirect_to_url",
        redirect_to_url: { return_url: input.returnUrl, url: `${this.config.baseUrl}/redirect/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret)}` },
      };
      this.store.touch();
      this.webhooks.emit("payment_intent.requires_action", present(pi), accountId);
      return pi;
    }
    if (type === "customer_balance") return this.awaitBankTransfer(pi, accountId);
    throw invalid(`Unsupported payment method type ${type}.`, "payment_method_data[type]");
  }

  /** The 3-D Secure challenge or bank redirect was completed (or failed) by the person. */
  completeAction(accountId: string, id: string, outcome: "succeed" | "fail") {
    const pi = this.intent(accountId, id);
    if (pi.status !== "requires_action") return pi;
    const pm = this.store.get(accountId, String(pi.payment_method), "payment_method") as Obj;
    pi.next_action = null;
    if (outcome === "fail") {
      const message = pm.type === "card" ? "We are unable to authenticate your payment method. Please choose a different payment method and try again." : "The customer failed or cancelled the payment on their bank's page.";
      return this.fail(pi, accountId, pm, "payment_intent_authentication_failure", message);
    }
    return this.succeed(pi, accountId, pm);
  }

  private createCharge(pi: PaymentIntent, accountId: string, pm: Obj, status: "succeeded" | "pending" | "failed", failure?: { code: string; message: string; decline?: string }): Charge {
    const type = String(pm.type);
    const details: Record<string, unknown> = { type };
    if (type === "card") details.card = { ...(pm.card as object), network: pm.card && (pm.card as { brand: string }).brand, three_d_secure: null };
    else if (type === "sepa_debit") details.sepa_debit = { ...(pm.sepa_debit as object), mandate: newId("mandate", 24) };
    else details[type] = {};
    const account = this.account(accountId) as Account;
    const prefix = String((account.settings as { payments: { statement_descriptor: string } }).payments.statement_descriptor).slice(0, 10);
    const charge: Charge = {
      id: newId(type === "sepa_debit" ? "py" : "ch", 24),
      object: "charge",
      created: now(),
      amount: pi.amount,
      amount_captured: status === "succeeded" ? pi.amount : 0,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: null,
      billing_details: pm.billing_details,
      calculated_statement_descriptor: pi.statement_descriptor_suffix ? `${prefix}* ${String(pi.statement_descriptor_suffix)}` : prefix,
      captured: status === "succeeded",
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      fraud_details: {},
      livemode: false,
      metadata: { ...pi.metadata },
      on_behalf_of: null,
      outcome: {
        network_status: status === "failed" ? "declined_by_network" : "approved_by_network",
        reason: failure?.decline ?? null,
        risk_level: "normal",
        seller_message: status === "failed" ? "The bank did not return any further details with this decline." : "Payment complete.",
        type: status === "failed" ? "issuer_declined" : "authorized",
      },
      paid: status === "succeeded",
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: details,
      receipt_email: pi.receipt_email,
      receipt_number: null,
      receipt_url: `${this.config.baseUrl}/receipts/${pi.id}`,
      refunded: false,
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: null,
      statement_descriptor_suffix: pi.statement_descriptor_suffix,
      status,
      transfer_data: null,
      transfer_group: null,
    };
    return this.store.put(accountId, charge);
  }

  /** Book a balance transaction in the account's settlement currency (ERRATA 18b). */
  private book(accountId: string, input: { amount: number; currency: string; type: string; source: string; category: string; description?: string | null; fee?: number; feeDescription?: string; feeIsSettled?: boolean }) {
    const account = this.account(accountId) ?? (this.store.get<Account>(accountId, accountId, "account") as Account);
    const settlement = account.default_currency;
    const { amount, rate } = this.fx.convert(input.amount, input.currency, settlement);
    const fee = input.fee ?? 0;
    const txn: Obj = {
      id: newId("txn", 24),
      object: "balance_transaction",
      created: now(),
      amount,
      available_on: now() + 2 * 86_400,
      balance_type: "payments",
      currency: settlement,
      description: input.description ?? null,
      exchange_rate: rate === null ? null : Number(rate),
      fee,
      fee_details: fee ? [{ amount: fee, application: null, currency: settlement, description: input.feeDescription ?? "Stripe processing fees", type: "stripe_fee" }] : [],
      net: amount - fee,
      reporting_category: input.category,
      source: input.source,
      status: "pending",
      type: input.type,
      _paid_out: false,
    };
    return this.store.put(accountId, txn);
  }

  private succeed(pi: PaymentIntent, accountId: string, pm: Obj, existingCharge?: Charge): PaymentIntent {
    const account = this.account(accountId) as Account;
    const charge = existingCharge ?? this.createCharge(pi, accountId, pm, "succeeded");
    charge.status = "succeeded";
    charge.paid = true;
    charge.captured = true;
    charge.amount_captured = charge.amount;
    const settled = this.fx.convert(charge.amount, charge.currency, account.default_currency).amount;
    const txn = this.book(accountId, {
      amount: charge.amount,
      currency: charge.currency,
      type: "charge",
      source: charge.id,
      category: "charge",
      description: pi.description as string | null,
      fee: chargeFee(settled, this.pricingFor(account)),
    });
    charge.balance_transaction = txn.id;
    pi.status = "succeeded";
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
    pi.next_action = null;
    this.store.touch();
    this.webhooks.emit("charge.succeeded", charge, accountId);
    this.webhooks.emit("payment_intent.succeeded", present(pi), accountId);
    this.afterPayment(pi, accountId, pm, true);
    return pi;
  }

  private fail(pi: PaymentIntent, accountId: string, pm: Obj | undefined, code: string, message: string, decline?: string, httpStatus = 402): PaymentIntent {
    let chargeId: string | null = null;
    if (pm && code !== "payment_intent_authentication_failure") {
      const charge = this.createCharge(pi, accountId, pm, "failed", { code, message, decline });
      chargeId = charge.id;
      this.webhooks.emit("charge.failed", charge, accountId);
    }
    pi.status = "requires_payment_method";
    pi.latest_charge = chargeId ?? pi.latest_charge;
    pi.next_action = null;
    pi.last_payment_error = {
      type: code === "payment_intent_authentication_failure" ? "invalid_request_error" : "card_error",
      code,
      ...(decline ? { decline_code: decline } : {}),
      message,
      charge: chargeId,
      payment_method: pm ? present(pm) : null,
    };
    this.store.touch();
    this.webhooks.emit("payment_intent.payment_failed", present(pi), accountId);
    this.afterPayment(pi, accountId, pm, false);
    if (code === "payment_intent_authentication_failure") return pi;
    throw new StripeApiError(httpStatus, {
      type: "card_error",
      code,
      ...(decline ? { decline_code: decline } : {}),
      message,
      charge: chargeId,
      payment_intent: present(pi),
      payment_method: pm ? present(pm) : undefined,
    });
  }

  /** A processing SEPA debit settles (or bounces) days later; the control API stands in for time. */
  settleProcessing(accountId: string, id: string, outcome: "succeeded" | "failed") {
    const pi = this.intent(accountId, id);
    if (pi.status !== "processing") throw invalid(`PaymentIntent ${id} is ${pi.status}, not processing.`);
    const charge = this.store.get<Charge>(accountId, String(pi.latest_charge), "charge") as Charge;
    const pm = this.store.get(accountId, String(pi.payment_method), "payment_method") as Obj;
    const bounces = outcome === "failed" || FAILING_IBANS.has(String(pm._iban));
    if (!bounces) return this.succeed(pi, accountId, pm, charge);
    charge.status = "failed";
    charge.failure_code = "insufficient_funds";
    charge.failure_message = "The customer's account has insufficient funds to cover this payment.";
    this.webhooks.emit("charge.failed", charge, accountId);
    try {
      this.fail(pi, accountId, undefined, "payment_method_provider_decline", "The customer's bank declined the debit (insufficient funds).", "insufficient_funds");
    } catch {
      // A settlement failure is not an API error for anyone; the events tell it.
    }
    return pi;
  }

  // ------------------------------------------------------------------------------------------
  // Bank transfers (customer_balance)
  // ------------------------------------------------------------------------------------------

  fundingInstructions(accountId: string, currency: string, type: string, country?: string) {
    const account = this.account(accountId) as Account;
    const holder = String((account.business_profile as { name: string | null }).name ?? "Sandbox account");
    if (type === "eu_bank_transfer") {
      if (currency !== "eur") throw invalid("eu_bank_transfer takes EUR only.", "currency");
      const iban = `${country ?? "DE"}89370400440532013000`;
      return { type, country: country ?? "DE", financial_addresses: [{ type: "iban", iban: { account_holder_name: holder, bic: "SXPYDEHH", country: country ?? "DE", iban }, supported_networks: ["sepa"] }] };
    }
    if (type === "gb_bank_transfer") {
      if (currency !== "gbp") throw invalid("gb_bank_transfer takes GBP only.", "currency");
      return { type, financial_addresses: [{ type: "sort_code", sort_code: { account_holder_name: holder, account_number: "00012345", sort_code: "108800" }, supported_networks: ["bacs", "fps"] }] };
    }
    if (type === "us_bank_transfer") {
      if (currency !== "usd") throw invalid("us_bank_transfer takes USD only.", "currency");
      return { type, financial_addresses: [{ type: "aba", aba: { account_holder_name: holder, account_number: "984344187352", bank_name: "Sandbox Bank", routing_number: "110000000" }, supported_networks: ["ach", "domestic_wire_us"] }] };
    }
    throw invalid(`Invalid bank_transfer[type]: ${type}`, "bank_transfer[type]");
  }

  private awaitBankTransfer(pi: PaymentIntent, accountId: string): PaymentIntent {
    if (!pi.customer) throw invalid("A customer is required to use the customer_balance payment method.", "customer", "parameter_missing");
    const options = (pi.payment_method_options as { customer_balance?: { funding_type?: string; bank_transfer?: { type?: string; eu_bank_transfer?: { country?: string } } } }).customer_balance;
    const bankTransfer = options?.bank_transfer;
    if (options?.funding_type !== "bank_transfer" || !bankTransfer?.type) {
      throw invalid("payment_method_options[customer_balance][funding_type] must be bank_transfer, with a bank_transfer[type].", "payment_method_options[customer_balance]");
    }
    const instructions = this.fundingInstructions(accountId, pi.currency, bankTransfer.type, bankTransfer.eu_bank_transfer?.country);
    pi._reference ??= newId("x", 10).slice(2).toUpperCase();
    pi.status = "requires_action";
    pi.next_action = {
      type: "display_bank_transfer_instructions",
      display_bank_transfer_instructions: {
        amount_remaining: pi.amount - Number(pi.amount_received),
        currency: pi.currency,
        financial_addresses: instructions.financial_addresses,
        hosted_instructions_url: `${this.config.baseUrl}/bank-transfer/${pi.id}`,
        reference: pi._reference,
        type: bankTransfer.type,
      },
    };
    this.store.touch();
    this.webhooks.emit("payment_intent.requires_action", present(pi), accountId);
    return pi;
  }

  /** Money arrives in the customer's cash balance and settles waiting PaymentIntents (reference first). */
  fundCashBalance(accountId: string, customerId: string, amount: number, currency: string, reference?: string) {
    const customer = this.store.get(accountId, customerId, "customer");
    if (!customer) throw notFound("customer", customerId, "customer");
    if (!Number.isInteger(amount) || amount <= 0) throw invalid("amount must be a positive integer", "amount");
    const balances = customer._cash as Record<string, number>;
    balances[currency] = (balances[currency] ?? 0) + amount;
    this.webhooks.emit("cash_balance.funds_available", { id: customerId, object: "cash_balance", created: now(), available: { ...balances }, customer: customerId }, accountId);
    const waiting = this.store
      .all<PaymentIntent>(accountId, "payment_intent")
      .filter((pi) => pi.customer === customerId && pi.currency === currency && pi.status === "requires_action" && (pi.next_action as { type?: string } | null)?.type === "display_bank_transfer_instructions")
      .sort((a, b) => Number(b._reference === reference) - Number(a._reference === reference) || a.created - b.created);
    for (const pi of waiting) {
      const available: number = balances[currency] ?? 0;
      const remaining = pi.amount - Number(pi.amount_received);
      const applied = Math.min(available, remaining);
      if (applied <= 0) break;
      balances[currency] = available - applied;
      pi.amount_received = Number(pi.amount_received) + applied;
      if (pi.amount_received < pi.amount) {
        const action = pi.next_action as { display_bank_transfer_instructions: { amount_remaining: number } };
        action.display_bank_transfer_instructions.amount_remaining = pi.amount - pi.amount_received;
        this.webhooks.emit("payment_intent.partially_funded", present(pi), accountId);
        continue;
      }
      const pm = this.store.get(accountId, String(pi.payment_method), "payment_method") as Obj;
      this.succeed(pi, accountId, pm);
    }
    this.store.touch();
    return { customer: customerId, available: { ...balances } };
  }

  // ------------------------------------------------------------------------------------------
  // Refunds, disputes, payouts
  // ------------------------------------------------------------------------------------------

  createRefund(accountId: string, input: { charge?: string; paymentIntent?: string; amount?: number; reason?: string; metadata: Record<string, string>; idempotencyKey?: string | null }) {
    let charge: Charge | undefined;
    if (input.charge) charge = this.store.get<Charge>(accountId, input.charge, "charge");
    else if (input.paymentIntent) {
      const pi = this.store.get<PaymentIntent>(accountId, input.paymentIntent, "payment_intent");
      if (!pi) throw notFound("payment_intent", input.paymentIntent, "payment_intent");
      charge = pi.latest_charge ? this.store.get<Charge>(accountId, pi.latest_charge, "charge") : undefined;
      if (!charge || charge.status !== "succeeded") throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
    } else throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "charge", "parameter_missing");
    if (!charge) throw notFound("charge", String(input.charge), "charge");
    if (charge.status !== "succeeded") throw invalid(`Charge ${charge.id} has not succeeded; it cannot be refunded yet.`, "charge", "charge_not_refundable");
    if (charge.refunded) throw invalid(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
    const remaining = charge.amount - charge.amount_refunded;
    const amount = input.amount ?? remaining;
    if (!Number.isInteger(amount) || amount < 1) throw invalid("Invalid positive integer", "amount");
    if (amount > remaining) {
      throw invalid(`Refund amount (${formatMinor(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMinor(remaining, charge.currency)})`, "amount", "amount_too_large");
    }
    const refund: Obj = {
      id: newId("re", 24),
      object: "refund",
      created: now(),
      amount,
      balance_transaction: null,
      charge: charge.id,
      currency: charge.currency,
      destination_details: { type: String((charge.payment_method_details as { type: string }).type), card: {} },
      failure_balance_transaction: null,
      failure_reason: null,
      metadata: input.metadata,
      payment_intent: charge.payment_intent,
      reason: input.reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    };
    const txn = this.book(accountId, { amount: -amount, currency: charge.currency, type: "refund", source: String(refund.id), category: "refund", description: "REFUND FOR CHARGE" });
    refund.balance_transaction = txn.id;
    this.store.put(accountId, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.store.touch();
    this.webhooks.emit("refund.created", refund, accountId, { idempotencyKey: input.idempotencyKey });
    this.webhooks.emit("charge.refunded", charge, accountId, { previous: { amount_refunded: charge.amount_refunded - amount, refunded: false } });
    return refund;
  }

  /** A refund can fail after the fact (closed card): its money comes back to the balance. */
  failRefund(accountId: string, refundId: string) {
    const refund = this.store.get(accountId, refundId, "refund");
    if (!refund) throw notFound("refund", refundId);
    if (refund.status === "failed") return refund;
    const charge = this.store.get<Charge>(accountId, String(refund.charge), "charge") as Charge;
    const txn = this.book(accountId, { amount: Number(refund.amount), currency: String(refund.currency), type: "refund_failure", source: refund.id, category: "refund_failure", description: "REFUND FAILURE" });
    refund.status = "failed";
    refund.failure_reason = "expired_or_canceled_card";
    refund.failure_balance_transaction = txn.id;
    charge.amount_refunded -= Number(refund.amount);
    charge.refunded = false;
    this.store.touch();
    this.webhooks.emit("refund.updated", refund, accountId, { previous: { status: "succeeded" } });
    this.webhooks.emit("refund.failed", refund, accountId);
    return refund;
  }

  openDispute(accountId: string, chargeId: string, reason = "fraudulent") {
    const charge = this.store.get<Charge>(accountId, chargeId, "charge");
    if (!charge) throw notFound("charge", chargeId);
    if (charge.status !== "succeeded") throw invalid(`Charge ${chargeId} has not succeeded.`);
    if (charge.disputed) throw invalid(`Charge ${chargeId} is already disputed.`);
    const account = this.account(accountId) as Account;
    const disputeFee = DISPUTE_FEE[account.default_currency] ?? 1500;
    const dispute: Obj = {
      id: newId("dp", 24),
      object: "dispute",
      created: now(),
      amount: charge.amount,
      balance_transactions: [],
      charge: charge.id,
      currency: charge.currency,
      evidence: {},
      evidence_details: { due_by: now() + 7 * 86_400, has_evidence: false, past_due: false, submission_count: 0 },
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason,
      status: "needs_response",
    };
    this.store.put(accountId, dispute);
    charge.disputed = true;
    this.webhooks.emit("charge.dispute.created", dispute, accountId);
    this.webhooks.emit("charge.updated", charge, accountId, { previous: { disputed: false } });
    const txn = this.book(accountId, { amount: -charge.amount, currency: charge.currency, type: "adjustment", source: dispute.id, category: "dispute", description: `Chargeback withdrawal for ${charge.id}`, fee: disputeFee, feeDescription: "Dispute fee" });
    (dispute.balance_transactions as Obj[]).push(present(txn));
    this.store.touch();
    this.webhooks.emit("charge.dispute.funds_withdrawn", dispute, accountId);
    return dispute;
  }

  updateDispute(accountId: string, disputeId: string, status: string) {
    const dispute = this.store.get(accountId, disputeId, "dispute");
    if (!dispute) throw notFound("dispute", disputeId);
    const previous = { status: dispute.status };
    dispute.status = status;
    this.store.touch();
    this.webhooks.emit("charge.dispute.updated", dispute, accountId, { previous });
    return dispute;
  }

  closeDispute(accountId: string, disputeId: string, outcome: "won" | "lost") {
    const dispute = this.store.get(accountId, disputeId, "dispute");
    if (!dispute) throw notFound("dispute", disputeId);
    if (dispute.status === "won" || dispute.status === "lost") throw invalid(`Dispute ${disputeId} is already closed (${String(dispute.status)}).`);
    if (outcome === "won") {
      const txn = this.book(accountId, { amount: Number(dispute.amount), currency: String(dispute.currency), type: "adjustment", source: dispute.id, category: "dispute_reversal", description: `Chargeback reversal for ${String(dispute.charge)}` });
      (dispute.balance_transactions as Obj[]).push(present(txn));
      dispute.status = "won";
      this.webhooks.emit("charge.dispute.funds_reinstated", dispute, accountId);
    } else {
      dispute.status = "lost";
    }
    this.store.touch();
    this.webhooks.emit("charge.dispute.closed", dispute, accountId);
    return dispute;
  }

  payout(accountId: string, outcome: "paid" | "failed" = "paid") {
    const account = this.account(accountId);
    if (!account) throw notFound("account", accountId);
    const open = this.store.all(accountId, "balance_transaction").filter((txn) => !txn._paid_out && txn.type !== "payout" && txn.type !== "payout_failure");
    const total = open.reduce((sum, txn) => sum + Number(txn.net), 0);
    if (total <= 0) throw invalid("There is no positive balance to pay out.", undefined, "balance_insufficient");
    for (const txn of open) {
      txn._paid_out = true;
      txn.status = "available";
    }
    const payout: Obj = {
      id: newId("po", 24),
      object: "payout",
      created: now(),
      amount: total,
      arrival_date: now() + 86_400,
      automatic: true,
      balance_transaction: null,
      currency: account.default_currency,
      description: "STRIPE PAYOUT",
      destination: newId("ba", 24),
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: {},
      method: "standard",
      reconciliation_status: "completed",
      source_type: "card",
      statement_descriptor: null,
      status: "pending",
      type: "bank_account",
    };
    const txn = this.book(accountId, { amount: -total, currency: account.default_currency, type: "payout", source: payout.id, category: "payout", description: "STRIPE PAYOUT" });
    txn._paid_out = true;
    payout.balance_transaction = txn.id;
    this.store.put(accountId, payout);
    this.webhooks.emit("payout.created", payout, accountId);
    if (outcome === "paid") {
      payout.status = "paid";
      this.webhooks.emit("payout.paid", payout, accountId, { previous: { status: "pending" } });
    } else {
      payout.status = "failed";
      payout.failure_code = "account_closed";
      payout.failure_message = "The bank account has been closed.";
      const back = this.book(accountId, { amount: total, currency: account.default_currency, type: "payout_failure", source: payout.id, category: "payout_reversal", description: "PAYOUT FAILURE" });
      back._paid_out = false;
      payout.failure_balance_transaction = back.id;
      for (const item of open) item._paid_out = false;
      this.webhooks.emit("payout.failed", payout, accountId, { previous: { status: "pending" } });
    }
    this.store.touch();
    return payout;
  }

  // ------------------------------------------------------------------------------------------
  // Subscriptions and invoices (ERRATA 19 and 22)
  // ------------------------------------------------------------------------------------------

  createSubscription(
    accountId: string,
    input: {
      customer: string;
      items: Array<{ price?: string; priceData?: { currency: string; product: string; unitAmount: number; interval: string } }>;
      paymentBehavior?: string;
      defaultPaymentMethod?: string;
      metadata: Record<string, string>;
      description?: string;
      saveDefaultPaymentMethod?: boolean;
    },
  ): Subscription {
    const account = this.account(accountId);
    if (!account) throw invalid("Subscriptions for donations are created on the connected account: send Stripe-Account.", undefined, "account_invalid");
    if (!this.store.get(accountId, input.customer, "customer")) throw notFound("customer", input.customer, "customer");
    if (input.items.length !== 1) throw invalid("The sandbox supports exactly one subscription item.", "items");
    const item = input.items[0] as (typeof input.items)[number];
    let price: Obj | undefined;
    if (item.price) price = this.store.get(accountId, item.price, "price");
    else if (item.priceData) {
      price = this.createPrice(accountId, { currency: item.priceData.currency, unitAmount: item.priceData.unitAmount, product: item.priceData.product, interval: item.priceData.interval });
    }
    if (!price) throw invalid("Each item needs a price or price_data.", "items[0][price]");
    const recurring = price.recurring as { interval: string } | null;
    if (!recurring) throw invalid("The price must be recurring.", "items[0][price]");
    this.assertAmount(account, Number(price.unit_amount), String(price.currency));
    const start = now();
    const end = this.periodEnd(start, recurring.interval);
    const id = newId("sub", 24);
    const subscription: Subscription = {
      id,
      object: "subscription",
      created: start,
      billing_cycle_anchor: start,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      collection_method: "charge_automatically",
      currency: price.currency,
      customer: input.customer,
      default_payment_method: input.defaultPaymentMethod ?? null,
      description: input.description ?? null,
      ended_at: null,
      items: {
        object: "list",
        data: [{ id: newId("si", 14), object: "subscription_item", created: start, price, quantity: 1, subscription: id, current_period_start: start, current_period_end: end, metadata: {} }],
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      latest_invoice: null,
      livemode: false,
      metadata: input.metadata,
      payment_settings: { save_default_payment_method: input.saveDefaultPaymentMethod ? "on_subscription" : "off", payment_method_types: null, payment_method_options: null },
      start_date: start,
      status: "incomplete",
      _behavior: input.paymentBehavior ?? "allow_incomplete",
    };
    this.store.put(accountId, subscription);
    this.webhooks.emit("customer.subscription.created", present(subscription), accountId);
    this.invoice(accountId, subscription, "subscription_create", start, end);
    return subscription;
  }

  private periodEnd(start: number, interval: string): number {
    const date = new Date(start * 1000);
    if (interval === "year") date.setUTCFullYear(date.getUTCFullYear() + 1);
    else if (interval === "week") date.setUTCDate(date.getUTCDate() + 7);
    else if (interval === "day") date.setUTCDate(date.getUTCDate() + 1);
    else date.setUTCMonth(date.getUTCMonth() + 1);
    return Math.floor(date.getTime() / 1000);
  }

  private invoice(accountId: string, subscription: Subscription, reason: string, start: number, end: number) {
    const item = subscription.items.data[0] as Obj & { price: Obj };
    const amount = Number(item.price.unit_amount);
    const currency = String(item.price.currency);
    const invoiceId = newId("in", 24);
    const pi = this.createPaymentIntent(accountId, {
      amount,
      currency,
      customer: subscription.customer,
      metadata: {},
      description: `Subscription ${reason === "subscription_create" ? "creation" : "update"}`,
      setupFutureUsage: "off_session",
    });
    pi._invoice = invoiceId;
    const customer = this.store.get(accountId, subscription.customer, "customer") as Obj;
    const invoice: Obj = {
      id: invoiceId,
      object: "invoice",
      created: now(),
      amount_due: amount,
      amount_paid: 0,
      amount_remaining: amount,
      attempt_count: 0,
      attempted: false,
      billing_reason: reason,
      collection_method: "charge_automatically",
      currency,
      customer: subscription.customer,
      customer_email: customer.email,
      customer_name: customer.name,
      default_payment_method: null,
      description: null,
      hosted_invoice_url: `${this.config.baseUrl}/invoices/${invoiceId}`,
      lines: {
        object: "list",
        data: [{ id: newId("il", 24), object: "line_item", amount, currency, description: `1 × donation (at ${formatMinor(amount, currency)} / ${String((item.price.recurring as { interval: string }).interval)})`, period: { start, end }, quantity: 1, pricing: { type: "price_details", price_details: { price: item.price.id, product: item.price.product } } }],
        has_more: false,
        url: `/v1/invoices/${invoiceId}/lines`,
      },
      livemode: false,
      metadata: {},
      number: `SBX-${String(this.store.all(accountId, "invoice").length + 1).padStart(4, "0")}`,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id } },
      period_start: start,
      period_end: end,
      status: "open",
      status_transitions: { finalized_at: now(), marked_uncollectible_at: null, paid_at: null, voided_at: null },
      subtotal: amount,
      total: amount,
      _payment_intent: pi.id,
      _client_secret: pi.client_secret,
    };
    this.store.put(accountId, invoice);
    subscription.latest_invoice = invoiceId;
    this.store.touch();
    this.webhooks.emit("invoice.created", this.publicInvoice(accountId, invoice), accountId);
    this.webhooks.emit("invoice.finalized", this.publicInvoice(accountId, invoice), accountId);
    return { invoice, pi };
  }

  /** The invoice as the API shows it; `payments` and `confirmation_secret` only when asked for. */
  publicInvoice(accountId: string, invoice: Obj, include: { payments?: boolean; confirmationSecret?: boolean } = {}): Obj {
    const piId = invoice._payment_intent;
    const secret = invoice._client_secret;
    const result = present(invoice);
    if (include.confirmationSecret) result.confirmation_secret = invoice.status === "open" ? { client_secret: secret, type: "payment_intent" } : null;
    if (include.payments) {
      const pi = this.store.get<PaymentIntent>(accountId, String(piId), "payment_intent");
      result.payments = {
        object: "list",
        data: pi
          ? [{ id: `inpay_${String(piId).slice(3)}`, object: "invoice_payment", amount_paid: invoice.status === "paid" ? invoice.amount_paid : null, amount_requested: invoice.amount_due, created: invoice.created, currency: invoice.currency, invoice: invoice.id, is_default: true, livemode: false, payment: { type: "payment_intent", payment_intent: pi.id }, status: invoice.status === "paid" ? "paid" : "open" }]
          : [],
        has_more: false,
        url: `/v1/invoice_payments?invoice=${String(invoice.id)}`,
      };
    }
    return result;
  }

  /** After a PaymentIntent of an invoice is paid or fails: the invoice and subscription follow. */
  private afterPayment(pi: PaymentIntent, accountId: string, pm: Obj | undefined, paid: boolean) {
    if (!pi._invoice) return;
    const invoice = this.store.get(accountId, String(pi._invoice), "invoice");
    if (!invoice) return;
    const subscriptionId = (invoice.parent as { subscription_details: { subscription: string } }).subscription_details.subscription;
    const subscription = this.store.get<Subscription>(accountId, subscriptionId, "subscription") as Subscription;
    invoice.attempted = true;
    invoice.attempt_count = Number(invoice.attempt_count) + 1;
    const previous = { status: subscription.status };
    if (paid) {
      invoice.status = "paid";
      invoice.amount_paid = invoice.amount_due;
      invoice.amount_remaining = 0;
      (invoice.status_transitions as Record<string, unknown>).paid_at = now();
      if (pm && (subscription.payment_settings as { save_default_payment_method: string }).save_default_payment_method === "on_subscription") {
        subscription.default_payment_method = pm.id;
        pm.customer = subscription.customer;
      }
      subscription.status = "active";
      this.webhooks.emit("invoice.paid", this.publicInvoice(accountId, invoice), accountId);
      this.webhooks.emit("invoice.payment_succeeded", this.publicInvoice(accountId, invoice), accountId);
    } else {
      if (invoice.billing_reason !== "subscription_create") subscription.status = "past_due";
      this.webhooks.emit("invoice.payment_failed", this.publicInvoice(accountId, invoice), accountId);
    }
    this.store.touch();
    if (previous.status !== subscription.status) this.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous });
  }

  subscription(accountId: string, id: string): Subscription {
    const subscription = this.store.get<Subscription>(accountId, id, "subscription");
    if (!subscription) throw notFound("subscription", id);
    return subscription;
  }

  updateSubscription(accountId: string, id: string, changes: { metadata?: Record<string, string>; cancelAtPeriodEnd?: boolean; defaultPaymentMethod?: string; unitAmount?: number }) {
    const subscription = this.subscription(accountId, id);
    if (subscription.status === "canceled") throw invalid("A canceled subscription can't be updated.", undefined, "resource_missing");
    const previous: Record<string, unknown> = {};
    if (changes.metadata) {
      previous.metadata = subscription.metadata;
      subscription.metadata = changes.metadata;
    }
    if (changes.cancelAtPeriodEnd !== undefined) {
      previous.cancel_at_period_end = subscription.cancel_at_period_end;
      subscription.cancel_at_period_end = changes.cancelAtPeriodEnd;
      subscription.cancel_at = changes.cancelAtPeriodEnd ? (subscription.items.data[0] as unknown as { current_period_end: number }).current_period_end : null;
    }
    if (changes.defaultPaymentMethod) {
      previous.default_payment_method = subscription.default_payment_method;
      subscription.default_payment_method = changes.defaultPaymentMethod;
    }
    if (changes.unitAmount !== undefined) {
      const item = subscription.items.data[0] as Obj & { price: Obj };
      previous.items = structuredClone(subscription.items);
      item.price = this.createPrice(accountId, { currency: String(item.price.currency), unitAmount: changes.unitAmount, product: String(item.price.product), interval: (item.price.recurring as { interval: string }).interval });
    }
    this.store.touch();
    this.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous });
    return subscription;
  }

  cancelSubscription(accountId: string, id: string) {
    const subscription = this.subscription(accountId, id);
    if (subscription.status === "canceled") throw invalid(`No such subscription: '${id}' (it is already canceled)`, undefined, "resource_missing");
    subscription.status = "canceled";
    subscription.canceled_at = now();
    subscription.ended_at = now();
    this.store.touch();
    this.webhooks.emit("customer.subscription.deleted", present(subscription), accountId);
    return subscription;
  }

  /** The next billing cycle, charged off-session to the saved payment method (or failing). */
  advanceSubscription(accountId: string, id: string, outcome: "paid" | "failed" = "paid") {
    const subscription = this.subscription(accountId, id);
    if (!["active", "past_due"].includes(subscription.status)) throw invalid(`Subscription ${id} is ${subscription.status}; only active or past_due subscriptions renew.`);
    const item = subscription.items.data[0] as Obj & { price: Obj; current_period_end: number; current_period_start: number };
    const start = item.current_period_end;
    const end = this.periodEnd(start, (item.price.recurring as { interval: string }).interval);
    item.current_period_start = start;
    item.current_period_end = end;
    const { invoice, pi } = this.invoice(accountId, subscription, "subscription_cycle", start, end);
    const pmId = subscription.default_payment_method;
    const pm = pmId ? this.store.get(accountId, pmId, "payment_method") : undefined;
    if (!pm || outcome === "failed") {
      try {
        if (pm) this.fail(pi, accountId, pm, "card_declined", "Your card was declined.", "generic_decline");
        else {
          this.webhooks.emit("invoice.payment_failed", this.publicInvoice(accountId, invoice), accountId);
          subscription.status = "past_due";
          this.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous: { status: "active" } });
        }
      } catch {
        // An off-session decline is told by events, not by an API error.
      }
      return { invoice: this.publicInvoice(accountId, invoice), subscription: present(subscription) };
    }
    pi.payment_method = pm.id;
    if (pm.type === "sepa_debit") {
      this.confirmPaymentIntent(accountId, pi.id, { paymentMethod: pm.id, offSession: true });
      this.settleProcessing(accountId, pi.id, "succeeded");
    } else {
      this.succeed(pi, accountId, pm);
    }
    return { invoice: this.publicInvoice(accountId, invoice), subscription: present(subscription) };
  }

  private eventAccount(account: string) {
    return account === PLATFORM ? null : account;
  }
}
