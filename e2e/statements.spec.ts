import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { pdfText } from "../tests/support/pdf-text";
import { donationInDashboard, fillCard, fillDonor, openGivePage, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";
import { expect, test } from "./support/test";

const REGISTRATION = `VR ${Date.now().toString(36).toUpperCase()} S`;
/** The year a gift made now belongs to in Berlin, the organisation's zone below. */
const YEAR = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", year: "numeric" }).format(new Date()));

async function setLegalDetails(page: Page) {
  await page.goto("/dashboard/give-test/settings/receipts");
  await page.getByLabel("Legal name").fill("Give Test Charity e.V.");
  await page.getByLabel("Registration number").fill(REGISTRATION);
  await page.getByLabel("Address").fill("Spendenweg 1\n10115 Berlin");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save receipt details" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
}

/** A donor gives 25.00 EUR with the fee covered (25.63 charged), from a browser that is not signed in. */
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

test("an admin downloads a donor's statement for the year: the PDF names the organisation, its registration number, the donor and the total", async ({
  page,
  browser,
}) => {
  await setLegalDetails(page);
  const donor = { ...uniqueDonor("Statement"), name: `Zoë Łukasiewicz ${Date.now().toString(36)}` };
  await give(browser, donor);
  await donationInDashboard(page, donor.name, "Succeeded");
  await page.getByRole("link", { name: "Donor's gifts and statements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: donor.name })).toBeVisible();

  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download statement for ${YEAR}` }).click()]);
  expect(download.suggestedFilename()).toBe(`statement-${YEAR}.pdf`);
  const text = await pdfText(new Uint8Array(await readFile((await download.path()) ?? "")));
  expect(text).toContain("Give Test Charity e.V.");
  expect(text).toContain(`Registration number: ${REGISTRATION}`);
  expect(text).toContain(donor.name);
  expect(text).toContain(`Donation statement for ${YEAR}`);
  expect(text).toMatch(/Total in EUR\s+€25\.63/);

  await page.getByRole("button", { name: `Email statement for ${YEAR} to ${donor.email}` }).click();
  await expect(page.getByText(`The ${YEAR} statement is on its way to ${donor.email}.`)).toBeVisible();

  // The outbox writes the email and its PDF when it sends it.
  const subject = new RegExp(`Your ${YEAR} donation statement from Give Test Charity`);
  await openMailbox(page, donor.email, subject);
  await page.getByRole("link", { name: subject }).first().click();
  const attachment = page.getByRole("link", { name: `statement-${YEAR}.pdf` });
  const response = await page.request.get((await attachment.getAttribute("href")) ?? "");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const emailed = await pdfText(await response.body());
  expect(emailed).toContain(`Registration number: ${REGISTRATION}`);
  expect(emailed).toMatch(/Total in EUR\s+€25\.63/);
});

test("an admin emails every donor their statement for the year and watches the run finish", async ({ page }) => {
  await page.goto("/dashboard/give-test/statements");
  await page.getByLabel("Year").selectOption(String(YEAR));
  await page.getByRole("button", { name: "Email every donor their statement" }).click();
  await expect(page.getByText(new RegExp(`(Sending \\d+ statements for ${YEAR}|already being sent)`))).toBeVisible();
  const latest = page.getByTestId("statement-runs").locator("tbody tr").first();
  // The page reads itself again while the run is under way; the worker finishes it in the background.
  await expect(latest).toContainText("Done", { timeout: 30_000 });
  await expect(latest).toContainText(/(\d+) of \1 donors/);
});
