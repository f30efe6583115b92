// What the donor entered, kept in this tab's sessionStorage while a payment method takes them to
// their bank (iDEAL and other redirects): if the bank refuses, "Try again" opens the form as they
// left it. sessionStorage stays in the tab and goes with it; nothing personal travels in an address.
import type { DonationFrequency } from "@/lib/donations/donation-request";
import type { DonorDetails } from "./donor-fieldset";
import type { GiftAidDetails } from "./gift-aid-fieldset";

export type DonationDraft = {
  currency: string;
  amountText: string;
  coverFee: boolean;
  fund: string;
  donor: DonorDetails;
  giftAid?: GiftAidDetails;
  /** How often (a draft saved before recurring gifts existed has none). */
  frequency?: DonationFrequency;
};

const PREFIX = "amply:donation-draft:";

export function saveDonationDraft(organisationSlug: string, draft: DonationDraft) {
  try {
    sessionStorage.setItem(PREFIX + organisationSlug, JSON.stringify(draft));
  } catch {
    // Storage can be full or switched off: the payment goes ahead, only the refill is lost.
  }
}

/** The draft saved for this organisation in this tab, if any and if it still reads as one. */
export function readDonationDraft(organisationSlug: string): DonationDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(sessionStorage.getItem(PREFIX + organisationSlug) ?? "null");
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const draft = value as Partial<DonationDraft>;
  const donor = draft.donor as Partial<DonorDetails> | undefined;
  const strings = [draft.currency, draft.amountText, draft.fund, donor?.name, donor?.email, donor?.dedication];
  if (!strings.every((text) => typeof text === "string") || typeof draft.coverFee !== "boolean" || typeof donor?.anonymous !== "boolean") return null;
  if (draft.frequency !== undefined && !["once", "monthly", "yearly"].includes(draft.frequency)) return null;
  // A Gift Aid part that does not read as one is dropped, not the whole draft.
  const giftAid = draft.giftAid as Partial<GiftAidDetails> | undefined;
  const giftAidReads =
    giftAid &&
    [giftAid.title, giftAid.firstName, giftAid.lastName, giftAid.houseNameOrNumber, giftAid.postcode].every((text) => typeof text === "string") &&
    [giftAid.declared, giftAid.outsideUk, giftAid.future].every((flag) => typeof flag === "boolean");
  return { ...(draft as DonationDraft), giftAid: giftAidReads ? (giftAid as GiftAidDetails) : undefined };
}

/** Once a donation went through, nothing of it is kept for a retry. */
export function clearDonationDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Storage switched off: there is nothing to clear.
  }
}
