// Connected accounts and Connect OAuth: accounts are created as Standard accounts of a non-profit,
// change their capabilities as onboarding requirements come and go, are connected by a single-use
// authorization code and can be disconnected from either side.
import type { Engine } from "../engine";
import { settlementCurrencyFor } from "../pricing";
import { newId, now, present } from "../store";
import { notFound } from "../wire";
import { bankTransferTypesFor } from "./customers";
import type { Account } from "./objects";

export function createAccount(
  engine: Engine,
  input: { country?: string; email?: string | null; businessName?: string | null; ready?: boolean; defaultCurrency?: string; bankTransfers?: boolean },
): Account {
  const country = (input.country || "DE").toUpperCase();
  const ready = input.ready ?? true;
  const bankTransfers = input.bankTransfers ?? true;
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
    capabilities: {},
    requirements: requirements(ready ? [] : ["external_account", "individual.verification.document", "tos_acceptance.date"]),
    settings: {
      payments: {
        statement_descriptor:
          (input.businessName ?? "SANDBOX")
            .replace(/[^A-Za-z0-9 ]/g, "")
            .slice(0, 22)
            .toUpperCase() || "SANDBOX",
      },
    },
    metadata: {},
    _connected: true,
    _bankTransfers: bankTransfers,
  };
  account.capabilities = capabilities(account);
  engine.store.put(account.id, account);
  return account;
}

/**
 * Card payments follow charges, transfers follow payouts; bank_transfer_payments exists only where
 * the account's country can receive bank transfers, and is active while charges are and the
 * account has it turned on.
 */
function capabilities(account: Account) {
  const status = (active: boolean) => (active ? "active" : "inactive");
  return {
    card_payments: status(account.charges_enabled),
    transfers: status(account.payouts_enabled),
    ...(bankTransferTypesFor(account.country).length ? { bank_transfer_payments: status(account.charges_enabled && account._bankTransfers !== false) } : {}),
  };
}

function requirements(currentlyDue: string[], disabledReason?: string | null) {
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

/** What the control API may change on an account, as Stripe or its owner would. */
export type AccountChanges = {
  charges_enabled?: boolean;
  payouts_enabled?: boolean;
  details_submitted?: boolean;
  currently_due?: string[];
  disabled_reason?: string | null;
  /** Turn the account's bank_transfer_payments capability on or off. */
  bank_transfer_payments?: boolean;
};

export function updateAccount(engine: Engine, id: string, changes: AccountChanges) {
  const account = engine.account(id);
  if (!account) throw notFound("account", id);
  const previous = {
    charges_enabled: account.charges_enabled,
    payouts_enabled: account.payouts_enabled,
    details_submitted: account.details_submitted,
    requirements: structuredClone(account.requirements),
    capabilities: structuredClone(account.capabilities),
  };
  if (changes.charges_enabled !== undefined) account.charges_enabled = changes.charges_enabled;
  if (changes.payouts_enabled !== undefined) account.payouts_enabled = changes.payouts_enabled;
  if (changes.details_submitted !== undefined) account.details_submitted = changes.details_submitted;
  if (changes.currently_due !== undefined || changes.disabled_reason !== undefined) {
    account.requirements = requirements(changes.currently_due ?? (account.requirements as { currently_due: string[] }).currently_due, changes.disabled_reason);
  }
  if (changes.bank_transfer_payments !== undefined) account._bankTransfers = changes.bank_transfer_payments;
  account.capabilities = capabilities(account);
  engine.store.touch();
  engine.webhooks.emit("account.updated", present(account), account.id, { previous });
  return account;
}

export function issueOAuthCode(engine: Engine, accountId: string): string {
  const code = newId("ac", 24);
  engine.store.oauthCodes.set(code, { account: accountId, used: false });
  engine.store.touch();
  return code;
}

export function exchangeOAuthCode(engine: Engine, code: string) {
  const entry = engine.store.oauthCodes.get(code);
  if (!entry) return { error: "invalid_grant", error_description: `Authorization code does not exist: ${code}` };
  if (entry.used) return { error: "invalid_grant", error_description: `Authorization code has already been used: ${code}` };
  entry.used = true;
  engine.store.touch();
  const account = engine.account(entry.account);
  if (!account) return { error: "invalid_grant", error_description: "The account behind this code no longer exists." };
  engine.webhooks.emit("account.application.authorized", platformApplication(engine), account.id);
  return {
    access_token: newId("sk_test_sandbox_access", 24),
    livemode: false,
    refresh_token: newId("rt", 24),
    scope: "read_write",
    stripe_publishable_key: engine.config.publishableKey,
    stripe_user_id: account.id,
    token_type: "bearer",
  };
}

/** Stripe sends the application events for the account, with a platform-side Application as their object. */
const platformApplication = (engine: Engine) => ({
  id: "ca_" + engine.config.clientId.replace(/^ca_/, ""),
  object: "application",
  created: now(),
  name: "Amply",
});

export function deauthorize(engine: Engine, accountId: string) {
  const account = engine.account(accountId);
  if (!account) return false;
  account._connected = false;
  engine.store.touch();
  engine.webhooks.emit("account.application.deauthorized", platformApplication(engine), account.id);
  return true;
}
