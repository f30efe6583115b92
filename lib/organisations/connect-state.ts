// The Connect OAuth `state`: signed with AUTH_SECRET (unforgeable), naming the
// organisation (one callback for all of them) and the user who started (bound to them), expiring
// after ten minutes, and single-use (its nonce is spent in the database).
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
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

export type ConnectState = { organisationId: string; userId: string; nonce: string; expiresAt: number };

const invalid = () => new ApiError("bad_request", "That Stripe connection link is not valid. Start again from Payments.", { reason: "invalid_state" });

/** Read a state back without spending it: who and which organisation. Throws when it is not Amply's. */
export function readConnectState(state: string | null): ConnectState {
  const [payload, signature] = (state ?? "").split(".");
  if (!payload || !signature) throw invalid();
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let parsed: Payload;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Payload;
  } catch {
    throw invalid();
  }
  if (typeof parsed.n !== "string" || typeof parsed.o !== "string" || typeof parsed.u !== "string" || typeof parsed.e !== "number") throw invalid();
  return { organisationId: parsed.o, userId: parsed.u, nonce: parsed.n, expiresAt: parsed.e };
}

/**
 * Spend a state: only its creator, only before it expires, only once (two concurrent callbacks
 * with the same state: one wins the UPDATE).
 */
export async function spendConnectState(state: string | null, userId: string, now = Date.now()): Promise<ConnectState> {
  const read = readConnectState(state);
  if (read.userId !== userId) throw new ApiError("forbidden", "Another person started this Stripe connection.", { reason: "foreign_state" });
  if (read.expiresAt <= now) throw new ApiError("bad_request", "The Stripe connection took too long.", { reason: "expired_state" });
  const { count } = await db.stripeConnectState.updateMany({
    where: { nonce: read.nonce, userId, organisationId: read.organisationId, usedAt: null, expiresAt: { gt: new Date(now) } },
    data: { usedAt: new Date(now) },
  });
  if (count !== 1) throw new ApiError("conflict", "This Stripe connection link was already used.", { reason: "reused_state" });
  return read;
}
