import "server-only";
import { refreshStripeStatus } from "./refresh-stripe-status";

/**
 * An organisation connected before Amply kept the account's own country and capabilities has them
 * read once, the first time a donor needs them (connect, account.updated and the payments page keep
 * them current after that). True when it read them: the caller loads the organisation again.
 */
export async function readAccountIfUnknown(organisation: { id: string; stripeAccountId: string | null; stripeAccountCountry: string | null }) {
  if (!organisation.stripeAccountId || organisation.stripeAccountCountry !== null) return false;
  await refreshStripeStatus(organisation);
  return true;
}
