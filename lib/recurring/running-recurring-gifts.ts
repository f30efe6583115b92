// Recurring gifts still taking money on the organisation's Stripe account (active, paused, switching
// interval or past due): what disconnecting Amply would leave charging out of its sight.
import "server-only";
import { db } from "@/lib/db/client";

export const RUNNING_STATUSES = ["active", "trialing", "past_due"];

export function runningRecurringGiftsWhere(organisationId: string) {
  return { organisationId, status: { in: RUNNING_STATUSES }, stripeSubscriptionId: { not: null } };
}

export function runningRecurringGifts(organisationId: string): Promise<number> {
  return db.recurringDonation.count({ where: runningRecurringGiftsWhere(organisationId) });
}
