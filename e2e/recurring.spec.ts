// Recurring gifts in the browser, on the sandbox: a monthly gift started on the donation page, its
// renewals as the sandbox runs them, each installment a donation with its ledger entry and receipt,
// and a renewal that fails.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { fillCard, sandbox, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";

// One organisation's subscriptions: the tests read "the newest subscription" of its account.
test.describe.configure({ mode: "serial" });

async function openMonthlyPage(page: Page) {
  await page.goto("/give/give-monthly");
  await expect(page.getByTestId("stripe-sandbox-payment-element")).toBeVisible();
}

async function fillDonor(page: Page, name: string, email: string) {
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email, for your receipt").fill(email);
}

/** The subscription the last gift started on the organisation's sandbox account. */
async function newestSubscription(): Promise<string> {
  const events = await sandbox().events({ type: "customer.subscription.created" });
  const created = events.filter((entry) => (entry.event.data.object as { metadata?: { organisation_id?: string } }).metadata?.organisation_id).at(-1);
  if (!created) throw new Error("no subscription was created");
  return String(created.event.data.object.id);
}

/** The donor's installments in the dashboard, once `count` of them show `status`. */
async function installmentsInDashboard(page: Page, donorName: string, status: string, count: number) {
  const rows = page.getByTestId("donation-row").filter({ hasText: donorName });
  await expect(async () => {
    await page.goto("/dashboard/give-monthly/donations");
    await expect(rows.filter({ hasText: status })).toHaveCount(count, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return rows;
}

test("a donor gives 10.00 EUR monthly covering the fee; two renewals: three installments, each booked with a receipt; a failing renewal asks for a new payment method", async ({
  page,
  browser,
}) => {
  const donor = uniqueDonor("Monthly Donor");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openMonthlyPage(visitor);
  await expect(visitor.getByRole("radio", { name: "Monthly" })).toBeChecked();
  await visitor.getByLabel("Amount (EUR)").fill("10");
  await visitor.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  await expect(visitor.getByText(/per month to cover the processing fee/)).toBeVisible();
  await fillDonor(visitor, donor.name, donor.email);
  await fillCard(visitor, "4242 4242 4242 4242");
  await visitor.getByRole("button", { name: "Give €10.41 monthly" }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();

  const subscription = await newestSubscription();
  await installmentsInDashboard(page, donor.name, "Succeeded", 1);
  await sandbox().advance(subscription);
  await sandbox().advance(subscription);
  const rows = await installmentsInDashboard(page, donor.name, "Succeeded", 3);
  await expect(rows.first()).toContainText("monthly");
  for (let index = 0; index < 3; index++) {
    await page.goto("/dashboard/give-monthly/donations");
    await rows.nth(index).getByRole("link").click();
    await page.waitForURL(/\/donations\/[^/]+$/);
    await expect(page.getByTestId("installment-of")).toContainText("Installment of a monthly gift");
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("ledger-entry")).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("ledger-entry")).toContainText("€10.41");
  }
  await expect(async () => {
    await openMailbox(page, donor.email, /Your receipt from Give Monthly Charity/);
    await expect(page.getByRole("link", { name: /Your receipt from Give Monthly Charity/ })).toHaveCount(3, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await sandbox().advance(subscription, "failed");
  const failed = await installmentsInDashboard(page, donor.name, "Failed", 1);
  await failed.filter({ hasText: "Failed" }).getByRole("link").click();
  await expect(page.getByTestId("installment-of")).toContainText("the gift is past due");
  await openMailbox(page, donor.email, /could not be taken/);
  await page
    .getByRole("link", { name: /could not be taken/ })
    .first()
    .click();
  await expect(page.getByText(/update your payment method here/)).toBeVisible();
  await expect(page.getByText(/\/manage\//)).toBeVisible();
});

test("a monthly gift by SEPA Direct Debit: processing, then paid", async ({ page }) => {
  const donor = uniqueDonor("Monthly Sepa");
  const visitor = page;
  await openMonthlyPage(visitor);
  await fillDonor(visitor, donor.name, donor.email);
  const element = visitor.getByTestId("stripe-sandbox-payment-element");
  await element.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await element.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await visitor.getByRole("button", { name: "Give €25.00 monthly" }).click();
  await expect(visitor.getByTestId("donation-processing")).toContainText("your payment is processing");
  const intent = new URL(visitor.url()).searchParams.get("payment_intent") ?? "";
  await sandbox().settle(intent);
  await installmentsInDashboard(page, donor.name, "Succeeded", 1);
});

test("the first payment of a monthly gift passes a 3-D Secure challenge", async ({ page }) => {
  const donor = uniqueDonor("Monthly Secure");
  await openMonthlyPage(page);
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Give €25.00 monthly" }).click();
  const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
  await challenge.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await installmentsInDashboard(page, donor.name, "Succeeded", 1);
});

test("the page's address (an embed's data-frequency) chooses the frequency when the page offers it", async ({ page }) => {
  await page.goto("/give/give-monthly?frequency=yearly");
  await expect(page.getByRole("radio", { name: "Yearly" })).toBeChecked();
  await page.goto("/give/give-monthly?frequency=once");
  await expect(page.getByRole("radio", { name: "Once" })).toBeChecked();
  // Not a frequency the page offers: the page's own default (monthly).
  await page.goto("/give/give-monthly?frequency=weekly");
  await expect(page.getByRole("radio", { name: "Monthly" })).toBeChecked();
});
