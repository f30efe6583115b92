// Receipts as issued: one per paid donation however Stripe delivers its success, corrections with
// new numbers from the organisation's gap-free counter that name the receipt they replace, resends
// limited, and only admins of the donation's own organisation may do either. The actions run for
// real (roles, transactions); only the session lookup and Next's cache revalidation are stubbed.
// (Nothing here drains the outbox: tests/integration/outbox.test.ts sends receipts.)
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { correctReceiptAction, resendReceiptAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/donations/[donationId]/actions");
const { composeReceiptEmail } = await import("@/lib/receipts/receipt-email");
const { updateReceiptSettingsAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/settings/receipts/actions");
const { createOrganisation } = await import("@/lib/organisations/create-organisation");
const { pdfText } = await import("../support/pdf-text");
const { getEnv } = await import("@/lib/env");
const { readManageToken, tokenOfManageUrl } = await import("@/lib/recurring/manage-link");
const { chargeIdOf, captured, connectedOrganisation, deliver, donationWithIntent, eventOf, payWithCard, person } = await import("../support/fixtures");

type User = { id: string; email: string };
const users: Record<"owner" | "admin" | "viewer" | "outsider", User> = {} as never;

beforeAll(async () => {
  for (const label of ["owner", "admin", "viewer", "outsider"] as const) users[label] = await person(label);
});

async function paidDonation(org: Awaited<ReturnType<typeof connectedOrganisation>>, options: { amount?: number } = {}) {
  const { intent, donation, donor } = await donationWithIntent(org, { amount: options.amount ?? 2563, currency: "eur" });
  await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
  await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id));
  return { donation, donor, intent };
}

async function organisationWithTeam() {
  const org = await connectedOrganisation();
  for (const role of ["owner", "admin", "viewer"] as const) {
    await db.membership.create({ data: { userId: users[role].id, organisationId: org.organisation.id, role } });
  }
  return org;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The value, which the test has just made sure exists. */
function present<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}

const receiptsOf = (donationId: string) => db.receipt.findMany({ where: { donationId }, orderBy: { number: "asc" } });

describe("the receipt of a paid donation", () => {
  it("is issued once, numbered from the organisation's counter, under 20 concurrent deliveries and the later charge.updated", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 2563, currency: "eur" });
    const paid = await payWithCard(intent.id, org.account);
    const updated = await captured(org.account, chargeIdOf(paid));
    const succeeded = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    const charge = await eventOf(org.account, "charge.succeeded", chargeIdOf(paid));
    await Promise.all([...Array.from({ length: 20 }, () => deliver(succeeded)), deliver(charge), deliver(updated)]);

    const receipts = await receiptsOf(donation.id);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ number: 1, kind: "original", donorName: "Dana Donor", replacesReceiptId: null });
    const emails = await db.outboxEmail.findMany({ where: { receiptId: receipts[0]?.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ dedupeKey: `receipt:${donation.id}`, kind: "receipt" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ receiptCounter: 1 });
  });

  it("is written when sent: text, HTML and a PDF with the organisation's details, dated in its time zone", async () => {
    const org = await connectedOrganisation();
    await db.organisation.update({
      where: { id: org.organisation.id },
      data: {
        legalName: "Zoë's Shelter gGmbH",
        registrationNumber: "HRB 998877",
        address: "Łąkowa 3\n80-001 Gdańsk",
        timeZone: "Europe/Berlin",
        taxStatement: "Diese Zuwendung wird ausschließlich für steuerbegünstigte Zwecke verwendet.",
      },
    });
    const { donation } = await paidDonation(org);
    // Paid at 23:30 UTC on New Year's Eve: 1 January in Berlin.
    await db.donation.update({ where: { id: donation.id }, data: { succeededAt: new Date("2026-12-31T23:30:00Z"), donorName: "ignored" } });
    const [receipt] = await receiptsOf(donation.id);
    const email = await composeReceiptEmail(present(receipt).id);
    expect(email.subject).toBe(`Your receipt from ${org.organisation.name} (R-000001)`);
    expect(email.text).toContain("Date of gift: 1 January 2027");
    expect(email.text).toContain("Payment method: Card");
    expect(email.html).toContain("Zoë&#39;s Shelter gGmbH");
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({ filename: "receipt-R-000001.pdf", contentType: "application/pdf" });
    const text = await pdfText(present(email.attachments[0]).content);
    for (const expected of ["Zoë's Shelter gGmbH", "HRB 998877", "Łąkowa 3", "80-001 Gdańsk", "R-000001", "1 January 2027", "€25.63", "Dana Donor"]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("Diese Zuwendung wird ausschließlich für steuerbegünstigte Zwecke verwendet.");
  });

  it("of a recurring installment carries a signed manage link for its gift; a one-off gift's has none", async () => {
    const org = await connectedOrganisation();
    const { donation, donor } = await paidDonation(org);
    const [oneOff] = await receiptsOf(donation.id);
    expect((await composeReceiptEmail(present(oneOff).id)).text).not.toContain("/manage/");

    const gift = await db.recurringDonation.create({
      data: {
        organisationId: org.organisation.id,
        donorId: donor.id,
        amount: 2500n,
        chargedAmount: 2563n,
        feeCovered: 63n,
        currency: "EUR",
        interval: "month",
        status: "active",
      },
    });
    await db.donation.update({ where: { id: donation.id }, data: { recurringDonationId: gift.id } });
    const email = await composeReceiptEmail(present(oneOff).id);
    const url = present(/http:\/\/\S+\/manage\/[^\s"<]+/.exec(email.text)?.[0]);
    expect(url.startsWith(`${getEnv().APP_URL}/manage/`)).toBe(true);
    expect(readManageToken(tokenOfManageUrl(url))).toMatchObject({ ok: true, recurringDonationId: gift.id });
    expect(email.html).toContain(url);
  });
});

describe("correcting a receipt", () => {
  it("issues a new number that references the old, keeps the old as issued, and emails the donor the new one", async () => {
    const org = await organisationWithTeam();
    const first = await paidDonation(org);
    const second = await paidDonation(org);
    session.user = users.admin;

    const result = await correctReceiptAction(
      {},
      form({
        organisationId: org.organisation.id,
        donationId: first.donation.id,
        donorName: "Zoë Łukasiewicz",
        donorAddress: "ul. Długa 5\n\n00-238 Warszawa  ",
      }),
    );
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("R-000003 replaces R-000001") as string });
    const receipts = await receiptsOf(first.donation.id);
    expect(receipts.map((r) => [r.number, r.kind, r.donorName])).toEqual([
      [1, "original", "Dana Donor"],
      [3, "correction", "Zoë Łukasiewicz"],
    ]);
    expect(receipts[1]).toMatchObject({ replacesReceiptId: present(receipts[0]).id, donorAddress: "ul. Długa 5\n00-238 Warszawa" });
    expect(await db.outboxEmail.findMany({ where: { receiptId: present(receipts[1]).id } })).toEqual([
      expect.objectContaining({ to: first.donor.email, kind: "receipt", dedupeKey: null }),
    ]);
    const text = await pdfText(present((await composeReceiptEmail(present(receipts[1]).id)).attachments[0]).content);
    expect(text).toContain("Zoë Łukasiewicz");
    expect(text).toContain("00-238 Warszawa");
    expect(text).toContain("This receipt replaces receipt R-000001");
    // The other gift's receipt is untouched.
    expect((await receiptsOf(second.donation.id)).map((r) => r.number)).toEqual([2]);
  });

  it("numbers concurrent corrections without gaps or forks: each replaces the one before", async () => {
    const org = await organisationWithTeam();
    const { donation } = await paidDonation(org);
    session.user = users.owner;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        correctReceiptAction({}, form({ organisationId: org.organisation.id, donationId: donation.id, donorName: `Name ${i}` })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    const receipts = await receiptsOf(donation.id);
    expect(receipts.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < receipts.length; i++) expect(present(receipts[i]).replacesReceiptId).toBe(present(receipts[i - 1]).id);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ receiptCounter: 7 });
  });

  it("refuses a viewer, an outsider, another organisation's donation, and a correction that changes nothing, writing nothing", async () => {
    const org = await organisationWithTeam();
    const other = await organisationWithTeam();
    const { donation } = await paidDonation(org);
    const { donation: foreign } = await paidDonation(other);
    const fields = { organisationId: org.organisation.id, donationId: donation.id, donorName: "Changed Name" };

    session.user = users.viewer;
    expect(await correctReceiptAction({}, form(fields))).toMatchObject({ error: expect.stringContaining("viewer") as string });
    session.user = users.outsider;
    expect(await correctReceiptAction({}, form(fields))).toMatchObject({ error: "You are not a member of this organisation." });
    session.user = null;
    expect((await correctReceiptAction({}, form(fields))).error).toBeTruthy();
    session.user = users.admin;
    // Admin here, naming the other organisation's donation: not found, and the other one untouched.
    expect(await correctReceiptAction({}, form({ ...fields, donationId: foreign.id }))).toMatchObject({
      error: "There is no such donation in this organisation.",
      values: expect.objectContaining({ donorName: "Changed Name" }) as unknown,
    });
    expect(await correctReceiptAction({}, form({ ...fields, donorName: "Dana Donor" }))).toMatchObject({
      error: expect.stringContaining("nothing to correct") as string,
    });
    expect(await correctReceiptAction({}, form({ ...fields, donorName: "   " }))).toMatchObject({ fieldErrors: { donorName: expect.any(String) as string } });

    expect((await receiptsOf(donation.id)).map((r) => r.number)).toEqual([1]);
    expect((await receiptsOf(foreign.id)).map((r) => r.number)).toEqual([1]);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ receiptCounter: 1 });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: other.organisation.id } })).toMatchObject({ receiptCounter: 1 });
  });

  it("is refused for a donation that has no receipt yet (not paid)", async () => {
    const org = await organisationWithTeam();
    const { donation } = await donationWithIntent(org, { amount: 1000, currency: "eur" });
    session.user = users.admin;
    expect(await correctReceiptAction({}, form({ organisationId: org.organisation.id, donationId: donation.id, donorName: "X" }))).toMatchObject({
      error: expect.stringContaining("no receipt yet") as string,
    });
    expect(await resendReceiptAction({}, form({ organisationId: org.organisation.id, donationId: donation.id }))).toMatchObject({
      error: expect.stringContaining("no receipt yet") as string,
    });
  });
});

describe("resending a receipt", () => {
  it("queues the receipt in force (the newest correction) again, same number, for admins only, a few times an hour", async () => {
    const org = await organisationWithTeam();
    const { donation, donor } = await paidDonation(org);
    const fields = { organisationId: org.organisation.id, donationId: donation.id };
    const queued = () => db.outboxEmail.findMany({ where: { to: donor.email }, include: { receipt: true }, orderBy: { createdAt: "asc" } });

    session.user = users.viewer;
    expect(await resendReceiptAction({}, form(fields))).toMatchObject({ error: expect.stringContaining("viewer") as string });
    expect(await queued()).toHaveLength(1);

    session.user = users.admin;
    expect(await resendReceiptAction({}, form(fields))).toMatchObject({ ok: true, message: `Receipt R-000001 is on its way to ${donor.email}.` });
    await correctReceiptAction({}, form({ ...fields, donorName: "Dana D. Donor" }));
    expect(await resendReceiptAction({}, form(fields))).toMatchObject({ ok: true, message: expect.stringContaining("R-000002") as string });
    expect((await queued()).map((email) => email.receipt?.number)).toEqual([1, 1, 2, 2]);

    expect(await resendReceiptAction({}, form(fields))).toMatchObject({ ok: true });
    expect(await resendReceiptAction({}, form(fields))).toMatchObject({ error: expect.stringContaining("Try again in") as string });
    expect(await queued()).toHaveLength(5);
    // Numbers are not spent by resending.
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ receiptCounter: 2 });
  });
});

describe("the organisation's receipt details", () => {
  const details = {
    legalName: "  Flussfreunde e.V. ",
    registrationNumber: "VR 4711",
    address: "Uferweg 2\r\n\r\n10115 Berlin\n",
    timeZone: "Europe/Berlin",
    taxStatement: "Wir sind als gemeinnützig anerkannt.",
  };

  it("start blank (no invented tax statement), in the country's zone where it has one, UTC where it has several", async () => {
    const base = { name: "Zone Test", email: "zone@example.org", defaultCurrency: "EUR", acceptedCurrencies: ["EUR"], recurringIntervals: [], feeRates: [] };
    const berlin = await createOrganisation({ ...base, country: "DE", slug: `tz-de-${Date.now().toString(36)}` }, users.owner.id);
    const usa = await createOrganisation({ ...base, country: "US", slug: `tz-us-${Date.now().toString(36)}` }, users.owner.id);
    expect(berlin).toMatchObject({ timeZone: "Europe/Berlin", taxStatement: "", legalName: null, registrationNumber: null, address: null });
    expect(usa).toMatchObject({ timeZone: "UTC", taxStatement: "" });
  });

  it("are saved by an admin, trimmed, and refused to a viewer", async () => {
    const org = await organisationWithTeam();
    session.user = users.viewer;
    expect(await updateReceiptSettingsAction({}, form({ organisationId: org.organisation.id, ...details }))).toMatchObject({
      error: expect.stringContaining("viewer") as string,
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ legalName: null, timeZone: "UTC" });

    session.user = users.admin;
    expect(await updateReceiptSettingsAction({}, form({ organisationId: org.organisation.id, ...details }))).toMatchObject({ ok: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({
      legalName: "Flussfreunde e.V.",
      registrationNumber: "VR 4711",
      address: "Uferweg 2\n10115 Berlin",
      timeZone: "Europe/Berlin",
      taxStatement: "Wir sind als gemeinnützig anerkannt.",
    });
  });

  it("refuse a time zone that is not an IANA zone, keeping what was typed and saving nothing", async () => {
    const org = await organisationWithTeam();
    session.user = users.admin;
    for (const timeZone of ["Europe/Atlantis", "+02:00", "CET; DROP TABLE", ""]) {
      const result = await updateReceiptSettingsAction({}, form({ organisationId: org.organisation.id, ...details, timeZone }));
      expect(result).toMatchObject({
        fieldErrors: { timeZone: expect.stringContaining("Choose a time zone") as string },
        values: expect.objectContaining({ legalName: details.legalName, timeZone }) as unknown,
      });
    }
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ legalName: null, timeZone: "UTC" });
  });
});

describe("the development mailbox's attachments", () => {
  it("are not served where the mailbox is off (here, as in production: NODE_ENV is not development)", async () => {
    const { GET } = await import("@/app/dev/mailbox/attachments/[attachmentId]/route");
    const message = await db.mailboxMessage.create({
      data: {
        emailId: `email-${Date.now().toString(36)}`,
        kind: "receipt",
        to: "x@example.org",
        subject: "Receipt",
        text: "Receipt",
        attachments: { create: [{ filename: "receipt-R-000001.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.7") }] },
      },
      include: { attachments: true },
    });
    const id = present(message.attachments[0]).id;
    const response = await GET(new Request(`http://localhost:3000/dev/mailbox/attachments/${id}`), { params: Promise.resolve({ attachmentId: id }) });
    expect(response.status).toBe(404);
  });
});
