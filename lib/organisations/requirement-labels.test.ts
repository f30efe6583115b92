// Stripe's requirement keys and disabled reasons read as words an admin understands, from the
// message files; a key Amply does not know still reads as words, never as a raw key.
import { describe, expect, it } from "vitest";
import { disabledReasonText, requirementLabels } from "./requirement-labels";

describe("Stripe's requirements in words", () => {
  it("names known keys once each, in Stripe's order, and spells out unknown ones", () => {
    expect(requirementLabels(["external_account", "company.name", "company.address", "company.structure"])).toEqual([
      "A bank account to receive payouts",
      "Your organisation's name, address and phone number",
      "Company structure",
    ]);
  });

  it("explains why Stripe disabled an account, with a general sentence for a reason it does not know", () => {
    expect(disabledReasonText("requirements.past_due")).toBe("Stripe needs more information before this account can take payments.");
    expect(disabledReasonText("rejected.terms_of_service")).toBe("Stripe rejected this account for its terms of service.");
    expect(disabledReasonText("something_new")).toBe("Stripe has disabled payments on this account for now.");
    expect(disabledReasonText(null)).toBeNull();
  });
});
