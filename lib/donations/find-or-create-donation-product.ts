import "server-only";
import { db } from "@/lib/db/client";
import { createProduct } from "@/lib/stripe/create-product";
import type { StripeClock } from "./stripe-clock";

/**
 * The organisation's donation Product on this connected account, made once per account: recurring
 * gifts price their subscription item inline (`price_data`) against it, never with a Price per gift
 * (docs/stripe.md#recurring-gifts). A product exists only on the account it was made on, so an
 * organisation that connects another account gets a new one there.
 */
export async function findOrCreateDonationProduct(organisation: { id: string; name: string }, stripeAccount: string, clock: StripeClock): Promise<string> {
  const stored = await db.stripeDonationProduct.findUnique({ where: { stripeAccountId: stripeAccount } });
  if (stored) return stored.stripeProductId;
  // The key names the account: two first gifts at once get the one product.
  const product = await clock.time(() =>
    createProduct(
      stripeAccount,
      { name: `Donation to ${organisation.name}`, metadata: { organisation_id: organisation.id } },
      `${stripeAccount}:donation-product`,
    ),
  );
  // Prisma's upsert is not atomic: two first gifts at once would both try to insert.
  await db.stripeDonationProduct.createMany({ data: [{ stripeAccountId: stripeAccount, stripeProductId: product.id }], skipDuplicates: true });
  return product.id;
}
