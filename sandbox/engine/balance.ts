// Money on a connected account: what Stripe charges it per payment, and the balance transactions
// that every charge, refund, dispute and payout books.
import type { Engine } from "../engine";
import { DEFAULT_PRICING, type Pricing } from "../pricing";
import { newId, now } from "../store";
import type { Account, Obj } from "./objects";

export function pricingFor(engine: Engine, account: Account): Pricing {
  return engine.pricing.get(account.id) ?? DEFAULT_PRICING[account.default_currency] ?? { percentBps: 290, fixed: 30 };
}

export function setPricing(engine: Engine, accountId: string, pricing: Pricing) {
  engine.pricing.set(accountId, pricing);
}

/**
 * Book a balance transaction. Stripe books it in the account's settlement currency, whatever the
 * currency the donor paid in: the amount is converted at the exchange rate shown on the transaction,
 * and the fee (already in the settlement currency) and net follow.
 */
export function book(
  engine: Engine,
  accountId: string,
  input: {
    amount: number;
    currency: string;
    type: string;
    source: string;
    category: string;
    description?: string | null;
    fee?: number;
    feeDescription?: string;
    feeIsSettled?: boolean;
  },
) {
  const account = engine.account(accountId) ?? engine.store.get<Account>(accountId, accountId, "account");
  if (!account) throw new Error(`The sandbox has no account ${accountId}.`);
  const settlement = account.default_currency;
  const { amount, rate } = engine.fx.convert(input.amount, input.currency, settlement);
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
    fee_details: fee
      ? [{ amount: fee, application: null, currency: settlement, description: input.feeDescription ?? "Stripe processing fees", type: "stripe_fee" }]
      : [],
    net: amount - fee,
    reporting_category: input.category,
    source: input.source,
    status: "pending",
    type: input.type,
    _paid_out: false,
  };
  return engine.store.put(accountId, txn);
}
