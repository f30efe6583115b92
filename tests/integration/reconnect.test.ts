// A donation belongs to the Stripe account it was charged on. An organisation that disconnects
// and connects another account still gets its old charges' refunds and disputes booked, and an
// event from the new account cannot touch a donation charged on the old one.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { markDisconnected } from "@/lib/organisations/disconnect-stripe";
import { chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, eventOf, payWithCard } from "../support/fixtures";

describe("after the organisation reconnects another Stripe account", () => {
  it("an old charge's refund, from the old account, still finds and updates its donation from the signed payload", async () => {
    const org = await connectedOrganisation();
    const { donation, intent } = await donationWithIntent(org, { amount: 4000, currency: "eur" });
    const paid = await payWithCard(intent.id, org.account);
    expect((await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id))).status).toBe(200);

    // Disconnect, then connect a different account.
    await db.$transaction((tx) => markDisconnected(tx, org.organisation.id));
    const other = await control.createAccount({ country: "DE", ready: true });
    await db.organisation.update({ where: { id: org.organisation.id }, data: { stripeAccountId: other.id, stripeChargesEnabled: true } });

    // The donor's bank refunds through the old account (the organisation still has it).
    await control.refund(chargeIdOf(paid), 1500);
    // Amply can no longer read that account: charge.refunded (a cumulative amount) leaves the
    // counting to refund.created, whose payload names the refund, its amount and status.
    expect(await deliver(await eventOf(org.account, "charge.refunded"))).toMatchObject({ status: 200, state: "ignored" });
    expect(await deliver(await eventOf(org.account, "refund.created"))).toMatchObject({ status: 200, state: "processed" });
    const stored = await db.donation.findUniqueOrThrow({ where: { id: donation.id }, include: { refunds: true } });
    expect(stored).toMatchObject({ status: "partially_refunded", refundedAmount: 1500n, stripeAccountId: org.account });
    expect(stored.refunds).toEqual([expect.objectContaining({ amount: 1500n, stripeAccountId: org.account })]);
    // No fee or balance transaction can be read for it: the ledger books nothing it cannot show.
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id, type: "refund" } })).toBe(0);
  });

  it("refuses an event from the new account about a charge made on the old one", async () => {
    const org = await connectedOrganisation();
    const { intent } = await donationWithIntent(org, { amount: 2500, currency: "eur" });
    await payWithCard(intent.id, org.account);
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    const other = await control.createAccount({ country: "DE", ready: true });
    await db.organisation.update({ where: { id: org.organisation.id }, data: { stripeAccountId: other.id } });
    // Signed by Stripe, but claiming the new account: not that account's payment.
    const response = await deliver({ ...event, id: `${event.id}_forged`, account: other.id });
    expect(response).toMatchObject({ status: 200, state: "rejected", outcome: expect.stringContaining("account mismatch") as string });
  });
});
