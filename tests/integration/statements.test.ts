// Donor statements against real PostgreSQL: who may download one, another organisation's donor,
// what the PDF counts, and (below) emailing one and a bulk run for a year.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pdfText } from "../support/pdf-text";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { GET: statementRoute } = await import("@/app/api/organisations/[orgId]/donors/[donorId]/statement/route");
const { organisationWithMembers, person, unique } = await import("../support/fixtures");

type User = { id: string; email: string };
const as = (who: User | null) => (session.user = who);
const people: Record<"owner" | "admin" | "viewer" | "stranger", User> = {} as never;
beforeAll(async () => {
  for (const role of ["owner", "admin", "viewer", "stranger"] as const) people[role] = await person(role);
});

async function organisation() {
  const org = await organisationWithMembers([
    [people.owner, "owner"],
    [people.admin, "admin"],
    [people.viewer, "viewer"],
  ]);
  return db.organisation.update({
    where: { id: org.id },
    data: { legalName: "River Trust e.V.", registrationNumber: "VR 12345 B", address: "Uferstraße 1\n10115 Berlin", timeZone: "Europe/Berlin" },
  });
}

async function donor(organisationId: string, name = "Zoë Łukasiewicz") {
  return db.donor.create({ data: { organisationId, email: `${unique("donor")}@example.org`, name } });
}

let receipt = 1;
async function gift(organisationId: string, donorId: string, input: { at?: string; charged?: number; refunded?: number; currency?: string; status?: "succeeded" | "failed" | "disputed" } = {}) {
  const at = new Date(input.at ?? "2026-06-01T12:00:00Z");
  const charged = BigInt(input.charged ?? 2000);
  const status = input.status ?? "succeeded";
  return db.donation.create({
    data: {
      organisationId,
      donorId,
      amount: charged,
      chargedAmount: charged,
      refundedAmount: BigInt(input.refunded ?? 0),
      currency: input.currency ?? "EUR",
      status,
      paymentStatus: status === "disputed" ? "succeeded" : status,
      receiptNumber: status === "failed" ? null : receipt++,
      createdAt: at,
      succeededAt: status === "failed" ? null : at,
    },
  });
}

async function download(organisationId: string, donorId: string, query = "?year=2026") {
  const response = await statementRoute(new Request(`http://localhost:3000/api/organisations/${organisationId}/donors/${donorId}/statement${query}`), {
    params: Promise.resolve({ orgId: organisationId, donorId }),
  });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("downloading a donor's statement", () => {
  it("gives admins and owners the year's gifts net of refunds, in the organisation's calendar", async () => {
    const org = await organisation();
    const zoe = await donor(org.id);
    await gift(org.id, zoe.id, { at: "2025-12-31T23:30:00Z", charged: 1000 }); // 1 January 2026 in Berlin
    await gift(org.id, zoe.id, { at: "2026-12-31T23:30:00Z", charged: 7000 }); // 2027 in Berlin
    await gift(org.id, zoe.id, { charged: 2563, refunded: 563 });
    await gift(org.id, zoe.id, { charged: 900, status: "failed" });
    await gift(org.id, zoe.id, { charged: 800, status: "disputed" });
    await gift(org.id, zoe.id, { charged: 1500, currency: "GBP" });

    for (const who of [people.admin, people.owner]) {
      as(who);
      const response = await download(org.id, zoe.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await pdfText(response.bytes);
      expect(text).toContain("River Trust e.V.");
      expect(text).toContain("VR 12345 B");
      expect(text).toContain("Zoë Łukasiewicz");
      expect(text).toMatch(/Total in EUR.*€30\.00/);
      expect(text).toMatch(/Total in GBP.*£15\.00/);
    }
  });

  it("refuses viewers, strangers and the signed-out, and does not find another organisation's donor", async () => {
    const org = await organisation();
    const other = await organisation();
    const theirs = await donor(other.id);
    await gift(other.id, theirs.id);
    const ours = await donor(org.id);

    as(people.viewer);
    expect((await download(org.id, ours.id)).status).toBe(403);
    as(people.stranger);
    expect((await download(org.id, ours.id)).status).toBe(403);
    as(null);
    expect((await download(org.id, ours.id)).status).toBe(401);
    as(people.admin);
    expect((await download(org.id, theirs.id)).status).toBe(404);
    expect((await download(org.id, ours.id, "?year=banana")).status).toBe(422);
    expect((await download(org.id, ours.id, `?year=${new Date().getUTCFullYear() + 5}`)).status).toBe(422);
  });
});
