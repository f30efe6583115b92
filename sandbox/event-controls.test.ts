// Controls over event delivery that later issues need: a lost webhook (the next delivery of an event type never arrives,
// the event stays in /v1/events) and events rendered at another API version for one account.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { SandboxControl } from "./client";
import { startSandbox } from "./server";
import { connectedAccount, control, received, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

function deliveredTypes(account: string) {
  return received
    .map((delivery) => JSON.parse(delivery.body) as { id: string; type: string; account?: string; api_version: string })
    .filter((event) => event.account === account);
}

async function pay(account: string) {
  return stripe.paymentIntents.create({ amount: 1500, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
}

describe("a lost webhook", () => {
  it("skips the next delivery of one event type for one account only, and lists the event in /v1/events", async () => {
    const account = await connectedAccount();
    const other = await connectedAccount();
    await control.skipNextDelivery("payment_intent.succeeded", account);
    const lost = await pay(account);
    await pay(other);
    const later = await pay(account);
    await control.idle();
    const delivered = deliveredTypes(account).filter((event) => event.type === "payment_intent.succeeded");
    expect(delivered.map((event) => (event as unknown as { data: { object: { id: string } } }).data.object.id)).toEqual([later.id]);
    expect(deliveredTypes(other).filter((event) => event.type === "payment_intent.succeeded").length).toBe(1);
    // Other types of the same payment still arrive.
    expect(deliveredTypes(account).filter((event) => event.type === "charge.succeeded").length).toBe(2);
    const listed = await stripe.events.list({ type: "payment_intent.succeeded" }, { stripeAccount: account });
    expect(listed.data.map((event) => (event.data.object as { id: string }).id)).toEqual([later.id, lost.id]);
    const record = (await control.events({ account, type: "payment_intent.succeeded" }))[0];
    expect(record).toMatchObject({ delivered: false, lost: true, attempts: [] });
  });
});

describe("a per-account API version", () => {
  it("renders the account's events at the version set for it, and at the pinned one again when reset", async () => {
    const account = await connectedAccount();
    const other = await connectedAccount();
    await control.setApiVersion(account, "2025-03-31.basil");
    await pay(account);
    await pay(other);
    await control.idle();
    expect(new Set(deliveredTypes(account).map((event) => event.api_version))).toEqual(new Set(["2025-03-31.basil"]));
    expect(new Set(deliveredTypes(other).map((event) => event.api_version))).toEqual(new Set(["2026-10-28.endive"]));
    // Events keep the version they were created with, also when listed later.
    const listed = await stripe.events.list({ limit: 1 }, { stripeAccount: account });
    expect(listed.data[0]?.api_version).toBe("2025-03-31.basil");
    await control.setApiVersion(account, null);
    const before = deliveredTypes(account).length;
    await pay(account);
    await control.idle();
    expect(
      new Set(
        deliveredTypes(account)
          .slice(before)
          .map((event) => event.api_version),
      ),
    ).toEqual(new Set(["2026-10-28.endive"]));
  });
});

describe("settings kept in the state file", () => {
  it("keeps a pending lost webhook and an account's API version across a restart, and forgets them on reset", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "sandbox-settings-")), "state.json");
    const first = await startSandbox({ stateFile, quiet: true });
    const firstControl = new SandboxControl(first.url, first.keys.secretKey);
    const account = (await firstControl.createAccount({ country: "DE" })).id;
    await firstControl.skipNextDelivery("payment_intent.succeeded", account);
    await firstControl.setApiVersion(account, "2025-03-31.basil");
    await first.stop();

    const second = await startSandbox({ stateFile, quiet: true });
    const secondControl = new SandboxControl(second.url, second.keys.secretKey);
    const secondStripe = new (stripe.constructor as typeof Stripe)(second.keys.secretKey, { host: "127.0.0.1", port: second.port, protocol: "http" });
    const paid = () =>
      secondStripe.paymentIntents.create({ amount: 1500, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    await paid();
    await paid();
    const succeeded = await secondControl.events({ account, type: "payment_intent.succeeded" });
    // Only the next one is lost; both are rendered at the account's version.
    expect(succeeded.map((record) => record.lost)).toEqual([true, false]);
    expect(succeeded.map((record) => (record.event as { api_version?: string }).api_version)).toEqual(["2025-03-31.basil", "2025-03-31.basil"]);
    await second.stop();

    // The lost delivery was used up before this stop: a third start loses nothing, keeps the version.
    const third = await startSandbox({ stateFile, quiet: true });
    const thirdControl = new SandboxControl(third.url, third.keys.secretKey);
    const thirdStripe = new (stripe.constructor as typeof Stripe)(third.keys.secretKey, { host: "127.0.0.1", port: third.port, protocol: "http" });
    await thirdStripe.paymentIntents.create({ amount: 1500, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    const after = await thirdControl.events({ account, type: "payment_intent.succeeded" });
    expect(after.map((record) => [record.lost, (record.event as { api_version?: string }).api_version])).toEqual([[false, "2025-03-31.basil"]]);
    // The platform's own events too; a reset forgets every setting, in the file as well.
    await thirdControl.skipNextDelivery("customer.created");
    await thirdControl.reset();
    await third.stop();

    const fourth = await startSandbox({ stateFile, quiet: true });
    const fourthControl = new SandboxControl(fourth.url, fourth.keys.secretKey);
    const fourthStripe = new (stripe.constructor as typeof Stripe)(fourth.keys.secretKey, { host: "127.0.0.1", port: fourth.port, protocol: "http" });
    await fourthStripe.customers.create({ email: "platform@example.org" });
    expect((await fourthControl.events({ type: "customer.created" })).map((record) => record.lost)).toEqual([false]);
    await fourth.stop();
  });
});
