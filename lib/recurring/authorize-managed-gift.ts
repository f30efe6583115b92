// Which recurring gift a manage link lets its holder change: the gift it was made for, or another
// gift of the same donor to the same organisation (the link proves control of the donor's address,
// which is all those gifts have in common). Anything else is refused before Stripe is called.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { readManageToken } from "./manage-link";

const giftInclude = { donor: true, organisation: { include: { feeRates: true } } } as const;

export type ManagedGift = Awaited<ReturnType<typeof findGift>>;

function findGift(where: { id: string; donorId?: string; organisationId?: string }) {
  return db.recurringDonation.findFirst({ where, include: giftInclude });
}

/** The gift `giftId`, if `token` is a valid link for it; throws a 403 saying what to do otherwise. */
export async function authorizeManagedGift(token: string, giftId: string): Promise<NonNullable<ManagedGift>> {
  const linked = await linkedGift(token);
  const gift = giftId === linked.id ? linked : await findGift({ id: giftId, donorId: linked.donorId, organisationId: linked.organisationId });
  if (!gift) throw new ApiError("forbidden", "This link is not for that gift. Ask for a fresh link below.", { reason: "foreign_gift" });
  return gift;
}

/** The gift a token was made for; throws when the link is not Amply's, has expired or names no gift. */
export async function linkedGift(token: string): Promise<NonNullable<ManagedGift>> {
  const read = readManageToken(token);
  if (!read.ok) {
    throw read.reason === "expired"
      ? new ApiError("forbidden", "This link has expired. Ask for a fresh link below.", { reason: "expired_link" })
      : new ApiError("forbidden", "This link is not valid. Ask for a fresh link below.", { reason: "invalid_link" });
  }
  const gift = await findGift({ id: read.recurringDonationId });
  if (!gift) throw new ApiError("forbidden", "This link is not valid. Ask for a fresh link below.", { reason: "invalid_link" });
  return gift;
}

/** The donor's gifts to the organisation of the link, newest first. */
export function giftsOfDonor(gift: { donorId: string; organisationId: string }) {
  return db.recurringDonation.findMany({
    where: { donorId: gift.donorId, organisationId: gift.organisationId, stripeSubscriptionId: { not: null } },
    include: giftInclude,
    orderBy: { createdAt: "desc" },
  });
}
