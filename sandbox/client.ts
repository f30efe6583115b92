// A small typed client for the sandbox's control API, for tests and scripts.
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

  createAccount(input: { country?: string; email?: string; business_name?: string; ready?: boolean; default_currency?: string } = {}) {
    return this.call<{ id: string; default_currency: string; charges_enabled: boolean }>("POST", "/accounts", input);
  }
  updateAccount(
    id: string,
    changes: { charges_enabled?: boolean; payouts_enabled?: boolean; details_submitted?: boolean; currently_due?: string[]; disabled_reason?: string | null },
  ) {
    return this.call("POST", `/accounts/${id}`, changes);
  }
  oauthCode(id: string) {
    return this.call<{ code: string }>("POST", `/accounts/${id}/oauth_code`).then((r) => r.code);
  }
  deauthorize(id: string) {
    return this.call("POST", `/accounts/${id}/deauthorize`);
  }
  payout(id: string, outcome: "paid" | "failed" = "paid") {
    return this.call<{ id: string; amount: number; currency: string; status: string }>("POST", `/accounts/${id}/payout`, { outcome });
  }
  /** How the account's captures complete: after `delay_ms`, or held until `capture(chargeId)`. */
  captureSettings(accountId: string, settings: { delay_ms?: number; hold?: boolean }) {
    return this.call("POST", `/accounts/${accountId}/capture`, settings);
  }
  /** Complete a charge's pending capture now (its balance transaction, then charge.updated). */
  capture(chargeId: string) {
    return this.call<{ id: string; balance_transaction: string | null }>("POST", `/charges/${chargeId}/capture`);
  }
  refund(chargeId: string, amount?: number) {
    return this.call<{ id: string; amount: number; balance_transaction: string }>(
      "POST",
      `/charges/${chargeId}/refund`,
      amount === undefined ? {} : { amount },
    );
  }
  failRefund(refundId: string) {
    return this.call("POST", `/refunds/${refundId}/fail`);
  }
  dispute(chargeId: string) {
    return this.call<{ id: string; amount: number; balance_transactions: Array<{ id: string; amount: number; fee: number; net: number }> }>(
      "POST",
      `/charges/${chargeId}/dispute`,
    );
  }
  closeDispute(disputeId: string, outcome: "won" | "lost") {
    return this.call("POST", `/disputes/${disputeId}/close`, { outcome });
  }
  settle(paymentIntentId: string, outcome: "succeeded" | "failed" = "succeeded") {
    return this.call("POST", `/payment_intents/${paymentIntentId}/settle`, { outcome });
  }
  authenticate(paymentIntentId: string, outcome: "succeed" | "fail" = "succeed") {
    return this.call("POST", `/payment_intents/${paymentIntentId}/authenticate`, { outcome });
  }
  fund(customerId: string, amount: number, currency: string, reference?: string) {
    return this.call("POST", `/customers/${customerId}/fund`, { amount, currency, reference });
  }
  advance(subscriptionId: string, outcome: "paid" | "failed" = "paid") {
    return this.call("POST", `/subscriptions/${subscriptionId}/advance`, { outcome });
  }
  events(filter: { type?: string; account?: string } = {}) {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return this.call<{
      data: Array<{
        event: { id: string; type: string; account?: string; data: { object: Record<string, unknown> } };
        attempts: Array<{ status: number | null }>;
        delivered: boolean;
      }>;
    }>("GET", `/events?${query}`).then((r) => r.data);
  }
  redeliver(eventId: string, times = 1) {
    return this.call("POST", `/events/${eventId}/redeliver`, { times });
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
