// The donor pages in the donor's language: a German browser (Accept-Language: de-DE) reads the
// donation page in German with German amounts, gives by card and reads the completion page in
// German, and gets a German receipt; `?lang=fr` wins over that header; the manage page speaks the language its address names.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { pdfText } from "../tests/support/pdf-text";
import { uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";
import { expect, test } from "./support/test";

/** Intl writes "25,00 €" with a no-break space: what the page shows, character for character. */
const euros = (amount: number, locale: string) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(amount);

/** A donor's browser (not signed in) that asks for German first. */
async function germanBrowser(browser: Browser) {
  const context = await browser.newContext({ locale: "de-DE", storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test("a German browser reads the donation page in German, gives by card, and reads the completion page in German", async ({ browser }) => {
  const page = await germanBrowser(browser);
  const donor = uniqueDonor("Deutsche Spenderin");
  await page.goto("/give/give-test");
  await expect(page.getByRole("heading", { name: "Spenden an Give Test Charity" })).toBeVisible();
  await expect(page.locator("[lang='de']").first()).toBeVisible();
  const payment = page.getByTestId("stripe-sandbox-payment-element");
  await expect(payment).toBeVisible();
  // The Payment Element was given the page's language.
  expect(await payment.evaluate((element) => element.closest("[lang]")?.getAttribute("lang"))).toBe("de");

  const presets = page.getByRole("radiogroup", { name: "Vorgeschlagene Beträge" });
  await expect(presets.getByText(euros(25, "de-DE"), { exact: true })).toBeVisible();
  await expect(page.getByLabel("Betrag (EUR)")).toHaveValue("25,00");
  // A German decimal comma is read as one.
  await page.getByLabel("Betrag (EUR)").fill("12,50");
  await expect(page.getByRole("button", { name: `${euros(12.5, "de-DE")} spenden` })).toBeVisible();
  await presets.getByText(euros(25, "de-DE"), { exact: true }).click();
  await page.getByRole("checkbox", { name: /Transaktionsgebühr/ }).check();
  await expect(page.getByTestId("fee-extra")).toHaveText(euros(0.63, "de-DE"));
  await page.getByRole("checkbox", { name: /Transaktionsgebühr/ }).uncheck();

  // The form's own check speaks German too.
  await page.getByRole("button", { name: `${euros(25, "de-DE")} spenden` }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Bitte prüfen Sie die markierten Felder.");
  await expect(page.getByText("Geben Sie Ihre E-Mail-Adresse ein", { exact: false })).toBeVisible();

  await page.getByLabel("Name (optional)").fill(donor.name);
  await page.getByLabel("E-Mail, für Ihre Zuwendungsbestätigung").fill(donor.email);
  // The sandbox's stand-in for Stripe's fields keeps its English labels (real Stripe.js translates them).
  await payment.getByLabel("Card number").fill("4242 4242 4242 4242");
  await payment.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await payment.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: `${euros(25, "de-DE")} spenden` }).click();

  await expect(page.getByRole("heading", { name: "Vielen Dank!" })).toBeVisible();
  await expect(page.getByText(`Ihre Spende von ${euros(25, "de-DE")} an Give Test Charity ist eingegangen.`)).toBeVisible();
  await expect(page).toHaveTitle(/Ihre Spende/);

  // The receipt goes out in the language the donor gave in: a German email, and a German PDF.
  const subject = /Ihre Zuwendungsbestätigung von Give Test Charity/;
  await openMailbox(page, donor.email, subject);
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByText(/vielen Dank für Ihre Spende an Give Test Charity/).first()).toBeVisible();
  const attachment = page.getByRole("link", { name: /^receipt-R-\d{6}\.pdf$/ });
  const response = await page.request.get((await attachment.getAttribute("href")) ?? "");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await pdfText(await response.body());
  expect(pdf).toContain("Zuwendungsbestätigung");
  // Intl's no-break space may come out of the PDF as a plain one.
  expect(pdf).toMatch(/Betrag:?\s+25,00\s€/);
});

test("?lang=fr wins over a German browser, and the switcher keeps the page's other choices", async ({ browser }) => {
  const page = await germanBrowser(browser);
  await page.goto("/give/give-test?fund=water&lang=fr");
  await expect(page.getByRole("heading", { name: "Faire un don à Clean water" })).toBeVisible();
  await expect(page.getByRole("radiogroup", { name: "Montants suggérés" }).getByText(euros(25, "fr-FR"), { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/Faire un don à Give Test Charity/);

  const switcher = page.getByRole("navigation", { name: "Langue" });
  await expect(switcher.getByText("Français", { exact: true })).toHaveAttribute("aria-hidden", "true");
  await expect(switcher.getByRole("link", { name: "Français" })).toHaveCount(0);
  await switcher.getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/give\/give-test\?fund=water&lang=nl$/);
  await expect(page.getByRole("heading", { name: "Doneer aan Clean water" })).toBeVisible();
  await expect(page.getByRole("radiogroup", { name: "Voorgestelde bedragen" }).getByText(euros(25, "nl-NL"), { exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Taal" }).getByRole("link", { name: "English" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Give to Clean water" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Give €25.00" })).toBeVisible();
});

test("the manage page speaks the language its address names", async ({ browser }) => {
  const seeded = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", ".amply", "e2e-recurring.json"), "utf8")) as { main: { manageUrl: string } };
  const page = await germanBrowser(browser);
  await page.goto(`${new URL(seeded.main.manageUrl).pathname}?lang=nl`);
  await expect(page.getByRole("heading", { name: "Uw periodieke giften aan Give Test Charity" })).toBeVisible();
  await expect(page.getByText("Wijzigingen worden direct bij onze betaalprovider doorgevoerd", { exact: false })).toBeVisible();
});
