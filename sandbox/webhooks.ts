// Events and their delivery, as Stripe does it: one event per state change, POSTed to the endpoint,
// signed `Stripe-Signature: t=<unix>,v1=<HMAC-SHA256(secret, "t.payload")>`, retried with
// exponential backoff until the endpoint answers 2xx. Connected-account events carry `account`
// and are signed with the Connect endpoint's secret; the platform's own with the platform secret.
// Each event carries the API version it was rendered in: the pinned one, unless the control API set
// another for the account (so Amply can be tested re-reading events of a version it does not pin).
import { createHmac } from "node:crypto";
import { newId, now, present, type StripeObject, type WebhookSettings } from "./store";

export type WebhookConfig = {
  url?: string;
  platformSecret: string;
  connectSecret: string;
  /** First retry delay; doubles each time. Stripe waits hours, tests milliseconds. */
  retryBaseMs?: number;
  maxAttempts?: number;
};

export type StripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  account?: string;
  context?: string;
};

export type Delivery = { at: string; status: number | null; error?: string; durationMs: number };

type Record_ = { event: StripeEvent; attempts: Delivery[]; delivered: boolean; timer?: NodeJS.Timeout; lost?: boolean };

export const PINNED_API_VERSION = "2026-10-28.endive";

export function signPayload(payload: string, secret: string, timestamp = now()): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

/** `previous_attributes`: only the fields whose value differs from the object's current one, as Stripe sends. */
function changed(object: StripeObject, previous: Record<string, unknown> | undefined) {
  const differing = Object.entries(previous ?? {}).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify((object as Record<string, unknown>)[key]));
  return differing.length ? { previous_attributes: Object.fromEntries(differing) } : {};
}

export class Webhooks {
  private readonly records = new Map<string, Record_>();
  private readonly order: string[] = [];
  private held: string[] | null = null;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  /**
   * Lost webhooks still to come and per-account API versions: the store's, so that they are saved
   * in its state file with the objects they concern (a private copy when there is no store).
   */
  private readonly settings: { webhookSettings: WebhookSettings; touch(): void };

  constructor(
    private config: WebhookConfig,
    store?: { webhookSettings: WebhookSettings; touch(): void },
  ) {
    this.settings = store ?? { webhookSettings: { skips: {}, apiVersions: {} }, touch: () => undefined };
  }

  configure(config: Partial<WebhookConfig>) {
    this.config = { ...this.config, ...config };
  }

  get endpointUrl() {
    return this.config.url;
  }

  /** The API request being handled: the events it causes name it in `request`. */
  private request: { id: string; idempotencyKey: string | null } | null = null;

  /** Run `work` (synchronous) as the handling of API request `request`. */
  causedBy<T>(request: { id: string; idempotencyKey: string | null }, work: () => T): T {
    this.request = request;
    try {
      return work();
    } finally {
      this.request = null;
    }
  }

  /** Record an event and deliver it (or hold it while deliveries are paused). */
  emit(type: string, object: StripeObject, account: string | null, extra: { previous?: Record<string, unknown>; idempotencyKey?: string | null } = {}) {
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: this.apiVersion(account),
      created: now(),
      data: { object: present(object), ...changed(object, extra.previous) },
      livemode: false,
      pending_webhooks: this.config.url ? 1 : 0,
      request: { id: this.request?.id ?? null, idempotency_key: extra.idempotencyKey ?? this.request?.idempotencyKey ?? null },
      type,
      ...(account ? { account } : {}),
    };
    const lost = this.takeSkip(type, account ?? "");
    this.records.set(event.id, { event, attempts: [], delivered: false, lost });
    this.order.push(event.id);
    if (lost) return event;
    if (this.held) this.held.push(event.id);
    else this.schedule(event.id, 0);
    return event;
  }

  /** Lose the next delivery of this event type for the account (null: the platform's own events). */
  skipNext(type: string, account: string | null) {
    const { skips } = this.settings.webhookSettings;
    const key = account ?? "";
    skips[key] = [...new Set([...(skips[key] ?? []), type])];
    this.settings.touch();
  }

  /** Whether the next delivery of `type` for `key` is to be lost; the setting is used up. */
  private takeSkip(type: string, key: string) {
    const { skips } = this.settings.webhookSettings;
    if (!skips[key]?.includes(type)) return false;
    skips[key] = skips[key].filter((skipped) => skipped !== type);
    if (skips[key].length === 0) delete skips[key];
    this.settings.touch();
    return true;
  }

  /** The API version the account's events are rendered in (null: back to the pinned one). */
  setApiVersion(account: string, version: string | null) {
    const { apiVersions } = this.settings.webhookSettings;
    if (version) apiVersions[account] = version;
    else delete apiVersions[account];
    this.settings.touch();
  }

  apiVersion(account: string | null) {
    return (account && this.settings.webhookSettings.apiVersions[account]) || PINNED_API_VERSION;
  }

  get(id: string) {
    return this.records.get(id);
  }

  list(filter: { type?: string; account?: string } = {}) {
    return this.order
      .map((id) => this.records.get(id) as Record_)
      .filter((record) => (!filter.type || record.event.type === filter.type) && (!filter.account || record.event.account === filter.account))
      .map(({ event, attempts, delivered, lost }) => ({ event, attempts, delivered, lost: Boolean(lost) }));
  }

  /** Hold new events instead of delivering them, until `release`. */
  pause() {
    this.held ??= [];
  }

  /** Deliver held events, in order, reversed or shuffled. */
  release(order: "in_order" | "reverse" | "shuffle" = "in_order") {
    const held = this.held ?? [];
    this.held = null;
    if (order === "reverse") held.reverse();
    if (order === "shuffle") held.sort(() => Math.random() - 0.5);
    // One after another, in the chosen order, so "out of order" really arrives out of order.
    const deliverInTurn = async () => {
      for (const id of held) await this.attempt(id);
    };
    this.inFlight++;
    void deliverInTurn().finally(() => this.settle());
    return held.length;
  }

  /** Send an event again (a duplicate delivery, as Stripe may do), even if it was delivered. */
  redeliver(id: string, times = 1) {
    if (!this.records.has(id)) return false;
    for (let i = 0; i < times; i++) this.schedule(id, 0, true);
    return true;
  }

  /** Resolves once no delivery is running or waiting for a retry. */
  idle(): Promise<void> {
    if (this.inFlight === 0 && ![...this.records.values()].some((r) => r.timer)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  reset() {
    for (const record of this.records.values()) if (record.timer) clearTimeout(record.timer);
    this.records.clear();
    this.order.length = 0;
    this.held = null;
    this.settings.webhookSettings.skips = {};
    this.settings.webhookSettings.apiVersions = {};
    this.settings.touch();
  }

  stop() {
    for (const record of this.records.values()) if (record.timer) clearTimeout(record.timer);
  }

  private schedule(id: string, delayMs: number, force = false) {
    const record = this.records.get(id);
    if (!record || !this.config.url) return;
    if (delayMs === 0) {
      this.inFlight++;
      setImmediate(() => void this.attempt(id, force).finally(() => this.settle()));
      return;
    }
    record.timer = setTimeout(() => {
      record.timer = undefined;
      this.inFlight++;
      void this.attempt(id).finally(() => this.settle());
    }, delayMs);
  }

  private settle() {
    this.inFlight--;
    if (this.inFlight === 0 && ![...this.records.values()].some((r) => r.timer)) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async attempt(id: string, force = false) {
    const record = this.records.get(id);
    const url = this.config.url;
    if (!record || !url || (record.delivered && !force)) return;
    const payload = JSON.stringify(record.event, null, 2);
    const secret = record.event.account ? this.config.connectSecret : this.config.platformSecret;
    const started = Date.now();
    let status: number | null = null;
    let error: string | undefined;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Stripe-Signature": signPayload(payload, secret),
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
        // Stripe does not follow redirects: a 3xx is a failed delivery, retried like any other.
        redirect: "manual",
        signal: AbortSignal.timeout(20_000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    record.attempts.push({ at: new Date(started).toISOString(), status, durationMs: Date.now() - started, ...(error ? { error } : {}) });
    if (status !== null && status >= 200 && status < 300) {
      record.delivered = true;
      record.event.pending_webhooks = 0;
      return;
    }
    const failures = record.attempts.filter((a) => a.status === null || a.status >= 300).length;
    if (!record.delivered && failures < (this.config.maxAttempts ?? 8)) {
      this.schedule(id, (this.config.retryBaseMs ?? 1_000) * 2 ** (failures - 1));
    }
  }
}
