// The language a donor gives in, sent by the donation page with POST /api/donations, is stored on the
// donation (and on a recurring gift), so that receipts and later emails speak it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/donations/route";
import { db } from "@/lib/db/client";
import { connectedOrganisation } from "../support/fixtures";

let address = 1;

async function give(body: Record<string, unknown>) {
  const response = await POST(
    new Request("http://localhost:3000/api/donations", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        "x-amply-client-address": `198.51.100.${200 + (address++ % 50)}`,
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify(body),
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as { donationId?: string; error?: { message: string; fields?: Record<string, string[]> } },
  };
}

const donor = { name: "Ada Donor", email: "ada@example.org" };

async function setup() {
  const org = await connectedOrganisation();
  await db.organisation.update({ where: { id: org.organisation.id }, data: { recurringIntervals: ["month"] } });
  const base = { organisation: org.organisation.slug, amount: 2500, currency: "EUR", coverFee: false, expectedTotal: 2500, donor };
  return { org, base };
}

describe("the language of a donation", () => {
  it("stores the language the page sent on a one-off donation", async () => {
    const { base } = await setup();
    const answer = await give({ ...base, locale: "de" });
    expect(answer.status).toBe(201);
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) } });
    expect(donation.locale).toBe("de");
  });

  it("stores it on a recurring gift and its first installment", async () => {
    const { base } = await setup();
    const answer = await give({ ...base, frequency: "monthly", locale: "fr" });
    expect(answer.status).toBe(201);
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) }, include: { recurringDonation: true } });
    expect(donation.recurringDonation?.locale).toBe("fr");
    expect(donation.locale).toBe("fr");
  });

  it("takes the organisation's default language when the page sends none", async () => {
    const { org, base } = await setup();
    await db.organisation.update({ where: { id: org.organisation.id }, data: { defaultLocale: "nl" } });
    const answer = await give(base);
    expect(answer.status).toBe(201);
    expect((await db.donation.findUniqueOrThrow({ where: { id: String(answer.body.donationId) } })).locale).toBe("nl");
  });

  it("refuses a language Amply does not speak, on its field, and stores nothing", async () => {
    const { org, base } = await setup();
    const answer = await give({ ...base, locale: "es" });
    expect(answer.status).toBe(422);
    expect(answer.body.error?.fields?.locale?.[0]).toMatch(/languages Amply speaks/);
    expect(await db.donation.count({ where: { organisationId: org.organisation.id } })).toBe(0);
  });

  it("words the refusals a donor meets on the page in the language the page sent", async () => {
    const { org, base } = await setup();
    await db.campaign.create({ data: { organisationId: org.organisation.id, slug: "ended", name: "Winterhilfe", endsAt: new Date(Date.now() - 86_400_000) } });
    const ended = await give({ ...base, campaign: "ended", locale: "de" });
    expect(ended.status).toBe(422);
    expect(ended.body.error?.fields?.campaign?.[0]).toBe(
      `Winterhilfe ist beendet. Vielen Dank: Sie können weiterhin die allgemeine Arbeit von ${org.organisation.name} unterstützen.`,
    );
    const english = await give({ ...base, campaign: "ended" });
    expect(english.body.error?.fields?.campaign?.[0]).toMatch(/^Winterhilfe has ended\./);
    const fund = await give({ ...base, fund: "nope", locale: "fr" });
    expect(fund.body.error?.message).toBe("Ce fonds n'existe pas (ou plus). Choisissez-en un autre, ou soutenez l'action générale de l'organisation.");
    expect(await db.donation.count({ where: { organisationId: org.organisation.id } })).toBe(0);
  });
});
