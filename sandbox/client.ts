// A small typed client for the sandbox's control API, for tests and scripts.
import type { AccountChanges } from "./engine/accounts";
type Payout = { id: string; amount: number; currency: string; status: string; failure_code: string | null };

export class SandboxControl {
  constructor(
    readonly url: string,
    private readonly secretKey: string,
  ) {}

  async call<T = Record<string, unknown>>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/_sandbox${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.secretKey}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: { message: string } };
    if (!response.ok) throw new Error(`Sandbox ${method} ${path}: ${json.error?.message ?? response.status}`);
    return json;
  }

  /** `bank_transfers: false` leaves the bank_transfer_payments capability inactive (where the country has it). */
  createAccount(
    input: { country?: string; email?: string; business_name?: string; ready?: boolean; default_currency?: string; bank_transfers?: boolean } = {},
  ) {
    return this.call<{ id: string; default_currency: string; charges_enabled: boolean }>("POST", "/accounts", input);
  }
  updateAccount(id: string, changes: AccountChanges) {
    return this.call("POST", `/accounts/${id}`, changes);
  }
  oauthCode(id: string) {
    return this.call<{ code: string }>("POST", `/accounts/${id}/oauth_code`).then((r) => r.code);
  }
  deauthorize(id: string) {
    return this.call("POST", `/accounts/${id}/deauthorize`);
  }
  /** Pay out the balance: paid or failed at once, or pending (then `advancePayout`, `failPayout`). */
  payout(id: string, outcome: "paid" | "failed" | "pending" = "paid") {
    return this.call<Payout>("POST", `/accounts/${id}/payout`, { outcome });
  }
  /** How the account's captures complete: after `delay_ms`, or held until `capture(chargeId)`. */
  captureSettings(accountId: string, settings: { delay_ms?: number; hold?: boolean }) {
    return this.call("POST", `/accounts/${accountId}/capture`, settings);
  }
  /** Complete a charge's pending capture now (its balance transaction, then charge.updated). */
  capture(chargeId: string) {
    return this.call<{ id: string; balance_transaction: string | null }>("POST", `/charges/${chargeId}/capture`);
  }
  /** pending -> in_transit -> paid. */
  advancePayout(payoutId: string) {
    return this.call<Payout>("POST", `/payouts/${payoutId}/advance`);
  }
  /** The payout fails, before or after it was paid. */
  failPayout(payoutId: string) {
    return this.call<Payout>("POST", `/payouts/${payoutId}/fail`);
  }
  /** A refund as from the Dashboard; `status` chooses the state it starts in (otherwise the payment method decides). */
  refund(chargeId: string, options: number | { amount?: number; status?: "pending" | "requires_action" | "succeeded" } = {}) {
    const body = typeof options === "number" ? { amount: options } : options;
    return this.call<{ id: string; amount: number; status: string; balance_transaction: string }>("POST", `/charges/${chargeId}/refund`, body);
  }
  failRefund(refundId: string) {
    return this.call("POST", `/refunds/${refundId}/fail`);
  }
  /** A pending or requires_action refund is processed by the bank (or completed by the customer). */
  settleRefund(refundId: string, outcome: "succeeded" | "failed" = "succeeded") {
    return this.call<{ id: string; status: string }>("POST", `/refunds/${refundId}/settle`, { outcome });
  }
  cancelRefund(refundId: string) {
    return this.call<{ id: string; status: string }>("POST", `/refunds/${refundId}/cancel`);
  }
  /** A chargeback, or with `inquiry` a pre-dispute inquiry (warning_needs_response) that moves no money. */
  dispute(chargeId: string, options: { inquiry?: boolean; reason?: string } = {}) {
    return this.call<{
      id: string;
      amount: number;
      status: string;
      is_charge_refundable: boolean;
      balance_transactions: Array<{ id: string; amount: number; fee: number; net: number }>;
    }>("POST", `/charges/${chargeId}/dispute`, options);
  }
  updateDispute(disputeId: string, status: string) {
    return this.call<{ id: string; status: string; is_charge_refundable: boolean }>("POST", `/disputes/${disputeId}/update`, { status });
  }
  closeDispute(disputeId: string, outcome: "won" | "lost" | "warning_closed") {
    return this.call<{ id: string; status: string }>("POST", `/disputes/${disputeId}/close`, { outcome });
  }
  settle(paymentIntentId: string, outcome: "succeeded" | "failed" = "succeeded") {
    return this.call("POST", `/payment_intents/${paymentIntentId}/settle`, { outcome });
  }
  authenticate(paymentIntentId: string, outcome: "succeed" | "fail" = "succeed") {
    return this.call("POST", `/payment_intents/${paymentIntentId}/authenticate`, { outcome });
  }
  /** The person completes (or fails) a SetupIntent's 3-D Secure challenge or bank page. */
  authenticateSetup(setupIntentId: string, outcome: "succeed" | "fail" = "succeed") {
    return this.call("POST", `/setup_intents/${setupIntentId}/authenticate`, { outcome });
  }
  fund(customerId: string, amount: number, currency: string, reference?: string) {
    return this.call("POST", `/customers/${customerId}/fund`, { amount, currency, reference });
  }
  advance(subscriptionId: string, outcome: "paid" | "failed" = "paid") {
    return this.call("POST", `/subscriptions/${subscriptionId}/advance`, { outcome });
  }
  /** The next attempt of a failed renewal's open invoice, now (as its test clock would run it). */
  retryInvoice(invoiceId: string) {
    return this.call("POST", `/invoices/${invoiceId}/retry`);
  }
  events(filter: { type?: string; account?: string } = {}) {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return this.call<{
      data: Array<{
        event: { id: string; type: string; account?: string; data: { object: Record<string, unknown> } };
        attempts: Array<{ status: number | null }>;
        delivered: boolean;
        lost: boolean;
      }>;
    }>("GET", `/events?${query}`).then((r) => r.data);
  }
  redeliver(eventId: string, times = 1) {
    return this.call("POST", `/events/${eventId}/redeliver`, { times });
  }
  /** Lose the next delivery of this event type for the account (a webhook that never arrived); it stays listed in /v1/events. */
  skipNextDelivery(type: string, account?: string) {
    return this.call("POST", "/webhooks/skip", { type, account });
  }
  /** Render the account's events at another API version from now on (null: the pinned one again). */
  setApiVersion(account: string, apiVersion: string | null) {
    return this.call<{ api_version: string }>("POST", `/accounts/${account}/api_version`, { api_version: apiVersion });
  }
  pauseWebhooks() {
    return this.call("POST", "/webhooks/pause");
  }
  releaseWebhooks(order: "in_order" | "reverse" | "shuffle" = "in_order") {
    return this.call("POST", "/webhooks/release", { order });
  }
  /** Wait until every webhook delivery (and retry) has settled. */
  idle() {
    return this.call("POST", "/webhooks/idle");
  }
  object<T = Record<string, unknown>>(id: string) {
    return this.call<{ account: string; object: T }>("GET", `/objects/${id}`);
  }
  reset() {
    return this.call("POST", "/reset");
  }
}
