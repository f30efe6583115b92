// Email an anonymous request can cause (sign-in links, bank-transfer instructions) goes to any
// address anyone types: a few per address and per client, so Amply cannot be used to flood a
// mailbox. Counted per address first; a refused address does not use up the client's allowance.
import "server-only";
import { rateLimitSource } from "@/lib/http/client-address";
import { hit } from "./rate-limit";

export const EMAIL_LIMITS = {
  perAddress: { max: 5, windowSeconds: 60 * 60 },
  perClient: { max: 20, windowSeconds: 60 * 60 },
};

export async function allowAnonymousEmail(to: string, clientAddress: string): Promise<boolean> {
  const address = await hit({ key: `email:to:${to.toLowerCase()}`, ...EMAIL_LIMITS.perAddress });
  if (!address.allowed) return false;
  const client = await hit({ key: `email:client:${rateLimitSource(clientAddress)}`, ...EMAIL_LIMITS.perClient });
  return client.allowed;
}
