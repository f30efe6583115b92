import { describe, expect, it } from "vitest";
import { readManageToken, tokenOfManageUrl } from "@/lib/recurring/manage-link";
import type { DonationContext } from "./find-donation";
import { receiptEmail } from "./receipt";

const donation: DonationContext = {
  id: "don_1",
  number: 1,
  receiptNumber: 7,
  organisationId: "org_1",
  status: "succeeded",
  amount: 1500n,
  feeCovered: 0n,
  chargedAmount: 1500n,
  currency: "EUR",
  refundedAmount: 0n,
  succeededAt: null,
  refundedAt: null,
  stripePaymentIntentId: null,
  stripeChargeId: null,
  paymentMethodType: "card",
  dedication: null,
  organisationName: "Clean Rivers",
  organisationEmail: "hello@rivers.example",
  stripeAccountId: "acct_1",
  donorEmail: "dana@example.org",
  donorName: "Dana",
  fundName: null,
  campaignName: null,
  recurringInterval: null,
  recurringDonationId: null,
};

describe("receipts of recurring installments", () => {
  it("carry a manage link for their gift, built from APP_URL", () => {
    const mail = receiptEmail({ ...donation, recurringInterval: "month", recurringDonationId: "rd_42" }, new Date(), "R-000007");
    const url = /http:\/\/localhost:3000\/manage\/\S+/.exec(String(mail?.text))?.[0];
    expect(url).toBeDefined();
    expect(readManageToken(tokenOfManageUrl(String(url)))).toMatchObject({ ok: true, recurringDonationId: "rd_42" });
    expect(mail?.html).toContain(String(url));
  });

  it("of one-off gifts have none", () => {
    expect(receiptEmail(donation, new Date(), "R-000007")?.text).not.toContain("/manage/");
  });
});
