import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/generated/client.ts";

export type AccountRequirements = {
  currentlyDue: string[];
  pastDue: string[];
  eventuallyDue: string[];
  disabledReason: string | null;
  currentDeadline: number | null;
};

/** What Amply keeps of a connected account: always from a fresh retrieve, never an event payload. */
export function accountStatus(account: Stripe.Account) {
  const requirements: AccountRequirements = {
    currentlyDue: account.requirements?.currently_due ?? [],
    pastDue: account.requirements?.past_due ?? [],
    eventuallyDue: account.requirements?.eventually_due ?? [],
    disabledReason: account.requirements?.disabled_reason ?? null,
    currentDeadline: account.requirements?.current_deadline ?? null,
  };
  return {
    stripeChargesEnabled: account.charges_enabled,
    stripePayoutsEnabled: account.payouts_enabled,
    stripeDetailsSubmitted: account.details_submitted,
    stripeRequirements: requirements as unknown as Prisma.InputJsonValue,
    // What the account can receive depends on these, not on the country the organisation typed.
    stripeAccountCountry: account.country?.toUpperCase() ?? null,
    stripeDefaultCurrency: account.default_currency?.toUpperCase() ?? null,
    stripeCapabilities: { ...account.capabilities } as Prisma.InputJsonValue,
  };
}
