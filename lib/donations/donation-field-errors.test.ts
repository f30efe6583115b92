import { describe, expect, it } from "vitest";
import { checkDonationRequest, donationFieldErrors } from "./donation-field-errors";
import { DEDICATION_MAX_LENGTH } from "./donation-request-limits";

const request = {
  organisation: "give-test",
  amount: 2500,
  currency: "EUR",
  coverFee: false,
  method: "payment_element" as const,
  donor: { name: "Ada", email: "ada@donor.example" },
  anonymous: false,
  expectedTotal: 2500,
};

describe("the donation page's field errors", () => {
  it("accepts a request the server accepts", () => {
    expect(checkDonationRequest(request)).toEqual({});
  });

  it("reports the server schema's own messages on the fields the page shows", () => {
    expect(checkDonationRequest({ ...request, donor: { name: "Ada", email: "ada@" } })).toEqual({
      email: "Enter your email address so we can send your receipt, like name@example.org.",
    });
    expect(checkDonationRequest({ ...request, donor: { name: "x".repeat(121), email: "ada@donor.example" } })).toEqual({
      name: "That name is too long: use at most 120 characters.",
    });
    expect(checkDonationRequest({ ...request, amount: 0 })).toEqual({ amount: "Enter an amount above zero." });
    expect(checkDonationRequest({ ...request, currency: "E1" })).toEqual({ currency: "Choose a currency." });
  });

  it("takes the amount only as whole minor units, never as text to reparse", () => {
    for (const amount of ["1e9", "19.00", "2500", 25.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(checkDonationRequest({ ...request, amount: amount as number }).amount).toBeTruthy();
    }
  });

  it("holds dedications to the server's limit, counted after trimming", () => {
    expect(DEDICATION_MAX_LENGTH).toBeGreaterThan(0);
    const longest = "x".repeat(DEDICATION_MAX_LENGTH);
    expect(checkDonationRequest({ ...request, dedication: ` ${longest} ` })).toEqual({});
    expect(checkDonationRequest({ ...request, dedication: `${longest}x` })).toEqual({ dedication: "Keep your message under 500 characters." });
  });

  it("maps the server's 422 fields to the page's fields, first message first", () => {
    expect(
      donationFieldErrors({ "donor.email": ["first", "second"], "donor.name": ["name"], campaign: ["campaign"], coverFee: ["fee"], method: ["method"] }),
    ).toEqual({
      email: "first",
      name: "name",
      fund: "campaign",
      coverFee: "fee",
      method: "method",
    });
    expect(donationFieldErrors({ organisation: ["No such organisation."], amount: [] })).toEqual({ form: "No such organisation." });
  });
});
