import "server-only";
import { db } from "@/lib/db/client";
import { createCustomer } from "@/lib/stripe/create-customer";
import type { StripeClock } from "./stripe-clock";

/**
 * The donor's Stripe customer on this connected account, made on their first bank transfer to it. A
 * customer exists only on the account it was made on (docs/stripe.md#customers-per-connected-account):
 * after the organisation connects another account, its returning donors get a new customer there,
 * and the old account's customer stays recorded against the old account.
 */
export async function findOrCreateStripeCustomer(
  donor: { id: string; email: string },
  stripeAccount: string,
  name: string | null,
  clock: StripeClock,
): Promise<string> {
  const key = { donorId_stripeAccountId: { donorId: donor.id, stripeAccountId: stripeAccount } };
  const stored = await db.stripeCustomer.findUnique({ where: key });
  if (stored) return stored.stripeCustomerId;
  // The key names the account too: two first transfers at once get the one customer, on each account.
  const customer = await clock.time(() =>
    createCustomer(stripeAccount, { email: donor.email, name: name ?? undefined, metadata: { donor_id: donor.id } }, `${donor.id}:${stripeAccount}:customer`),
  );
  // Not Prisma's upsert, which is not atomic: two first gifts at once would both try to insert.
  await db.stripeCustomer.createMany({ data: [{ donorId: donor.id, stripeAccountId: stripeAccount, stripeCustomerId: customer.id }], skipDuplicates: true });
  return customer.id;
}
