import type { Browser, Page } from "@playwright/test";
import { pdfText } from "../tests/support/pdf-text";
import { donationInDashboard, fillCard, fillDonor, openGivePage, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";
import { uniqueEmail } from "./support/session";
import { expect, test } from "./support/test";

const REGISTRATION = `VR ${Date.now().toString(36).toUpperCase()} B`;
const TAX_STATEMENT = "Give Test Charity e.V. ist als gemeinnützig anerkannt (Freistellungsbescheid vom 1. März 2026).";

/** The owner fills Settings > Receipts. */
async function setReceiptDetails(page: Page) {
  await page.goto("/dashboard/give-test/settings/receipts");
  await page.getByLabel("Legal name").fill("Give Test Charity e.V.");
  await page.getByLabel("Registration number").fill(REGISTRATION);
  await page.getByLabel("Address").fill("Spendenweg 1\n10115 Berlin");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Tax statement (optional)").fill(TAX_STATEMENT);
  await page.getByRole("button", { name: "Save receipt details" }).click();
  await expect(page.getByText("Saved. Receipts issued or resent from now on show these details.")).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** A donor gives 25.00 EUR with the fee covered, from a browser that is not signed in. */
async function give(browser: Browser, donor: { name: string; email: string }) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await context.newPage();
  await openGivePage(visitor);
  await visitor.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  await fillDonor(visitor, donor.name, donor.email);
  await fillCard(visitor, "4242 4242 4242 4242");
  await visitor.getByRole("button", { name: "Give €25.63" }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await context.close();
}

/** The text of the PDF attached to the newest message matching `subject` in the donor's mailbox. */
async function receiptPdfText(page: Page, email: string, subject: RegExp) {
  await openMailbox(page, email, subject);
  await page.getByRole("link", { name: subject }).first().click();
  const attachment = page.getByRole("link", { name: /^receipt-R-\d{6}\.pdf$/ });
  await expect(attachment).toBeVisible();
  const response = await page.request.get((await attachment.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return pdfText(await response.body());
}

test("a donation's receipt email carries a PDF with the registration number, tax statement and amount; an admin resends it", async ({ page, browser }) => {
  await setReceiptDetails(page);
  const donor = { ...uniqueDonor("Receipt"), name: `Zoë Łukasiewicz ${Date.now().toString(36)}` };
  await give(browser, donor);

  const text = await receiptPdfText(page, donor.email, /Your receipt from Give Test Charity/);
  expect(text).toContain(`Registration number: ${REGISTRATION}`);
  // A long statement wraps over lines in the PDF.
  expect(text.replace(/\s+/g, " ")).toContain(TAX_STATEMENT);
  expect(text).toMatch(/Amount\s+€25\.63/);
  expect(text).toContain(donor.name);
  expect(text).toContain("Give Test Charity e.V.");
  await expect(page.getByText(`Dear ${donor.name},`)).toBeVisible();

  await donationInDashboard(page, donor.name, "Succeeded");
  const receipts = page.getByTestId("receipt");
  await expect(receipts).toHaveCount(1);
  // The receipts and their forms fit a 360 px phone (the table scrolls inside its card).
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole("button", { name: "Resend receipt" }).click();
  await expect(page.getByText(new RegExp(`Receipt R-\\d{6} is on its way to ${donor.email.replace(/[.]/g, "\\.")}`))).toBeVisible();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(donor.email)}`);
    await expect(page.getByRole("link", { name: /Your receipt from Give Test Charity/ })).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test("an admin corrects the donor's name and address: a new receipt number that references the old", async ({ page, browser }) => {
  const donor = uniqueDonor("Typo Donr");
  await give(browser, donor);
  await donationInDashboard(page, donor.name, "Succeeded");
  const original = (await page.getByTestId("receipt").first().locator("span.font-semibold").textContent()) ?? "";
  expect(original).toMatch(/^R-\d{6}$/);

  await page.getByLabel("Donor's name on the receipt").fill("");
  await page.getByRole("button", { name: "Correct receipt" }).click();
  await expect(page.getByText("Give the donor's name as it should appear on the receipt.").first()).toBeVisible();

  await page.getByLabel("Donor's name on the receipt").fill("Zoë Łukasiewicz");
  await page.getByLabel("Donor's address (optional)").fill("ul. Długa 5\n00-238 Warszawa");
  await page.getByRole("button", { name: "Correct receipt" }).click();
  await expect(page.getByText(new RegExp(`Receipt R-\\d{6} replaces ${original}`))).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("receipt")).toHaveCount(2);
  await expect(page.getByTestId("receipt").first()).toContainText(`corrects ${original}`);

  const text = await receiptPdfText(page, donor.email, /Your corrected receipt from Give Test Charity/);
  expect(text).toContain("Zoë Łukasiewicz");
  expect(text).toContain("00-238 Warszawa");
  expect(text).toContain(`This receipt replaces receipt ${original}`);
});

test("a viewer sees the receipts but cannot resend or correct them", async ({ page, browser }) => {
  const donor = uniqueDonor("Viewer Check");
  await give(browser, donor);
  await donationInDashboard(page, donor.name, "Succeeded");
  const donationUrl = page.url();

  const email = uniqueEmail("receipt-viewer");
  await page.goto("/dashboard/give-test/members");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await openMailbox(viewer, email, /You're invited/);
  await viewer.getByRole("link", { name: /You're invited to Give Test Charity/ }).click();
  await viewer.getByRole("link", { name: /\/invitations\// }).click();
  await viewer.getByRole("button", { name: "Email me a sign-in link" }).click();
  await openMailbox(viewer, email, /Sign in to Amply/);
  await viewer
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  await viewer.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
  await viewer.getByRole("button", { name: "Join Give Test Charity" }).click();
  await expect(viewer.getByText("You are viewer")).toBeVisible();

  await viewer.goto(new URL(donationUrl).pathname);
  await expect(viewer.getByTestId("receipt")).toHaveCount(1);
  await expect(viewer.getByRole("button", { name: "Resend receipt" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Correct receipt" })).toHaveCount(0);
  expect((await viewer.goto("/dashboard/give-test/settings/receipts"))?.status()).toBe(403);
  await context.close();
});
