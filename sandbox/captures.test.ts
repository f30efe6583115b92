// Asynchronous capture, as Stripe does it at this API version (docs/stripe.md#asynchronous-capture):
// the balance transaction is null on the success events and on reads until the capture completes,
// then it is booked and `charge.updated` says so. Refunds and disputes before then still work, and
// a capture pending when the sandbox stops completes when its state is loaded again.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { SandboxControl } from "./client";
import { startSandbox } from "./server";
import { connectedAccount, control, idText, sandbox, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

async function pay(account: string, amount = 2563) {
  const intent = await stripe.paymentIntents.create({ amount, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
  return { intent, chargeId: idText(intent.latest_charge) };
}

async function eventsAbout(account: string, objectId: string) {
  return (await control.events({ account }))
    .map((entry) => entry.event as { type: string; data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> } })
    .filter((event) => event.data.object.id === objectId || event.data.object.latest_charge === objectId);
}

const retrieveExpanded = (account: string, chargeId: string) =>
  stripe.charges.retrieve(chargeId, { expand: ["balance_transaction"] }, { stripeAccount: account });

describe("asynchronous capture", () => {
  it("sends the success events without a balance transaction, then books it and sends charge.updated", async () => {
    const account = await connectedAccount();
    const { intent, chargeId } = await pay(account);
    const confirmed = await stripe.paymentIntents.retrieve(intent.id, { expand: ["latest_charge.balance_transaction"] }, { stripeAccount: account });
    expect(confirmed.status).toBe("succeeded");
    expect((confirmed.latest_charge as Stripe.Charge).balance_transaction).toBeNull();
    expect((await retrieveExpanded(account, chargeId)).balance_transaction).toBeNull();

    await expect.poll(async () => (await retrieveExpanded(account, chargeId)).balance_transaction, { timeout: 3000 }).not.toBeNull();
    const charge = await retrieveExpanded(account, chargeId);
    expect(charge.balance_transaction).toMatchObject({ amount: 2563, fee: 63, net: 2500, currency: "eur", source: chargeId });
    const events = await eventsAbout(account, chargeId);
    expect(events.map((e) => e.type)).toEqual(["charge.succeeded", "payment_intent.succeeded", "charge.updated"]);
    expect(events[0]?.data.object.balance_transaction).toBeNull();
    const updated = events[2];
    expect(updated?.data.object.balance_transaction).toBe((charge.balance_transaction as Stripe.BalanceTransaction).id);
    expect(updated?.data.previous_attributes).toEqual({ balance_transaction: null });
  });

  it("holds an account's captures until released, and takes a delay of 0 (still after the success events)", async () => {
    const held = await connectedAccount();
    await control.captureSettings(held, { hold: true });
    const { chargeId } = await pay(held);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await retrieveExpanded(held, chargeId)).balance_transaction).toBeNull();
    expect((await control.capture(chargeId)).balance_transaction).toMatch(/^txn_/);
    expect((await retrieveExpanded(held, chargeId)).balance_transaction).toMatchObject({ fee: 63 });
    await control.capture(chargeId); // already captured: nothing more
    expect((await eventsAbout(held, chargeId)).filter((e) => e.type === "charge.updated")).toHaveLength(1);

    const immediate = await connectedAccount();
    await control.captureSettings(immediate, { delay_ms: 0 });
    const paid = await pay(immediate);
    await expect
      .poll(async () => (await eventsAbout(immediate, paid.chargeId)).map((e) => e.type))
      .toEqual(["charge.succeeded", "payment_intent.succeeded", "charge.updated"]);
  });

  it("refunds and disputes a charge whose capture is pending: the capture completes first", async () => {
    const account = await connectedAccount();
    await control.captureSettings(account, { hold: true });
    const refunded = await pay(account, 3000);
    const refund = await stripe.refunds.create({ charge: refunded.chargeId, amount: 1000 }, { stripeAccount: account });
    expect(await stripe.balanceTransactions.retrieve(idText(refund.balance_transaction), undefined, { stripeAccount: account })).toMatchObject({
      amount: -1000,
    });
    expect((await retrieveExpanded(account, refunded.chargeId)).balance_transaction).toMatchObject({ amount: 3000 });
    const types = (await eventsAbout(account, refunded.chargeId)).map((e) => e.type);
    expect(types.indexOf("charge.updated")).toBeLessThan(types.indexOf("charge.refunded"));

    const disputed = await pay(account, 5000);
    const dispute = await control.dispute(disputed.chargeId);
    expect(dispute.balance_transactions[0]).toMatchObject({ amount: -5000 });
    expect((await retrieveExpanded(account, disputed.chargeId)).balance_transaction).toMatchObject({ amount: 5000, fee: 100 });
  });

  it("completes a capture left pending by a restart when the state is loaded", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "sandbox-capture-")), "state.json");
    const first = await startSandbox({ stateFile, quiet: true });
    const firstControl = new SandboxControl(first.url, first.keys.secretKey);
    const account = (await firstControl.createAccount({ country: "DE" })).id;
    await firstControl.captureSettings(account, { hold: true });
    const firstStripe = new (stripe.constructor as typeof Stripe)(first.keys.secretKey, { host: "127.0.0.1", port: first.port, protocol: "http" });
    const intent = await firstStripe.paymentIntents.create(
      { amount: 2000, currency: "eur", confirm: true, payment_method: "pm_card_visa" },
      { stripeAccount: account },
    );
    const chargeId = idText(intent.latest_charge);
    await first.stop();

    const second = await startSandbox({ stateFile, quiet: true });
    const secondStripe = new (stripe.constructor as typeof Stripe)(second.keys.secretKey, { host: "127.0.0.1", port: second.port, protocol: "http" });
    const charge = await secondStripe.charges.retrieve(chargeId, { expand: ["balance_transaction"] }, { stripeAccount: account });
    expect(charge.balance_transaction).toMatchObject({ amount: 2000, fee: 55 });
    const events = await new SandboxControl(second.url, second.keys.secretKey).events({ account, type: "charge.updated" });
    expect(events.map((e) => e.event.data.object.id)).toEqual([chargeId]);
    await second.stop();
    expect(sandbox.url).not.toBe(second.url);
  });
});
