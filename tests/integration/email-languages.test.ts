// Every email a donor receives is in the language of the gift it is about: a receipt and its PDF in
// the donation's language, a refund too, an installment's receipt and the gift's own emails in the
// recurring gift's, a statement in the language of the donor's latest gift of the year, and fresh
// manage links in the language the /manage page was in. Against real PostgreSQL and the sandbox.
import { describe, expect, it, vi } from "vitest";
import { requestManageLinkAction } from "@/app/(public)/manage/actions";
import { POST } from "@/app/api/donations/route";
import { db } from "@/lib/db/client";
import { composeReceiptEmail } from "@/lib/receipts/receipt-email";
import { authorizeManagedGift } from "@/lib/recurring/authorize-managed-gift";
import { manageUrl, tokenOfManageUrl } from "@/lib/recurring/manage-link";
import { pauseRecurringGift } from "@/lib/recurring/pause-recurring-gift";
import { sendManageLinks } from "@/lib/recurring/send-manage-links";
import { composeStatementEmail } from "@/lib/statements/statement-email";
import { pdfText } from "../support/pdf-text";
import {
  captured,
  chargeIdOf,
  connectedOrganisation,
  control,
  deliver,
  donationWithIntent,
  eventOf,
  eventsFor,
  payWithCard,
  stripeSdk,
  unique,
} from "../support/fixtures";
import { recurringGift } from "../support/recurring";

vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(null) }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers({ "x-amply-client-address": "203.0.113.77" })) }));

// Intl puts a no-break space between amount and symbol.
const nbsp = "\u00a0";

type Org = Awaited<ReturnType<typeof connectedOrganisation>>;

async function paidDonation(org: Org, locale: "en" | "de" | "fr" | "nl") {
  const { intent, donation, donor } = await donationWithIntent(org, { amount: 2563, currency: "eur" });
  await db.donation.update({ where: { id: donation.id }, data: { locale } });
  await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
  await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id));
  return { donation, donor, intent };
}

async function receiptOf(donationId: string) {
  const receipt = await db.receipt.findFirstOrThrow({ where: { donationId } });
  return composeReceiptEmail(receipt.id);
}

describe("a receipt", () => {
  it("is German, PDF included, for a gift made in German, whatever the organisation's own language", async () => {
    const org = await connectedOrganisation();
    await db.organisation.update({ where: { id: org.organisation.id }, data: { timeZone: "Europe/Berlin", defaultLocale: "fr" } });
    const { donation } = await paidDonation(org, "de");
    await db.donation.update({ where: { id: donation.id }, data: { succeededAt: new Date("2026-12-31T23:30:00Z") } });
    const email = await receiptOf(donation.id);
    expect(email.subject).toBe(`Ihre Zuwendungsbestätigung von ${org.organisation.name} (R-000001)`);
    expect(email.text).toContain("Guten Tag Dana Donor,");
    expect(email.text).toContain("Datum der Spende: 1. Januar 2027");
    expect(email.text).toContain(`Betrag: 25,63${nbsp}€`);
    expect(email.text).toContain("Zahlungsart: Karte");
    expect(email.html).toContain("Zuwendungsbestätigung R-000001");
    const pdf = await pdfText(email.attachments[0]?.content ?? new Uint8Array());
    expect(pdf).toContain("Zuwendungsbestätigung R-000001");
    expect(pdf).toMatch(/Datum der Spende\s+1\. Januar 2027/);
    expect(pdf).toMatch(/Betrag\s+25,63\s€/);
  });

  it("stays English for a gift made in English", async () => {
    const org = await connectedOrganisation();
    await db.organisation.update({ where: { id: org.organisation.id }, data: { defaultLocale: "de" } });
    const { donation } = await paidDonation(org, "en");
    const email = await receiptOf(donation.id);
    expect(email.subject).toBe(`Your receipt from ${org.organisation.name} (R-000001)`);
    expect(email.text).toContain("Amount: €25.63");
  });
});

describe("a refund email", () => {
  it("is French for a gift made in French", async () => {
    const org = await connectedOrganisation();
    const { donation, donor, intent } = await paidDonation(org, "fr");
    const refund = await stripeSdk.refunds.create({ payment_intent: intent.id, amount: 1000 }, { stripeAccount: org.account });
    expect((await deliver(await eventOf(org.account, "refund.created", refund.id))).status).toBe(200);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: donor.email, kind: "refund" } });
    expect(mail.subject).toBe(`Remboursement de ${org.organisation.name}`);
    expect(mail.text).toContain(`${org.organisation.name} vous a remboursé 10,00${nbsp}€ de votre don.`);
    expect(mail.text).toContain("Bonjour Dana Donor,");
    expect(mail.text).not.toMatch(/Dear|refunded/);
    expect(mail.html).toContain("vous a remboursé");
    expect(donation.id).toBeTruthy();
  });
});

describe("a recurring gift", () => {
  it("gives each installment the gift's language: a Dutch gift's renewal has a Dutch receipt", async () => {
    const setup = await recurringGift();
    await db.recurringDonation.update({ where: { id: setup.gift.id }, data: { locale: "nl" } });
    const renewal = (await control.advance(setup.subscription.id)) as { invoice: { id: string } };
    for (const event of await eventsFor(setup.account)) await deliver(event);
    const installment = await db.donation.findFirstOrThrow({ where: { stripeInvoiceId: renewal.invoice.id } });
    expect(installment).toMatchObject({ locale: "nl", status: "succeeded" });
    const email = await receiptOf(installment.id);
    expect(email.subject).toMatch(/^Uw ontvangstbewijs van /);
    expect(email.text).toContain("Periodieke gift: Maandelijks");
    expect(email.text).toContain(`Bedrag: €${nbsp}20,00`);
    expect(email.text).toContain("Uw periodieke gift wijzigen of stopzetten: ");
  });

  it("tells the donor of a failed installment in the gift's language", async () => {
    const setup = await recurringGift();
    await db.recurringDonation.update({ where: { id: setup.gift.id }, data: { locale: "de" } });
    const failed = (await control.advance(setup.subscription.id, "failed")) as { invoice: { id: string } };
    for (const event of await eventsFor(setup.account, { type: "invoice.payment_failed", objectId: failed.invoice.id })) await deliver(event);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: setup.donor.email, kind: "recurring_payment_failed" } });
    expect(mail.subject).toMatch(/^Ihre monatliche Spende an .+ konnte nicht abgebucht werden$/);
    expect(mail.text).toContain(`Spende von 20,00${nbsp}€ an`);
  });

  it("confirms a change in the gift's language, dated in the organisation's time zone", async () => {
    const setup = await recurringGift();
    await db.recurringDonation.update({ where: { id: setup.gift.id }, data: { locale: "fr" } });
    const gift = await authorizeManagedGift(tokenOfManageUrl(manageUrl(setup.gift.id)), setup.gift.id);
    await pauseRecurringGift(gift, { requestId: unique("req"), months: 1 });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: setup.donor.email, kind: "recurring_change" } });
    expect(mail.subject).toBe(`Votre don régulier est en pause (${setup.org.organisation.name})`);
    expect(mail.text).toMatch(/est en pause : rien n’est prélevé jusqu’au \d{1,2} \p{L}+ \d{4}, date à laquelle/u);
    expect(mail.text).toContain("Si vous n’avez pas fait cette modification, écrivez à");
  });

  it("sends fresh manage links in the language the /manage page was in, else the organisation's", async () => {
    const org = await connectedOrganisation();
    await db.organisation.update({ where: { id: org.organisation.id }, data: { defaultLocale: "nl" } });
    const setup = await recurringGift({ org });
    await sendManageLinks(setup.donor.email, "198.51.100.7", "de");
    await sendManageLinks(setup.donor.email, "198.51.100.8");
    const mails = await db.outboxEmail.findMany({ where: { to: setup.donor.email, kind: "recurring_manage_link" }, orderBy: { createdAt: "asc" } });
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Ihre regelmäßige Spende an ${org.organisation.name} verwalten`,
      `Uw periodieke gift aan ${org.organisation.name} beheren`,
    ]);
    expect(mails[0]?.text).toContain(`20,00${nbsp}€ im Monat: `);
    expect(mails[1]?.text).toContain(`€${nbsp}20,00 per maand: `);
  });

  it("reads the /manage page's language from the form that asks for the links", async () => {
    const setup = await recurringGift();
    const form = new FormData();
    form.set("email", setup.donor.email);
    form.set("locale", "fr");
    expect((await requestManageLinkAction({}, form)).ok).toBe(true);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: setup.donor.email, kind: "recurring_manage_link" } });
    expect(mail.subject).toBe(`Gérer votre don régulier à ${setup.org.organisation.name}`);
  });
});

describe("a statement", () => {
  it("is in the language of the donor's latest gift of the year", async () => {
    const org = await connectedOrganisation();
    const donor = await db.donor.create({ data: { organisationId: org.organisation.id, email: `${unique("donor")}@example.org`, name: "Dana Donor" } });
    const gift = (succeededAt: string, locale: "en" | "fr") =>
      db.donation.create({
        data: {
          organisationId: org.organisation.id,
          donorId: donor.id,
          amount: 2500n,
          chargedAmount: 2500n,
          currency: "EUR",
          paymentStatus: "succeeded",
          status: "succeeded",
          succeededAt: new Date(succeededAt),
          locale,
        },
      });
    await gift("2026-03-01T10:00:00Z", "en");
    await gift("2026-09-01T10:00:00Z", "fr");
    const email = await composeStatementEmail(donor.id, 2026);
    expect(email.subject).toBe(`Votre récapitulatif de dons 2026 de ${org.organisation.name}`);
    expect(email.text).toContain(`Total en EUR : 50,00${nbsp}€`);
    const pdf = await pdfText(email.attachments[0]?.content ?? new Uint8Array());
    expect(pdf).toContain("Récapitulatif des dons 2026");
    expect(pdf).toMatch(/1 septembre 2026/);
  });
});

describe("the bank-transfer instructions", () => {
  async function giveByTransfer(org: Org, extra: Record<string, unknown> = {}) {
    const email = `${unique("transfer")}@example.org`;
    const body = {
      organisation: org.organisation.slug,
      amount: 5000,
      currency: "EUR",
      coverFee: false,
      expectedTotal: 5000,
      method: "bank_transfer",
      donor: { name: "Ben", email },
      ...extra,
    };
    const response = await POST(
      new Request("http://localhost:3000/api/donations", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://localhost:3000",
          "x-amply-client-address": "198.51.100.201",
          "idempotency-key": unique("key"),
        },
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(201);
    return db.outboxEmail.findFirstOrThrow({ where: { to: email, kind: "bank_transfer_instructions" } });
  }

  it("are in the donation's language (here the organisation's default, as the page sent none), the IBAN in groups of four", async () => {
    const org = await connectedOrganisation();
    await db.organisation.update({ where: { id: org.organisation.id }, data: { defaultLocale: "de" } });
    const mail = await giveByTransfer(org);
    expect(mail.subject).toBe(`So schließen Sie Ihre Spende an ${org.organisation.name} ab`);
    expect(mail.text).toContain(`Bitte überweisen Sie genau 50,00${nbsp}€ an:`);
    expect(mail.text).toMatch(/IBAN: [A-Z]{2}\d{2}( [A-Z0-9]{4})+( [A-Z0-9]{1,3})?\n/);
  });

  it("are in the same language as the donation stored, whatever the page sent", async () => {
    const org = await connectedOrganisation();
    const mail = await giveByTransfer(org, { locale: "nl" });
    const stored = await db.donation.findFirstOrThrow({ where: { organisationId: org.organisation.id } });
    const subjects = {
      en: `How to complete your donation to ${org.organisation.name}`,
      de: `So schließen Sie Ihre Spende an ${org.organisation.name} ab`,
      fr: `Comment finaliser votre don à ${org.organisation.name}`,
      nl: `Zo rondt u uw gift aan ${org.organisation.name} af`,
    };
    expect(mail.subject).toBe(subjects[stored.locale]);
  });
});
