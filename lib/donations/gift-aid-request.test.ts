import { describe, expect, it } from "vitest";
import { GIFT_AID_WORDING_VERSION } from "@/lib/gift-aid/declaration-wording";
import { checkDonationRequest } from "./donation-field-errors";
import { donationRequestSchema } from "./donation-request";

const request = {
  organisation: "uk-charity",
  amount: 2500,
  currency: "GBP",
  expectedTotal: 2500,
  donor: { name: "Ada Lovelace", email: "ada@donor.example" },
};
const giftAid = {
  title: "Dr",
  firstName: "Ada",
  lastName: "Lovelace",
  houseNameOrNumber: "12",
  postcode: "sw1a1aa",
  outsideUk: false,
  future: false,
  wordingVersion: GIFT_AID_WORDING_VERSION,
} satisfies Record<string, unknown> & { wordingVersion: typeof GIFT_AID_WORDING_VERSION };

describe("a Gift Aid declaration in the donation request", () => {
  it("is optional", () => {
    expect(checkDonationRequest(request)).toEqual({});
    expect(donationRequestSchema.parse(request).giftAid).toBeUndefined();
  });

  it("is accepted with a UK postcode, and the postcode normalised", () => {
    expect(checkDonationRequest({ ...request, giftAid })).toEqual({});
    expect(donationRequestSchema.parse({ ...request, giftAid }).giftAid).toMatchObject({ postcode: "SW1A 1AA", title: "Dr", future: false });
  });

  it("takes no postcode from a donor outside the UK, and stores X", () => {
    const parsed = donationRequestSchema.parse({ ...request, giftAid: { ...giftAid, postcode: "", outsideUk: true } });
    expect(parsed.giftAid?.postcode).toBe("X");
  });

  it("reports each missing or wrong field on its own", () => {
    expect(checkDonationRequest({ ...request, giftAid: { ...giftAid, firstName: " ", lastName: "", houseNameOrNumber: "", postcode: "12345" } })).toEqual({
      giftAidFirstName: "Enter your first name (or initial) for Gift Aid.",
      giftAidLastName: "Enter your last name for Gift Aid.",
      giftAidHouse: "Enter your house name or number for Gift Aid.",
      giftAidPostcode: "Enter a UK postcode, like SW1A 1AA, or tick that you live outside the UK.",
    });
  });

  it("holds names and titles to HMRC's limits", () => {
    expect(checkDonationRequest({ ...request, giftAid: { ...giftAid, title: "Professor", firstName: "A".repeat(36), lastName: "B".repeat(36) } })).toEqual({
      giftAidTitle: "Use at most 4 characters for your title (like Prof or Rev).",
      giftAidFirstName: "Use at most 35 characters for your first name.",
      giftAidLastName: "Use at most 35 characters for your last name.",
    });
    expect(checkDonationRequest({ ...request, giftAid: { ...giftAid, firstName: "A".repeat(35), lastName: "B".repeat(35) } })).toEqual({});
  });

  it("refuses a declaration made on wording the donor was not shown", () => {
    expect(checkDonationRequest({ ...request, giftAid: { ...giftAid, wordingVersion: "1999" as typeof GIFT_AID_WORDING_VERSION } })).toEqual({
      giftAid: "Reload the page: the Gift Aid declaration has changed since it was loaded.",
    });
  });
});
