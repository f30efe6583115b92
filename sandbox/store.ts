// The sandbox's memory: every object belongs to one account (the platform or a connected account),
// and is invisible from any other. Optionally persisted to a JSON file between runs.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export type StripeObject = { id: string; object: string; created: number; [key: string]: unknown };

export const PLATFORM = "acct_sandbox_platform";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** An object as the API shows it: internal bookkeeping (keys starting with "_") left out. */
export function present<T>(value: T): T {
  if (Array.isArray(value)) return value.map(present) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith("_"))
        .map(([key, item]) => [key, present(item)]),
    ) as T;
  }
  return value;
}

export type IdempotentResponse = { fingerprint: string; status: number; body: unknown; at: number };

/** Delivery settings made through the control API: lost webhooks still to come, and API versions by account. */
export type WebhookSettings = {
  /** Event types whose next delivery is lost, by account ("" for the platform's own events). */
  skips: Record<string, string[]>;
  /** The API version an account's events are rendered in, where it is not the pinned one. */
  apiVersions: Record<string, string>;
};

type Snapshot = {
  objects: Array<[string, StripeObject]>;
  owners: Array<[string, string]>;
  oauthCodes: Array<[string, { account: string; used: boolean }]>;
  /** Absent in state files written before these settings were kept. */
  webhookSettings?: WebhookSettings;
};

export class Store {
  private objects = new Map<string, StripeObject>();
  private owners = new Map<string, string>();
  /** Each account's objects of each kind, in creation order: a list reads its kind, not the whole store. */
  private byKind = new Map<string, Map<string, StripeObject>>();
  readonly idempotency = new Map<string, IdempotentResponse>();
  /** Idempotency keys of requests still executing: a second request with one gets 409. */
  readonly executing = new Set<string>();
  readonly oauthCodes = new Map<string, { account: string; used: boolean }>();
  /** Kept with the objects: a restart keeps a lost webhook armed and an account's API version. */
  readonly webhookSettings: WebhookSettings = { skips: {}, apiVersions: {} };
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
      this.objects = new Map(snapshot.objects);
      this.owners = new Map(snapshot.owners);
      for (const [id, object] of this.objects) this.index(this.owners.get(id) as string, object);
      for (const [code, value] of snapshot.oauthCodes) this.oauthCodes.set(code, value);
      Object.assign(this.webhookSettings.skips, snapshot.webhookSettings?.skips);
      Object.assign(this.webhookSettings.apiVersions, snapshot.webhookSettings?.apiVersions);
    }
  }

  private index(account: string, object: StripeObject) {
    const key = `${account} ${object.object}`;
    let kind = this.byKind.get(key);
    if (!kind) this.byKind.set(key, (kind = new Map<string, StripeObject>()));
    kind.set(object.id, object);
  }

  put<T extends StripeObject>(account: string, object: T): T {
    const previous = this.objects.get(object.id);
    const previousOwner = this.owners.get(object.id);
    if (previous && previousOwner !== undefined && (previousOwner !== account || previous.object !== object.object)) {
      this.byKind.get(`${previousOwner} ${previous.object}`)?.delete(object.id);
    }
    this.objects.set(object.id, object);
    this.owners.set(object.id, account);
    this.index(account, object);
    this.scheduleSave();
    return object;
  }

  /** The object if it belongs to `account`; undefined otherwise (as if it did not exist). */
  get<T extends StripeObject = StripeObject>(account: string, id: string, kind?: string): T | undefined {
    const object = this.objects.get(id);
    if (!object || this.owners.get(id) !== account) return undefined;
    if (kind && object.object !== kind) return undefined;
    return object as T;
  }

  /** Find an object by id whatever account owns it (for the control API only). */
  locate<T extends StripeObject = StripeObject>(id: string): { account: string; object: T } | undefined {
    const object = this.objects.get(id);
    const account = this.owners.get(id);
    return object && account ? { account, object: object as T } : undefined;
  }

  all<T extends StripeObject = StripeObject>(account: string, kind: string): T[] {
    return [...(this.byKind.get(`${account} ${kind}`)?.values() ?? [])] as T[];
  }

  /** Every object of a kind across accounts, with its owner. */
  everywhere<T extends StripeObject = StripeObject>(kind: string): Array<{ account: string; object: T }> {
    const result: Array<{ account: string; object: T }> = [];
    for (const [id, object] of this.objects) {
      if (object.object === kind) result.push({ account: this.owners.get(id) as string, object: object as T });
    }
    return result;
  }

  touch() {
    this.scheduleSave();
  }

  reset() {
    this.objects.clear();
    this.byKind.clear();
    this.owners.clear();
    this.idempotency.clear();
    this.oauthCodes.clear();
    this.webhookSettings.skips = {};
    this.webhookSettings.apiVersions = {};
    this.scheduleSave();
  }

  private scheduleSave() {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saveNow();
    }, 200);
    this.saveTimer.unref();
  }

  saveNow() {
    if (!this.file) return;
    const snapshot: Snapshot = {
      objects: [...this.objects],
      owners: [...this.owners],
      oauthCodes: [...this.oauthCodes],
      webhookSettings: this.webhookSettings,
    };
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(snapshot));
    renameSync(temporary, this.file);
  }
}

/** A stored field read as text: ids, enums and amounts are strings or numbers; anything else reads as "". */
export function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}
