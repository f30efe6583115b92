// The sandbox console (GET /, POST /console/...): served to loopback only, its forms refused from
// any other site, and each button doing to the sandbox what the control API does.
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { consoleRefusal, isLoopbackAddress, isLoopbackHost } from "./console/guard";
import { minorUnits } from "./console/actions";
import { startSandbox } from "./server";
import { connectedAccount, control, idText, received, sandbox, startSandboxForTests, stripe } from "./test-support";

startSandboxForTests();

type Response = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Speak HTTP directly: fetch will not send a forged Host, nor leave Origin out on purpose. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<Response> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** What a browser sends when the console's own form is submitted. */
function sameOrigin(extra: Record<string, string> = {}) {
  const origin = sandbox.url;
  return { Origin: origin, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded", ...extra };
}

/** Press a console button: POST the form, follow the redirect, and return the flash message shown. */
async function press(path: string, form: Record<string, string> = {}) {
  const posted = await send(`${sandbox.url}${path}`, { method: "POST", headers: sameOrigin(), body: new URLSearchParams(form).toString() });
  expect(posted.status).toBe(303);
  const location = String(posted.headers.location);
  expect(location).toMatch(/^\/\?flash=[A-Za-z0-9_-]{16}$/);
  const shown = await send(`${sandbox.url}${location}`);
  expect(shown.status).toBe(200);
  const flash = /<div id="flash" class="flash (success|error)" role="(status|alert)"[^>]*><p>(.*?)<\/p><\/div>/.exec(shown.body);
  return { kind: flash?.[1], role: flash?.[2], message: decode(flash?.[3] ?? ""), page: shown.body };
}

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

async function sepaDebit(account: string, amount = 2500) {
  return stripe.paymentIntents.create(
    {
      amount,
      currency: "eur",
      confirm: true,
      payment_method_data: {
        type: "sepa_debit",
        sepa_debit: { iban: "DE89370400440532013000" },
        billing_details: { name: "Jenny Rosen", email: "jenny@example.com" },
      },
      mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "127.0.0.1", user_agent: "test" } } },
    },
    { stripeAccount: account },
  );
}

async function bankTransfer(account: string, amount = 5000) {
  const customer = await stripe.customers.create({ email: "donor@example.org" }, { stripeAccount: account });
  const pi = await stripe.paymentIntents.create(
    {
      amount,
      currency: "eur",
      customer: customer.id,
      allowed_payment_method_types: ["customer_balance"],
      payment_method_data: { type: "customer_balance" },
      payment_method_options: {
        customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } } },
      },
      confirm: true,
    },
    { stripeAccount: account },
  );
  return { pi, reference: String(pi.next_action?.display_bank_transfer_instructions?.reference) };
}

async function cardPayment(account: string, amount = 4000) {
  const pi = await stripe.paymentIntents.create({ amount, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
  return { pi, charge: idText(pi.latest_charge) };
}

const intent = (account: string, id: string) => stripe.paymentIntents.retrieve(id, undefined, { stripeAccount: account });
const charge = (account: string, id: string) => stripe.charges.retrieve(id, undefined, { stripeAccount: account });
const eventTypes = async (account: string, objectId: string) =>
  (await control.events({ account })).filter((entry) => entry.event.data.object.id === objectId).map((entry) => entry.event.type);

describe("who may use the console", () => {
  const request_ = (remoteAddress: string | undefined, headers: Record<string, string>, method = "GET") => ({ method, headers, socket: { remoteAddress } });

  it("knows loopback addresses, in IPv4, IPv6 and IPv4-mapped form, and nothing else", () => {
    for (const address of ["127.0.0.1", "127.45.6.7", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["192.0.2.2", "::ffff:192.0.2.2", "10.0.0.1", "128.0.0.1", "fd00::2", "::", "::2", "0.0.0.0", "", undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });

  it("knows loopback Host headers, and refuses names that merely start like one", () => {
    for (const host of ["127.0.0.1:12111", "localhost:12111", "LOCALHOST", "[::1]:12111", "127.0.0.1"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      "evil.example:12111",
      "127.0.0.1.evil.example",
      "localhost.evil.example:12111",
      "192.0.2.2:12111",
      "127.0.0.1:12111@evil.example",
      "",
      undefined,
    ]) {
      expect(isLoopbackHost(host), String(host)).toBe(false);
    }
  });

  it("serves a page to loopback and refuses other addresses, a foreign Host, and posts from anywhere but its own page", () => {
    const host = { host: "127.0.0.1:12111" };
    expect(consoleRefusal(request_("127.0.0.1", host))).toBeNull();
    expect(consoleRefusal(request_("::ffff:127.0.0.1", host))).toBeNull();
    expect(consoleRefusal(request_("192.0.2.2", host))).toBe("The sandbox console is served to this machine only (loopback connections).");
    expect(consoleRefusal(request_("127.0.0.1", { host: "rebound.evil.example:12111" }))).toBe(
      "The sandbox console answers only at a loopback address (127.0.0.1, [::1] or localhost).",
    );
    const post = (headers: Record<string, string>) => consoleRefusal(request_("127.0.0.1", { ...host, ...headers }, "POST"));
    expect(post({ origin: "http://127.0.0.1:12111", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(post({ origin: "http://127.0.0.1:12111" })).toBeNull();
    expect(post({})).toBe("The sandbox console takes form posts from its own page only: the request has no Origin.");
    expect(post({ origin: "null" })).toBe("A cross-site request cannot use the sandbox console (Origin: null).");
    // Amply on localhost:3000 is another origin (same site): its pages cannot press the buttons either.
    expect(post({ origin: "http://127.0.0.1:3000" })).toBe("A cross-site request cannot use the sandbox console (Origin: http://127.0.0.1:3000).");
    expect(post({ origin: "http://127.0.0.1:12111", "sec-fetch-site": "same-site" })).toBe(
      "A cross-site request cannot use the sandbox console (Sec-Fetch-Site: same-site).",
    );
    expect(post({ origin: "http://127.0.0.1:12111", "sec-fetch-site": "cross-site" })).toBe(
      "A cross-site request cannot use the sandbox console (Sec-Fetch-Site: cross-site).",
    );
  });

  it("answers a connection from another machine's address with 403, for the page and for a button", async () => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
    expect(lan, "this test needs a network interface with a non-loopback IPv4 address").toBeDefined();
    const open = await startSandbox({ host: "0.0.0.0", quiet: true });
    try {
      const account = open.engine.createAccount({ country: "DE", businessName: "Open", email: null, ready: true });
      const url = `http://${lan}:${open.port}`;
      const page = await send(`${url}/`, { localAddress: lan, headers: { Host: `127.0.0.1:${open.port}` } });
      expect(page.status).toBe(403);
      expect(page.body).toContain("The sandbox console is served to this machine only (loopback connections).");
      expect(page.body).not.toContain(account.id);
      const posted = await send(`${url}/console/accounts/${account.id}/payout`, {
        method: "POST",
        localAddress: lan,
        headers: { Host: `127.0.0.1:${open.port}`, Origin: `http://127.0.0.1:${open.port}`, "Content-Type": "application/x-www-form-urlencoded" },
      });
      expect(posted.status).toBe(403);
      // The same sandbox still serves this machine.
      expect((await send(`http://127.0.0.1:${open.port}/`)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });

  it("refuses a page asked for under a foreign Host name (DNS rebinding)", async () => {
    const response = await send(`${sandbox.url}/`, { headers: { Host: `rebound.evil.example:${sandbox.port}` } });
    expect(response.status).toBe(403);
    expect(response.body).toContain("The sandbox console answers only at a loopback address");
  });

  it("refuses a cross-site post, with or without Sec-Fetch-Site, and one with no Origin: the debit stays processing", async () => {
    const account = await connectedAccount();
    const pi = await sepaDebit(account);
    const path = `${sandbox.url}/console/payment_intents/${pi.id}/settle`;
    const body = "outcome=succeeded";
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const attempts = [
      { ...form, Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" },
      { ...form, Origin: "http://evil.example" },
      { ...form, Origin: sandbox.url, "Sec-Fetch-Site": "cross-site" },
      { ...form, Origin: "http://localhost:3000", "Sec-Fetch-Site": "same-site" },
      form,
    ];
    for (const headers of attempts) {
      const response = await send(path, { method: "POST", headers, body });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await intent(account, pi.id)).status).toBe("processing");
    expect(await eventTypes(account, pi.id)).not.toContain("payment_intent.succeeded");
  });

  it("forbids framing, scripts and foreign form targets on the page", async () => {
    const response = await send(`${sandbox.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["content-security-policy"]).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
    );
    expect(response.headers["cache-control"]).toBe("no-store");
    // A page under no-referrer gets its own form posts sent with Origin: null, which the guard refuses.
    expect(response.headers["referrer-policy"]).toBe("same-origin");
  });
});

describe("the page", () => {
  it("lists accounts, payments with their charges, waiting bank transfers, subscriptions and events, escaping what it shows", async () => {
    const account = await connectedAccount();
    const sepa = await sepaDebit(account);
    const { pi: transfer, reference } = await bankTransfer(account);
    const card = await stripe.paymentIntents.create(
      { amount: 1234, currency: "eur", confirm: true, payment_method: "pm_card_visa", description: "<script>alert(1)</script> gift" },
      { stripeAccount: account },
    );
    const page = (await send(`${sandbox.url}/`)).body;
    expect(page).toContain("<h1>Sandbox console</h1>");
    expect(page).toContain("<caption>Connected accounts and their latest payout</caption>");
    const row = (id: string) => new RegExp(`<tr id="${id}">(.*?)</tr>`).exec(page)?.[1] ?? "";
    expect(row(account)).toContain("Test Charity");
    expect(row(sepa.id)).toContain("25.00 EUR");
    expect(row(sepa.id)).toContain("processing");
    expect(row(sepa.id)).toContain("Settle debit");
    expect(row(sepa.id)).toContain("Fail debit");
    expect(row(card.id)).toContain("&lt;script&gt;alert(1)&lt;/script&gt; gift");
    expect(row(card.id)).toContain(`<code>${idText(card.latest_charge)}</code> succeeded`);
    expect(row(card.id)).toContain(">Refund<");
    expect(row(card.id)).toContain(">Dispute<");
    expect(page).not.toContain("<script>");
    // A bank transfer waiting for money is listed under bank transfers, not payments.
    const transfers = /<table id="transfers-table">(.*?)<\/table>/.exec(page)?.[1] ?? "";
    expect(transfers).toContain(reference);
    expect(row(transfer.id)).toContain("Fund in full");
    expect(/<table id="payments-table">(.*?)<\/table>/.exec(page)?.[1]).not.toContain(transfer.id);
    // Every button says which object it acts on, for a screen reader's list of buttons.
    expect(row(sepa.id)).toContain(`Settle debit<span class="visually-hidden"> ${sepa.id}</span>`);
  });

  it("shows a flash message once: a reload shows the page without it", async () => {
    const account = await connectedAccount();
    await cardPayment(account);
    const posted = await send(`${sandbox.url}/console/accounts/${account}/payout`, { method: "POST", headers: sameOrigin() });
    const location = String(posted.headers.location);
    expect((await send(`${sandbox.url}${location}`)).body).toContain('id="flash"');
    expect((await send(`${sandbox.url}${location}`)).body).not.toContain('id="flash"');
    expect((await send(`${sandbox.url}/?flash=made-up`)).body).not.toContain('id="flash"');
  });

  it("answers 404 for an action it does not have, and 405 for a GET of an action", async () => {
    expect((await send(`${sandbox.url}/console/payment_intents/pi_x/capture`, { method: "POST", headers: sameOrigin() })).status).toBe(404);
    expect((await send(`${sandbox.url}/console/accounts/acct_x/payout`)).status).toBe(405);
  });
});

describe("the buttons", () => {
  it("settles a SEPA debit: the payment succeeds and Amply is told", async () => {
    const account = await connectedAccount();
    const pi = await sepaDebit(account);
    const result = await press(`/console/payment_intents/${pi.id}/settle`, { outcome: "succeeded" });
    expect(result).toMatchObject({ kind: "success", role: "status", message: `The debit ${pi.id} settled: the payment of 25.00 EUR is now succeeded.` });
    expect((await intent(account, pi.id)).status).toBe("succeeded");
    expect(await eventTypes(account, pi.id)).toContain("payment_intent.succeeded");
    // The row now shows the result, and no settle button.
    expect(/<tr id="([^"]+)">/.exec(result.page.slice(result.page.indexOf(`<tr id="${pi.id}">`)))?.[1]).toBe(pi.id);
    expect(result.page).not.toContain(`/console/payment_intents/${pi.id}/settle`);
  });

  it("fails a SEPA debit: the payment needs a new payment method", async () => {
    const account = await connectedAccount();
    const pi = await sepaDebit(account);
    const result = await press(`/console/payment_intents/${pi.id}/settle`, { outcome: "failed" });
    expect(result).toMatchObject({
      kind: "success",
      message: `The bank returned the debit ${pi.id}: the payment is now requires_payment_method (payment failed).`,
    });
    expect((await intent(account, pi.id)).status).toBe("requires_payment_method");
    expect(await eventTypes(account, pi.id)).toContain("payment_intent.payment_failed");
  });

  it("says why a payment that is not processing cannot be settled", async () => {
    const account = await connectedAccount();
    const { pi } = await cardPayment(account);
    const result = await press(`/console/payment_intents/${pi.id}/settle`, { outcome: "succeeded" });
    expect(result).toMatchObject({ kind: "error", role: "alert", message: `PaymentIntent ${pi.id} is succeeded, not processing.` });
  });

  it("funds a bank transfer in part, then in full", async () => {
    const account = await connectedAccount();
    const { pi, reference } = await bankTransfer(account);
    const part = await press(`/console/payment_intents/${pi.id}/fund`, { amount: "20.50" });
    expect(part).toMatchObject({
      kind: "success",
      message: `20.50 EUR arrived by bank transfer with reference ${reference}: 29.50 EUR still to come (partially funded).`,
    });
    const waiting = await intent(account, pi.id);
    expect(waiting.status).toBe("requires_action");
    expect(waiting.amount_received).toBe(2050);
    expect(waiting.next_action?.display_bank_transfer_instructions?.amount_remaining).toBe(2950);
    expect(await eventTypes(account, pi.id)).toContain("payment_intent.partially_funded");

    const full = await press(`/console/payment_intents/${pi.id}/fund`);
    expect(full).toMatchObject({
      kind: "success",
      message: `29.50 EUR arrived by bank transfer with reference ${reference}: the payment of 50.00 EUR is now succeeded.`,
    });
    expect((await intent(account, pi.id)).status).toBe("succeeded");
    expect(await eventTypes(account, pi.id)).toContain("payment_intent.succeeded");
  });

  it("refuses to fund more than is still to come, or an amount it cannot read, and changes nothing", async () => {
    const account = await connectedAccount();
    const { pi } = await bankTransfer(account);
    expect(await press(`/console/payment_intents/${pi.id}/fund`, { amount: "50.01" })).toMatchObject({
      kind: "error",
      message: "Enter at most 50.00 EUR, the amount still to come.",
    });
    expect(await press(`/console/payment_intents/${pi.id}/fund`, { amount: "1.234" })).toMatchObject({
      kind: "error",
      message: "Enter an amount in EUR with at most 2 decimals, e.g. 12.00.",
    });
    expect(await press(`/console/payment_intents/${pi.id}/fund`, { amount: "10", customer: "cus_other" })).toMatchObject({ kind: "error" });
    expect((await intent(account, pi.id)).amount_received).toBe(0);
  });

  it("refunds part of a charge, then the rest", async () => {
    const account = await connectedAccount();
    const { charge: chargeId } = await cardPayment(account);
    const part = await press(`/console/charges/${chargeId}/refund`, { amount: "5" });
    expect(part.kind).toBe("success");
    expect(part.message).toMatch(new RegExp(`^Refund re_\\w+ of 5.00 EUR on ${chargeId} is succeeded; 5.00 EUR of 40.00 EUR refunded.$`));
    const rest = await press(`/console/charges/${chargeId}/refund`, { amount: "" });
    expect(rest.message).toMatch(new RegExp(`^Refund re_\\w+ of 35.00 EUR on ${chargeId} is succeeded; 40.00 EUR of 40.00 EUR refunded.$`));
    const refunded = await charge(account, chargeId);
    expect(refunded.amount_refunded).toBe(4000);
    expect(refunded.refunded).toBe(true);
    expect(await press(`/console/charges/${chargeId}/refund`)).toMatchObject({ kind: "error", message: `Charge ${chargeId} has already been refunded.` });
  });

  it("opens a dispute and wins it, and opens another and loses it", async () => {
    const account = await connectedAccount();
    for (const outcome of ["won", "lost"] as const) {
      const { charge: chargeId } = await cardPayment(account);
      const opened = await press(`/console/charges/${chargeId}/dispute`);
      const disputeId = /^Dispute (dp_\w+) opened/.exec(opened.message)?.[1] ?? "";
      expect(opened.message).toBe(`Dispute ${disputeId} opened on ${chargeId} (needs_response): 40.00 EUR and the dispute fee were withdrawn.`);
      expect(opened.page).toContain(`/console/disputes/${disputeId}/close`);
      const closed = await press(`/console/disputes/${disputeId}/close`, { outcome });
      expect(closed.message).toBe(
        outcome === "won" ? `Dispute ${disputeId} is won: 40.00 EUR was reinstated.` : `Dispute ${disputeId} is lost: the money stays withdrawn.`,
      );
      const dispute = await stripe.disputes.retrieve(disputeId, undefined, { stripeAccount: account });
      expect(dispute.status).toBe(outcome);
      const types = (await control.events({ account })).filter((entry) => entry.event.data.object.id === disputeId).map((entry) => entry.event.type);
      expect(types.includes("charge.dispute.funds_reinstated")).toBe(outcome === "won");
      expect(closed.page).not.toContain(`/console/disputes/${disputeId}/close`);
    }
  });

  it("pays out the account's balance", async () => {
    const account = await connectedAccount();
    await cardPayment(account);
    const result = await press(`/console/accounts/${account}/payout`);
    const payouts = await stripe.payouts.list({}, { stripeAccount: account });
    const payout = payouts.data[0] as Stripe.Payout;
    expect(payouts.data.length).toBe(1);
    expect(payout.status).toBe("paid");
    // 40.00 EUR less the fee at the sandbox's default 1.5% + 0.25: 0.85.
    expect(payout.amount).toBe(3915);
    expect(result).toMatchObject({ kind: "success", message: `Payout ${payout.id} of 39.15 EUR from ${account} is paid.` });
    expect(await press(`/console/accounts/${account}/payout`)).toMatchObject({ kind: "error", message: "There is no positive balance to pay out." });
  });

  it("sends an event again to Amply's endpoint", async () => {
    const account = await connectedAccount();
    const { pi } = await cardPayment(account);
    await control.idle();
    const event = (await control.events({ account, type: "payment_intent.succeeded" })).find((entry) => entry.event.data.object.id === pi.id)?.event;
    const deliveries = () => received.filter((delivery) => (JSON.parse(delivery.body) as { id: string }).id === event?.id).length;
    expect(deliveries()).toBe(1);
    const result = await press(`/console/events/${event?.id}/redeliver`);
    expect(result.message).toBe(`Event ${event?.id} (payment_intent.succeeded) is being sent again to ${sandbox.engine.webhooks.endpointUrl}.`);
    await control.idle();
    expect(deliveries()).toBe(2);
    expect(await press("/console/events/evt_missing/redeliver")).toMatchObject({ kind: "error", message: "No such event: 'evt_missing'" });
  });

  it("renews a subscription, paid or failed", async () => {
    const account = await connectedAccount();
    const customer = (await stripe.customers.create({ email: "monthly@example.org" }, { stripeAccount: account })).id;
    const product = await stripe.products.create({ name: "Monthly donation" }, { stripeAccount: account });
    const subscription = await stripe.subscriptions.create(
      {
        customer,
        items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 2000, recurring: { interval: "month" } } }],
        payment_behavior: "default_incomplete",
        payment_settings: { save_default_payment_method: "on_subscription" },
        expand: ["latest_invoice.confirmation_secret"],
      },
      { stripeAccount: account },
    );
    const secret = (subscription.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret as string;
    await stripe.paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: "pm_card_visa" }, { stripeAccount: account });
    const paid = await press(`/console/subscriptions/${subscription.id}/advance`, { outcome: "paid" });
    expect(paid.message).toMatch(new RegExp(`^Subscription ${subscription.id} renewed: invoice in_\\w+ is paid, the subscription is active.$`));
    const failed = await press(`/console/subscriptions/${subscription.id}/advance`, { outcome: "failed" });
    expect(failed.message).toMatch(new RegExp(`^Subscription ${subscription.id} renewed: invoice in_\\w+ is open, the subscription is past_due.$`));
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("past_due");
    // The donor's new card, then the failed payment's next attempt, now.
    const card = await stripe.paymentMethods.attach("pm_card_visa", { customer }, { stripeAccount: account });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: card.id }, { stripeAccount: account });
    const invoice = /invoice (in_\w+)/.exec(failed.message)?.[1] ?? "";
    expect((await send(`${sandbox.url}/`)).body).toContain(`/console/invoices/${invoice}/retry`);
    const retried = await press(`/console/invoices/${invoice}/retry`);
    expect(retried.message).toBe(`Invoice ${invoice}: payment attempt 2, the invoice is paid.`);
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("active");
  });

  it("refuses a form with a field it does not take, or a field sent twice", async () => {
    const account = await connectedAccount();
    const pi = await sepaDebit(account);
    expect(await press(`/console/payment_intents/${pi.id}/settle`, { outcome: "succeeded", amount: "1" })).toMatchObject({ kind: "error" });
    const twice = await send(`${sandbox.url}/console/payment_intents/${pi.id}/settle`, {
      method: "POST",
      headers: sameOrigin(),
      body: "outcome=failed&outcome=succeeded",
    });
    expect((await send(`${sandbox.url}${String(twice.headers.location)}`)).body).toContain("The form sent a field twice.");
    expect(await press(`/console/payment_intents/${pi.id}/settle`, { outcome: "maybe" })).toMatchObject({ kind: "error" });
    expect((await intent(account, pi.id)).status).toBe("processing");
  });
});

describe("amounts typed in the console", () => {
  it("reads major units in the currency's decimals", () => {
    expect(minorUnits("12", "eur")).toBe(1200);
    expect(minorUnits("12.5", "eur")).toBe(1250);
    expect(minorUnits("12,05", "eur")).toBe(1205);
    expect(minorUnits(" 0.01 ", "eur")).toBe(1);
    expect(minorUnits("1000", "jpy")).toBe(1000);
    expect(minorUnits("1.005", "kwd")).toBe(1005);
    for (const [typed, currency] of [
      ["1.5", "jpy"],
      ["0", "eur"],
      ["0.00", "eur"],
      ["-1", "eur"],
      ["1e3", "eur"],
      ["", "eur"],
      ["123456789", "eur"],
    ]) {
      expect(() => minorUnits(typed as string, currency as string), `${typed} ${currency}`).toThrow();
    }
  });
});
