import { expect, type FrameLocator, type Page } from "@playwright/test";
import { SandboxControl } from "../../sandbox/client";
import { e2eRun } from "./fixtures";

export function sandbox() {
  const run = e2eRun();
  return new SandboxControl(run.sandboxUrl, run.sandboxSecretKey);
}

export async function openGivePage(page: Page, query = "") {
  await page.goto(`/give/give-test${query}`);
  await expect(page.getByTestId("stripe-sandbox-payment-element")).toBeVisible();
}

/** On the page, or inside the frame an organisation's site shows it in. */
export async function fillDonor(page: Page | FrameLocator, name: string, email: string) {
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email, for your receipt").fill(email);
}

export async function fillCard(page: Page | FrameLocator, number: string) {
  const element = page.getByTestId("stripe-sandbox-payment-element");
  await element.getByLabel("Card number").fill(number);
  await element.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await element.getByLabel("Security code").fill("123");
}

/** The donation's page in the dashboard (as the owner), once the webhook has recorded `status`. */
export async function donationInDashboard(page: Page, donorName: string, status: string) {
  await page.goto("/dashboard/give-test/donations");
  const row = page.getByTestId("donation-row").filter({ hasText: donorName });
  await row.getByRole("link").click();
  await page.waitForURL(/\/donations\/[^/]+$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("donation-status")).toHaveText(status, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * On the donation's page: wait for its ledger entry, booked when the charge's balance transaction
 * appears, a moment after the donation succeeded (docs/stripe.md#asynchronous-capture).
 */
export async function ledgerEntryInDashboard(page: Page) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("ledger-entry").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Preset amounts are radio buttons drawn as buttons: press the visible one. */
export async function choosePreset(page: Page, label: string) {
  await page.getByRole("radiogroup", { name: "Suggested amounts" }).getByText(label, { exact: true }).click();
  await expect(page.getByRole("radio", { name: label })).toBeChecked();
}

export function uniqueDonor(label: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${label} ${id}`, email: `${label.toLowerCase().replace(/\s+/g, "-")}-${id}@donor.example` };
}
