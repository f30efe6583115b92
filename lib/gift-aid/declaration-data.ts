// The GiftAidDeclaration row a donation request's declaration makes, and whether a retry of the
// same page declares the same thing (then the donation keeps its declaration).
import "server-only";
import type { GiftAidDeclaration } from "@/lib/db/generated/client.ts";

/** A declaration as the donation request carries it, validated and normalised. */
type GiftAidRequest = {
  title: string | null;
  firstName: string;
  lastName: string;
  houseNameOrNumber: string;
  postcode: string;
  future: boolean;
  wordingVersion: string;
};

export function declarationData(giftAid: GiftAidRequest, organisationId: string, donorId: string) {
  return {
    organisationId,
    donorId,
    title: giftAid.title,
    firstName: giftAid.firstName,
    lastName: giftAid.lastName,
    houseNameOrNumber: giftAid.houseNameOrNumber,
    postcode: giftAid.postcode,
    scope: giftAid.future ? ("this_and_future" as const) : ("this_gift" as const),
    wordingVersion: giftAid.wordingVersion,
  };
}

export function sameDeclaration(existing: GiftAidDeclaration | null, giftAid: GiftAidRequest | undefined, donorId: string): boolean {
  if (!existing || !giftAid) return !existing && !giftAid;
  const wanted = declarationData(giftAid, existing.organisationId, donorId);
  return (Object.keys(wanted) as Array<keyof typeof wanted>).every((field) => existing[field] === wanted[field]);
}
