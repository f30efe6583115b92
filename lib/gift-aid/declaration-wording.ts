// What a donor agrees to when they declare Gift Aid, in our words after HMRC's model declarations:
// the charity's name, that the donor wants Gift Aid on this gift (and, if they say so, on later
// ones), and that they must pay enough UK tax, or pay the difference. Shown on the donation page and
// stored with each declaration by its version: a change of wording is a new version.

export const GIFT_AID_WORDING_VERSION = "2026-11-v1";

export type GiftAidScopeChoice = "this_gift" | "this_and_future";

/** The declaration the donor ticks, for this organisation and scope. */
export function giftAidDeclarationText(organisationName: string, scope: GiftAidScopeChoice): string {
  const what =
    scope === "this_and_future"
      ? `this gift and any gifts I make in the future to ${organisationName}, until I cancel this declaration`
      : `this gift to ${organisationName}`;
  return `I want to Gift Aid ${what}. I am a UK taxpayer and understand that if I pay less Income Tax and/or Capital Gains Tax in the current tax year than the amount of Gift Aid claimed on all my donations, it is my responsibility to pay any difference.`;
}
