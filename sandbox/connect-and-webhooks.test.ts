// The sandbox's Connect OAuth and webhooks, driven by the real `stripe` Node SDK exactly as Amply drives Stripe: if these pass,
// Amply's requests are the ones real Stripe would accept, and the answers have Stripe's shapes.
import { describe, expect, it } from "vitest";
import { answerWebhooksWith, connectedAccount, control, idText, received, sandbox, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

describe("Connect OAuth", () => {
  it("exchanges a code once and deauthorizes", async () => {
    const account = await connectedAccount();
    const code = sandbox.engine.issueOAuthCode(account);
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code });
    expect(token.stripe_user_id).toBe(account);
    await expect(stripe.oauth.token({ grant_type: "authorization_code", code })).rejects.toMatchObject({ type: "StripeInvalidGrantError" });
    await stripe.oauth.deauthorize({ client_id: "ca_sandbox_amply", stripe_user_id: account });
    await expect(stripe.accounts.retrieve(account)).rejects.toMatchObject({ statusCode: 403, code: "account_invalid" });
  });

  it("redirects to the registered redirect_uri with the state, or with access_denied", async () => {
    const authorize = new URL(`${sandbox.url}/oauth/authorize`);
    for (const [k, v] of Object.entries({
      response_type: "code",
      client_id: "ca_sandbox_amply",
      scope: "read_write",
      redirect_uri: "http://localhost:3000/api/stripe/connect/callback",
      state: "s1",
      "stripe_user[business_name]": "Kind Org",
      "stripe_user[email]": "a@b.org",
      "stripe_user[country]": "DE",
    })) {
      authorize.searchParams.set(k, v);
    }
    const pageHtml = await (await fetch(authorize)).text();
    expect(pageHtml).toContain("Kind Org");
    expect(pageHtml).toContain("a@b.org");
    expect(pageHtml).toContain("Stripe sandbox - no real money");
    const decide = (decision: string) =>
      fetch(`${sandbox.url}/oauth/authorize`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({
          decision,
          readiness: "pending",
          state: "s1",
          redirect_uri: "http://localhost:3000/api/stripe/connect/callback",
          business_name: "Kind Org",
          email: "a@b.org",
          country: "DE",
        }),
      });
    const granted = new URL(String((await decide("authorize")).headers.get("location")));
    expect(granted.searchParams.get("state")).toBe("s1");
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code: String(granted.searchParams.get("code")) });
    expect(await stripe.accounts.retrieve(String(token.stripe_user_id))).toMatchObject({
      charges_enabled: false,
      requirements: { currently_due: expect.arrayContaining(["external_account"]) as string[] },
    });
    const denied = new URL(String((await decide("deny")).headers.get("location")));
    expect(denied.searchParams.get("error")).toBe("access_denied");
    const wrong = new URL(authorize);
    wrong.searchParams.set("redirect_uri", "http://evil.example/callback");
    expect((await fetch(wrong)).status).toBe(400);
  });
});

describe("webhooks", () => {
  it("signs events with Stripe's scheme, per endpoint, and retries until delivered", async () => {
    const account = await connectedAccount();
    received.length = 0;
    answerWebhooksWith(500);
    const pi = await stripe.paymentIntents.create({ amount: 1200, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    await new Promise((resolve) => setTimeout(resolve, 30));
    answerWebhooksWith(200);
    await control.idle();
    const events = received.map(({ body, signature }) => stripe.webhooks.constructEvent(body, signature, "whsec_sandbox_connect"));
    const succeeded = events.filter((event) => event.type === "payment_intent.succeeded" && event.data.object.id === pi.id);
    expect(succeeded.length).toBeGreaterThanOrEqual(2); // at least one failed attempt, then the delivery
    expect(succeeded[0]?.account).toBe(account);
    expect(new Set(events.map((e) => e.id)).size).toBeLessThan(events.length);
    const platformSigned = received.find(({ body }) => body.includes(pi.id));
    expect(() => stripe.webhooks.constructEvent(platformSigned?.body ?? "", platformSigned?.signature ?? "", "whsec_sandbox_platform")).toThrow(/signature/i);
    const log = await control.events({ type: "payment_intent.succeeded", account });
    expect(log.find((entry) => entry.event.data.object.id === pi.id)?.delivered).toBe(true);
  });

  it("counts a redirect as a failed delivery: never follows it, retries until a 2xx", async () => {
    const account = await connectedAccount();
    received.length = 0;
    answerWebhooksWith(302);
    const pi = await stripe.paymentIntents.create({ amount: 1300, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const redirected = (await control.events({ type: "payment_intent.succeeded", account })).find((entry) => entry.event.data.object.id === pi.id);
    expect(redirected?.delivered).toBe(false);
    expect(redirected?.attempts.length).toBeGreaterThanOrEqual(2);
    expect(redirected?.attempts.every((attempt) => attempt.status === 302)).toBe(true);
    expect(received.filter((request) => request.path === "/login")).toHaveLength(0);
    answerWebhooksWith(200);
    await control.idle();
    const delivered = (await control.events({ type: "payment_intent.succeeded", account })).find((entry) => entry.event.data.object.id === pi.id);
    expect(delivered?.delivered).toBe(true);
    expect(delivered?.attempts.at(-1)?.status).toBe(200);
  });

  it("can hold events and release them out of order", async () => {
    const account = await connectedAccount();
    await control.pauseWebhooks();
    received.length = 0;
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    await control.refund(idText(pi.latest_charge), 1000);
    expect(received).toHaveLength(0);
    await control.releaseWebhooks("reverse");
    await control.idle();
    const types = received.map(({ body }) => (JSON.parse(body) as { type: string }).type);
    expect(types.indexOf("charge.refunded")).toBeLessThan(types.indexOf("payment_intent.succeeded"));
  });

  it("books dispute withdrawals with the dispute fee", async () => {
    const account = await connectedAccount();
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    const dispute = await control.dispute(idText(pi.latest_charge));
    expect(dispute.balance_transactions[0]).toMatchObject({ amount: -3000, fee: 2000, net: -5000 });
    await control.closeDispute(dispute.id, "won");
    const types = (await control.events({ account })).map((e) => e.event.type);
    expect(types).toEqual(
      expect.arrayContaining(["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.funds_reinstated", "charge.dispute.closed"]),
    );
  });
});
