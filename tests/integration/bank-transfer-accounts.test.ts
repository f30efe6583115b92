// Bank transfers follow the connected Stripe account, not what the organisation typed: its
// country and its bank-transfer capability decide which currencies a donor may transfer, and a
// donor's Stripe customer belongs to the account it was made on. The organisation connects,
// disconnects and reconnects through the real routes and the sandbox's Connect OAuth; only the
// session lookup is stubbed (Auth.js needs a request).
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));

const { db } = await import("@/lib/db/client");
const { POST: give } = await import("@/app/api/donations/route");
const { GET: connect } = await import("@/app/api/organisations/[orgId]/stripe/connect/route");
const { POST: disconnect } = await import("@/app/api/organisations/[orgId]/stripe/disconnect/route");
const { GET: callback } = await import("@/app/api/stripe/connect/callback/route");
const { control, deliver, eventOf, organisationWithMembers, person, stripeSdk, unique } = await import("../support/fixtures");

let address = 1;

type Given = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string[]> } } };

/** POST /api/donations as the donation page sends it. */
async function donate(body: Record<string, unknown>, key: string = randomUUID()): Promise<Given> {
  const response = await give(
    new Request("http://localhost:3000/api/donations", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        "idempotency-key": key,
        "x-amply-client-address": `198.18.${Math.floor(address / 250)}.${address++ % 250}`,
      },
      // The total the page shows: without the fee covered, the gift itself.
      body: JSON.stringify({ expectedTotal: body.coverFee ? undefined : body.amount, ...body }),
    }),
  );
  return { status: response.status, body: (await response.json()) as Given["body"] };
}

const params = (orgId: string) => ({ params: Promise.resolve({ orgId }) });

/** The organisation's owner connects a new Stripe account in `country` through Connect OAuth. */
async function connectAccount(organisation: { id: string }, country: string) {
  const started = await connect(new Request(`http://localhost:3000/api/organisations/${organisation.id}/stripe/connect`), params(organisation.id));
  expect(started.status).toBe(200);
  const url = new URL(((await started.json()) as { url: string }).url);
  const consent = await fetch(`${url.origin}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      decision: "authorize",
      readiness: "ready",
      state: url.searchParams.get("state") ?? "",
      redirect_uri: url.searchParams.get("redirect_uri") ?? "",
      business_name: "Transfer Charity",
      email: "finance@transfer.example",
      country,
    }),
  });
  const back = new URL(String(consent.headers.get("location")));
  const returned = await callback(new Request(`http://localhost:3000/api/stripe/connect/callback?${back.searchParams}`));
  expect(String(returned.headers.get("location"))).toMatch(/\?connected=true$/);
  return String((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).stripeAccountId);
}

async function disconnectAccount(organisation: { id: string }) {
  const response = await disconnect(
    new Request("http://localhost:3000/x", { method: "POST", headers: { origin: "http://localhost:3000", "content-type": "application/json" }, body: "{}" }),
    params(organisation.id),
  );
  expect(response.status).toBe(200);
}

/** An organisation that typed `typedCountry` and takes these currencies, with its owner signed in. */
async function organisation(typedCountry: string, currencies: string[]) {
  const owner = await person("owner");
  session.user = owner;
  const created = await organisationWithMembers([[owner, "owner"]]);
  return db.organisation.update({ where: { id: created.id }, data: { country: typedCountry, acceptedCurrencies: currencies } });
}

const transfer = (slug: string, currency: string, email: string) => ({
  organisation: slug,
  amount: 5000,
  currency,
  coverFee: false,
  method: "bank_transfer",
  donor: { name: "Tess Transfer", email },
});

/** The customer a PaymentIntent names (an id unless expanded). */
const customerOf = (intent: Stripe.PaymentIntent) => (typeof intent.customer === "string" ? intent.customer : (intent.customer?.id ?? null));

async function intentOf(donationId: unknown) {
  const donation = await db.donation.findUniqueOrThrow({ where: { id: String(donationId) } });
  return stripeSdk.paymentIntents.retrieve(String(donation.stripePaymentIntentId), undefined, { stripeAccount: String(donation.stripeAccountId) });
}

describe("a returning bank-transfer donor after the organisation reconnects another Stripe account", () => {
  it("gets a new customer on the new account, and the old account keeps the old one", async () => {
    const org = await organisation("DE", ["EUR"]);
    const email = `${unique("returning")}@example.org`;
    const first = await connectAccount(org, "DE");
    const before = await donate(transfer(org.slug, "EUR", email));
    expect(before.status).toBe(201);
    const firstCustomer = customerOf(await intentOf(before.body.donationId));

    await disconnectAccount(org);
    const second = await connectAccount(org, "DE");
    expect(second).not.toBe(first);

    const after = await donate(transfer(org.slug, "EUR", email));
    expect(after.status).toBe(201);
    const intent = await intentOf(after.body.donationId);
    expect(intent.customer).toMatch(/^cus_/);
    expect(intent.customer).not.toBe(firstCustomer);
    const customer = (await stripeSdk.customers.retrieve(String(customerOf(intent)), undefined, { stripeAccount: second })) as Stripe.Customer;
    expect(customer.email).toBe(email);
    const donor = await db.donor.findUniqueOrThrow({ where: { organisationId_email: { organisationId: org.id, email } }, include: { stripeCustomers: true } });
    expect(
      donor.stripeCustomers
        .map(({ stripeAccountId, stripeCustomerId }) => ({ stripeAccountId, stripeCustomerId }))
        .sort((a, b) => (a.stripeAccountId === first ? -1 : b.stripeAccountId === first ? 1 : 0)),
    ).toEqual([
      { stripeAccountId: first, stripeCustomerId: firstCustomer },
      { stripeAccountId: second, stripeCustomerId: intent.customer },
    ]);

    // A third gift on the same account reuses that account's customer.
    const again = await donate(transfer(org.slug, "EUR", email));
    expect(again.status).toBe(201);
    expect((await intentOf(again.body.donationId)).customer).toBe(intent.customer);
  });
});

describe("the connected account decides which bank transfers a donor may make", () => {
  it("stores the account's country, default currency and capabilities at connect, and forgets them at disconnect", async () => {
    const org = await organisation("DE", ["EUR", "GBP"]);
    await connectAccount(org, "GB");
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      stripeAccountCountry: "GB",
      stripeDefaultCurrency: "GBP",
      stripeCapabilities: { card_payments: "active", transfers: "active", bank_transfer_payments: "active" },
    });
    await disconnectAccount(org);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      stripeAccountCountry: null,
      stripeDefaultCurrency: null,
      stripeCapabilities: null,
    });
  });

  it("follows account.updated: a capability Stripe turns off stops transfers, and turning it on again restores them", async () => {
    const org = await organisation("DE", ["EUR"]);
    const account = await connectAccount(org, "DE");
    await control.updateAccount(account, { bank_transfer_payments: false });
    expect((await deliver(await eventOf(account, "account.updated"))).status).toBe(200);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).stripeCapabilities).toMatchObject({ bank_transfer_payments: "inactive" });
    const refused = await donate(transfer(org.slug, "EUR", `${unique("off")}@example.org`));
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields?.method).toEqual([`${org.name} cannot receive bank transfers at the moment. Please choose another way to pay.`]);

    await control.updateAccount(account, { bank_transfer_payments: true });
    expect((await deliver(await eventOf(account, "account.updated"))).status).toBe(200);
    const key = randomUUID();
    const email = `${unique("on")}@example.org`;
    const started = await donate(transfer(org.slug, "EUR", email), key);
    expect(started.status).toBe(201);

    // Off again: the page retrying the transfer it started still gets its donation and instructions.
    await control.updateAccount(account, { bank_transfer_payments: false });
    expect((await deliver(await eventOf(account, "account.updated"))).status).toBe(200);
    const retried = await donate(transfer(org.slug, "EUR", email), key);
    expect(retried).toMatchObject({ status: 201, body: { donationId: started.body.donationId, bankTransfer: started.body.bankTransfer } });
    // A new attempt is refused.
    expect((await donate(transfer(org.slug, "EUR", email))).status).toBe(422);
  });

  it("offers a US account's donors USD transfers only, whatever country the organisation typed", async () => {
    const org = await organisation("DE", ["EUR", "USD"]);
    await connectAccount(org, "US");
    const count = () => db.donation.count({ where: { organisationId: org.id } });
    const euro = await donate(transfer(org.slug, "EUR", `${unique("eur")}@example.org`));
    expect(euro.status).toBe(422);
    expect(euro.body.error?.fields?.method).toEqual([`${org.name} can receive bank transfers in USD only. Choose USD, or pay another way.`]);
    expect(await count()).toBe(0);

    const dollars = await donate(transfer(org.slug, "USD", `${unique("usd")}@example.org`));
    expect(dollars.status).toBe(201);
    const instructions = dollars.body.bankTransfer as { accounts: Array<Array<{ label: string; value: string }>> };
    expect(instructions.accounts[0]?.map((line) => line.label)).toEqual(["Account holder", "Bank", "Routing number", "Account number"]);
    expect((await intentOf(dollars.body.donationId)).payment_method_options?.customer_balance?.bank_transfer?.type).toBe("us_bank_transfer");
  });

  it("lets a GB account's donors transfer GBP to a sort code and EUR to an IBAN", async () => {
    const org = await organisation("FR", ["EUR", "GBP", "USD"]);
    await connectAccount(org, "GB");
    const pounds = await donate(transfer(org.slug, "GBP", `${unique("gbp")}@example.org`));
    expect(pounds.status).toBe(201);
    expect((pounds.body.bankTransfer as { accounts: Array<Array<{ label: string }>> }).accounts[0]?.map((line) => line.label)).toEqual([
      "Account holder",
      "Sort code",
      "Account number",
    ]);
    const euros = await donate(transfer(org.slug, "EUR", `${unique("eur")}@example.org`));
    expect(euros.status).toBe(201);
    expect((euros.body.bankTransfer as { accounts: Array<Array<{ label: string }>> }).accounts[0]?.map((line) => line.label)).toEqual([
      "Account holder",
      "IBAN",
      "BIC",
    ]);
    const dollars = await donate(transfer(org.slug, "USD", `${unique("usd")}@example.org`));
    expect(dollars.status).toBe(422);
    expect(dollars.body.error?.fields?.method).toEqual([`${org.name} can receive bank transfers in EUR and GBP only. Choose EUR or GBP, or pay another way.`]);
  });

  it("lets a JP account's donors transfer JPY, shown with the bank and branch to pay into", async () => {
    const org = await organisation("JP", ["JPY"]);
    await connectAccount(org, "JP");
    const yen = await donate({ ...transfer(org.slug, "JPY", `${unique("jpy")}@example.org`), amount: 5000 });
    expect(yen.status).toBe(201);
    const instructions = yen.body.bankTransfer as { amountRemaining: number; currency: string; accounts: Array<Array<{ label: string }>> };
    expect(instructions).toMatchObject({ amountRemaining: 5000, currency: "JPY" });
    expect(instructions.accounts[0]?.map((line) => line.label)).toEqual(["Account holder", "Bank", "Branch", "Account type", "Account number"]);
  });

  it("answers Stripe's refusal (a capability lost since Amply last looked) with a clear message, not a provider error", async () => {
    const org = await organisation("US", ["USD"]);
    const account = await connectAccount(org, "US");
    // Stripe turned bank transfers off, and Amply has not heard yet.
    await control.updateAccount(account, { bank_transfer_payments: false });
    const refused = await donate(transfer(org.slug, "USD", `${unique("stale")}@example.org`));
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields?.method).toEqual([`${org.name} cannot receive bank transfers at the moment. Please choose another way to pay.`]);
    expect(await db.donation.count({ where: { organisationId: org.id } })).toBe(0);
  });
});

describe("what the donation page offers", () => {
  it("offers transfers in the currencies the account can receive, and none while its capability is off", async () => {
    const { loadGivePage } = await import("@/lib/donations/give-page");
    const org = await organisation("DE", ["EUR", "GBP", "USD"]);
    const account = await connectAccount(org, "GB");
    expect((await loadGivePage(org.slug, {}))?.bankTransferCurrencies).toEqual(["EUR", "GBP"]);
    await control.updateAccount(account, { bank_transfer_payments: false });
    expect((await deliver(await eventOf(account, "account.updated"))).status).toBe(200);
    expect((await loadGivePage(org.slug, {}))?.bankTransferCurrencies).toEqual([]);
  });

  it("reads the account once for an organisation connected before Amply kept its country and capabilities", async () => {
    const { loadGivePage } = await import("@/lib/donations/give-page");
    const org = await organisation("DE", ["EUR", "USD"]);
    const account = (await control.createAccount({ country: "US", business_name: "Older Charity" })).id;
    // As the migration leaves it: connected, the account's own facts not read yet.
    await db.organisation.update({ where: { id: org.id }, data: { stripeAccountId: account, stripeChargesEnabled: true, stripeConnectedAt: new Date() } });
    expect((await loadGivePage(org.slug, {}))?.bankTransferCurrencies).toEqual(["USD"]);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ stripeAccountCountry: "US", stripeDefaultCurrency: "USD" });

    const other = await organisation("DE", ["EUR", "USD"]);
    const otherAccount = (await control.createAccount({ country: "US", business_name: "Older Charity" })).id;
    await db.organisation.update({
      where: { id: other.id },
      data: { stripeAccountId: otherAccount, stripeChargesEnabled: true, stripeConnectedAt: new Date() },
    });
    const refused = await donate(transfer(other.slug, "EUR", `${unique("older")}@example.org`));
    expect(refused.body.error?.fields?.method).toEqual([`${other.name} can receive bank transfers in USD only. Choose USD, or pay another way.`]);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: other.id } })).stripeAccountCountry).toBe("US");
  });
});
