// GET /api/organisations/[orgId]/reports/transactions against real PostgreSQL and the sandbox: every
// page of charges followed with the balance transaction expanded, amounts by the currency's exponent,
// donors and funds from Amply, a CSV a spreadsheet opens safely, and roles.
import { parse } from "csv-parse/sync";
import type Stripe from "stripe";
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));

const { db } = await import("@/lib/db/client");
const { GET: reportRoute } = await import("@/app/api/organisations/[orgId]/reports/transactions/route");
const { chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, eventOf, payWithCard, person, stripeSdk } =
  await import("../support/fixtures");

type User = { id: string; email: string };
let viewer: User;
let stranger: User;
let org: Awaited<ReturnType<typeof connectedOrganisation>>;
const today = new Date().toISOString().slice(0, 10);
const CHARGES = 205;
let named: { eur: string; jpy: string; formula: string };

async function get(who: User | null, query: string) {
  session.user = who;
  const response = await reportRoute(new Request(`http://localhost:3000/api/organisations/${org.organisation.id}/reports/transactions?${query}`), {
    params: Promise.resolve({ orgId: org.organisation.id }),
  });
  return response;
}

beforeAll(async () => {
  [viewer, stranger] = await Promise.all([person("viewer"), person("stranger")]);
  org = await connectedOrganisation();
  await db.membership.create({ data: { userId: viewer.id, organisationId: org.organisation.id, role: "viewer" } });
  const fund = await db.fund.create({ data: { organisationId: org.organisation.id, slug: "wells", name: "Wells" } });

  // Three donations Amply knows (one in JPY, one with a name a spreadsheet would run), the rest
  // charges made on the account outside Amply.
  const eur = await donationWithIntent(org, { amount: 2563, currency: "eur" });
  await db.donation.update({ where: { id: eur.donation.id }, data: { fundId: fund.id, donorName: "Ada Lovelace" } });
  const jpy = await donationWithIntent(org, { amount: 1000, currency: "jpy" });
  const formula = await donationWithIntent(org, { amount: 1250, currency: "eur" });
  await db.donation.update({ where: { id: formula.donation.id }, data: { donorName: '=HYPERLINK("http://evil.example","Click")' } });
  named = { eur: "", jpy: "", formula: "" };
  for (const [key, made] of [
    ["eur", eur],
    ["jpy", jpy],
    ["formula", formula],
  ] as const) {
    named[key] = chargeIdOf(await payWithCard(made.intent.id, org.account));
    await deliver(await eventOf(org.account, "payment_intent.succeeded", made.intent.id));
  }
  await stripeSdk.refunds.create({ charge: named.eur, amount: 563 }, { stripeAccount: org.account });
  for (let i = 3; i < CHARGES; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, CHARGES - i) }, async () => {
        const intent = await stripeSdk.paymentIntents.create(
          {
            amount: 500,
            currency: "eur",
            confirm: true,
            payment_method: "pm_card_visa",
            automatic_payment_methods: { enabled: true, allow_redirects: "never" },
          },
          { stripeAccount: org.account },
        );
        return intent.id;
      }),
    );
  }
  // Let every capture complete, so each charge has its balance transaction.
  await control.events({ account: org.account });
  await new Promise((resolve) => setTimeout(resolve, 300));
}, 120_000);

describe("the transaction report", () => {
  it("lists every charge of the range, across pages, with fees from the balance transaction and amounts by the currency's exponent", async () => {
    const response = await get(viewer, `from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { unreadableAccounts: string[]; rows: Array<Record<string, string>> };
    expect(body.unreadableAccounts).toEqual([]);
    expect(body.rows).toHaveLength(CHARGES);
    expect(new Set(body.rows.map((row) => row.chargeId)).size).toBe(CHARGES);
    const eur = body.rows.find((row) => row.chargeId === named.eur);
    const charge = await stripeSdk.charges.retrieve(named.eur, { expand: ["balance_transaction"] }, { stripeAccount: org.account });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(eur).toMatchObject({
      gross: "25.63",
      refunded: "5.63",
      currency: "EUR",
      settlementCurrency: "EUR",
      fee: (txn.fee / 100).toFixed(2),
      net: (txn.net / 100).toFixed(2),
      donor: "Ada Lovelace",
      fund: "Wells",
    });
    expect(eur?.receipt).toMatch(/^R-\d{6}$/);
    expect(eur?.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const jpy = body.rows.find((row) => row.chargeId === named.jpy);
    expect(jpy).toMatchObject({ gross: "1000", currency: "JPY" });
  }, 60_000);

  it("is empty for a range with no charges, and refuses dates that are not dates", async () => {
    const empty = await get(viewer, "from=2020-01-01&to=2020-01-31");
    expect(await empty.json()).toEqual({ unreadableAccounts: [], rows: [] });
    for (const query of ["from=2026-13-01&to=2026-12-01", "from=2026-02-30&to=2026-03-01", `from=${today}&to=2020-01-01`, "to=2026-01-01", "from=x&to=y"]) {
      const refused = await get(viewer, query);
      expect(refused.status, query).toBe(422);
    }
    expect((await get(viewer, `from=${today}&to=${today}&format=xml`)).status).toBe(422);
  });

  it("is refused to someone outside the organisation and to no one signed in", async () => {
    expect((await get(stranger, `from=${today}&to=${today}`)).status).toBe(403);
    expect((await get(null, `from=${today}&to=${today}`)).status).toBe(401);
  });
});

describe("the CSV", () => {
  it("opens cleanly: a BOM, a header row, numbers as numbers, formulas escaped, every row once", async () => {
    const response = await get(viewer, `from=${today}&to=${today}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const records = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(records).toHaveLength(CHARGES);
    expect(Object.keys(records[0] ?? {})).toContain("Stripe fee");
    const formula = records.find((record) => record.Charge === named.formula);
    expect(formula?.Donor).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(formula?.Gross).toBe("12.50");
    // No text cell starts with a formula character.
    for (const record of records)
      for (const [key, value] of Object.entries(record)) if (!/Gross|Refunded|amount|fee|Net|rate/.test(key)) expect(value).not.toMatch(/^[=+\-@]/);
  }, 60_000);
});
