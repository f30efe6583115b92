// The Connect OAuth `state` (docs/stripe.md#connect-oauth): signed with AUTH_SECRET (unforgeable),
// naming the organisation (one callback for all of them) and the user who started (bound to them),
// expiring after ten minutes, and single-use (its nonce is spent in the database).
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const STATE_LIFETIME_MS = 10 * 60_000;

type Payload = { n: string; o: string; u: string; e: number };

function sign(payload: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`stripe-connect-state:${payload}`).digest("base64url");
}

export async function createConnectState(organisationId: string, userId: string, now = Date.now()): Promise<string> {
  const nonce = randomBytes(18).toString("base64url");
  const expiresAt = now + STATE_LIFETIME_MS;
  await db.stripeConnectState.create({ data: { nonce, organisationId, userId, expiresAt: new Date(expiresAt) } });
  const payload = Buffer.from(JSON.stringify({ n: nonce, o: organisationId, u: userId, e: expiresAt } satisfies Payload)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export type StateProblem = "invalid_state" | "expired_state" | "reused_state" | "foreign_state";

/** Read a state back without spending it: who and which organisation, or what is wrong with it. */
export function readConnectState(state: string | null): { ok: true; organisationId: string; userId: string; nonce: string; expiresAt: number } | { ok: false; problem: StateProblem; organisationId?: string } {
  const [payload, signature] = (state ?? "").split(".");
  if (!payload || !signature) return { ok: false, problem: "invalid_state" };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: "invalid_state" };
  let parsed: Payload;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Payload;
  } catch {
    return { ok: false, problem: "invalid_state" };
  }
  if (typeof parsed.n !== "string" || typeof parsed.o !== "string" || typeof parsed.u !== "string" || typeof parsed.e !== "number") {
    return { ok: false, problem: "invalid_state" };
  }
  return { ok: true, organisationId: parsed.o, userId: parsed.u, nonce: parsed.n, expiresAt: parsed.e };
}

/**
 * Spend a state: only its creator, only before it expires, only once (two concurrent callbacks
 * with the same state: one wins the UPDATE).
 */
export async function spendConnectState(state: string | null, userId: string, now = Date.now()) {
  const read = readConnectState(state);
  if (!read.ok) return read;
  if (read.userId !== userId) return { ok: false as const, problem: "foreign_state" as const, organisationId: read.organisationId };
  if (read.expiresAt <= now) return { ok: false as const, problem: "expired_state" as const, organisationId: read.organisationId };
  const { count } = await db.stripeConnectState.updateMany({
    where: { nonce: read.nonce, userId, organisationId: read.organisationId, usedAt: null, expiresAt: { gt: new Date(now) } },
    data: { usedAt: new Date(now) },
  });
  if (count !== 1) return { ok: false as const, problem: "reused_state" as const, organisationId: read.organisationId };
  return read;
}
