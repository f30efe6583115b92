// Lists as Stripe pages and filters them (both directions, every filter applied or refused), and
// charges in every currency Amply offers, driven by the real `stripe` SDK.
import { describe, expect, it } from "vitest";
import { getCurrency, SUPPORTED_CURRENCIES } from "@/lib/money/currencies";
import { connectedAccount, control, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

const ids = (page: { data: Array<{ id: string }> }) => page.data.map((item) => item.id);

describe("lists", () => {
  it("pages forwards and backwards with a correct has_more both ways", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await stripe.customers.create({ email: `donor${i}@example.org` }, on)).id);
    const [c1, c2, c3, c4, c5] = created as [string, string, string, string, string];

    const first = await stripe.customers.list({ limit: 2 }, on);
    expect([ids(first), first.has_more]).toEqual([[c5, c4], true]);
    const second = await stripe.customers.list({ limit: 2, starting_after: c4 }, on);
    expect([ids(second), second.has_more]).toEqual([[c3, c2], true]);
    const last = await stripe.customers.list({ limit: 2, starting_after: c2 }, on);
    expect([ids(last), last.has_more]).toEqual([[c1], false]);

    const back = await stripe.customers.list({ limit: 2, ending_before: c2 }, on);
    expect([ids(back), back.has_more]).toEqual([[c4, c3], true]);
    const top = await stripe.customers.list({ limit: 2, ending_before: c4 }, on);
    expect([ids(top), top.has_more]).toEqual([[c5], false]);
  });

  it("filters customers, charges, payment intents, events and disputes; created by range", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    const donor = await stripe.customers.create({ email: "filtered@example.org" }, on);
    await stripe.customers.create({ email: "other@example.org" }, on);
    expect(ids(await stripe.customers.list({ email: "filtered@example.org" }, on))).toEqual([donor.id]);

    const paid = await stripe.paymentIntents.create({ amount: 2000, currency: "eur", customer: donor.id, confirm: true, payment_method: "pm_card_visa" }, on);
    await stripe.paymentIntents.create({ amount: 3000, currency: "eur" }, on);
    expect(ids(await stripe.paymentIntents.list({ customer: donor.id }, on))).toEqual([paid.id]);
    const charges = await stripe.charges.list({ customer: donor.id }, on);
    expect(charges.data.map((charge) => charge.payment_intent)).toEqual([paid.id]);

    const events = await stripe.events.list({ type: "customer.created" }, on);
    expect(events.data).toHaveLength(2);
    expect((await stripe.events.list({ type: "payment_intent.*" }, on)).data.every((event) => event.type.startsWith("payment_intent."))).toBe(true);

    const chargeId = charges.data[0]?.id as string;
    await control.dispute(chargeId);
    const disputes = await stripe.disputes.list({ charge: chargeId }, on);
    expect(disputes.data.map((dispute) => dispute.charge)).toEqual([chargeId]);
    expect((await stripe.disputes.list({ payment_intent: "pi_none" }, on)).data).toEqual([]);

    const future = Math.floor(Date.now() / 1000) + 3600;
    expect((await stripe.customers.list({ created: { gte: future } }, on)).data).toEqual([]);
    expect((await stripe.customers.list({ created: { lt: future } }, on)).data).toHaveLength(2);
  });

  it("filters balance transactions by payout and currency, payouts by status", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    await stripe.paymentIntents.create({ amount: 2000, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, on);
    const payout = await control.payout(account);
    const inPayout = await stripe.balanceTransactions.list({ payout: payout.id }, on);
    expect(inPayout.data.map((txn) => txn.type).sort()).toEqual(["charge", "payout"]);
    expect((await stripe.balanceTransactions.list({ currency: "usd" }, on)).data).toEqual([]);
    expect(ids(await stripe.payouts.list({ status: "paid" }, on))).toEqual([payout.id]);
    expect((await stripe.payouts.list({ status: "failed" }, on)).data).toEqual([]);
  });

  it("refuses a filter Stripe has and the sandbox does not implement, instead of ignoring it", async () => {
    const on = { stripeAccount: await connectedAccount() };
    await expect(stripe.customers.list({ test_clock: "clock_123" }, on)).rejects.toMatchObject({
      param: "test_clock",
      message: expect.stringContaining("sandbox") as string,
    });
  });
});

describe("currencies", () => {
  it("charges in every currency Amply offers, zero- and three-decimal included, on a euro account", async () => {
    const on = { stripeAccount: await connectedAccount() };
    const failures: string[] = [];
    for (const code of SUPPORTED_CURRENCIES) {
      const { exponent } = getCurrency(code);
      // 100,000 units is above 0.50 USD in every currency and, for the strongest, under the 8-digit maximum.
      const amount = Math.min(99_999_900, 100_000 * 10 ** exponent);
      try {
        await stripe.paymentIntents.create({ amount, currency: code.toLowerCase() }, on);
      } catch (error) {
        failures.push(`${code}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses an amount under the equivalent of 0.50 USD in a currency without a published minimum", async () => {
    const on = { stripeAccount: await connectedAccount() };
    await expect(stripe.paymentIntents.create({ amount: 100, currency: "bif" }, on)).rejects.toMatchObject({ code: "amount_too_small", param: "amount" });
    await expect(stripe.paymentIntents.create({ amount: 5_000, currency: "bif" }, on)).resolves.toMatchObject({ currency: "bif" });
    await expect(stripe.paymentIntents.create({ amount: 500, currency: "kwd" }, on)).resolves.toMatchObject({ currency: "kwd" });
    await expect(stripe.paymentIntents.create({ amount: 100, currency: "clp" }, on)).rejects.toMatchObject({ code: "amount_too_small" });
  });
});
