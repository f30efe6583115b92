import type { Browser } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test } from "./support/test";
import { choosePreset, fillCard, fillDonor, openGivePage, uniqueDonor } from "./support/give";
import { expectNoSidewaysScroll } from "./support/axe";
import { openMailbox } from "./support/mailbox";
import { uniqueEmail } from "./support/session";

/** The owner invites someone with `role` to give-test; they join in their own browser context. */
async function member(browser: Browser, owner: import("@playwright/test").Page, role: "admin" | "viewer") {
  const email = uniqueEmail(role);
  await owner.goto("/dashboard/give-test/members");
  await owner.getByLabel("Email address").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await openMailbox(page, email, /You're invited/);
  await page.getByRole("link", { name: /You're invited to Give Test Charity/ }).click();
  await page.getByRole("link", { name: /\/invitations\// }).click();
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await openMailbox(page, email, /Sign in to Amply/);
  await page
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  await page.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
  await page.getByRole("button", { name: "Join Give Test Charity" }).click();
  await expect(page).toHaveURL(/\/dashboard\/give-test$/);
  return { page, context };
}

async function give(browser: Browser, donor: { name: string; email: string }) {
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openGivePage(visitor);
  await choosePreset(visitor, "€25.00");
  await fillDonor(visitor, donor.name, donor.email);
  await fillCard(visitor, "4242 4242 4242 4242");
  await visitor.getByRole("button", { name: "Give €25.00" }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await visitor.context().close();
}

test("an admin filters donations, opens one, refunds part of it and sees it land; a viewer cannot refund; the CSV downloads", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const donor = uniqueDonor("Refund Donor");
  await give(browser, donor);
  const admin = await member(browser, page, "admin");

  // Filter: paid donations in EUR, searched by the donor's email.
  await admin.page.goto("/dashboard/give-test/donations");
  await admin.page.getByText("Search and filter", { exact: true }).click();
  const filters = admin.page.getByRole("search", { name: "Search and filter donations" });
  await filters.getByLabel("Search").fill(donor.email);
  await filters.getByLabel("Status").selectOption("succeeded");
  await filters.getByLabel("Currency").selectOption("EUR");
  await expect(async () => {
    await filters.getByRole("button", { name: "Show donations" }).click();
    await expect(admin.page.getByTestId("donation-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(admin.page).toHaveURL(/status=succeeded/);
  await admin.page.getByTestId("donation-row").getByRole("link").click();
  await admin.page.waitForURL(/\/donations\/[^/?]+$/);
  const donationUrl = admin.page.url();
  await expect(admin.page.getByTestId("timeline")).toContainText("Paid");

  // A partial refund: pending until the webhook records it, then refunded.
  const form = admin.page.getByRole("form", { name: "Refund this donation" });
  await form.getByLabel("Amount to refund").fill("30");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(form.getByRole("alert").first()).toContainText("You can refund at most €25.00");
  await expect(form.getByLabel("Amount to refund")).toHaveValue("30");
  await form.getByLabel("Amount to refund").fill("10.50");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(form.getByText("Refund of €10.50 asked for")).toBeVisible();
  await expect(async () => {
    await admin.page.reload();
    await expect(admin.page.getByTestId("refund-status")).toHaveText("Refunded", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(admin.page.getByTestId("donation-status")).toContainText(/partially refunded/i);
  await expect(admin.page.getByTestId("timeline")).toContainText("Refund of €10.50");
  await expect(admin.page.getByText("Up to €14.50")).toBeVisible();
  // The refund form and the filters fit a 360 px phone.
  await admin.page.setViewportSize({ width: 360, height: 780 });
  await expectNoSidewaysScroll(admin.page);
  await admin.page.goto(`/dashboard/give-test/donations?q=${encodeURIComponent(donor.email)}`);
  await expect(admin.page.getByTestId("donation-row")).toHaveCount(1);
  await expectNoSidewaysScroll(admin.page);

  // The donor hears of it.
  await openMailbox(admin.page, donor.email, /Refund from Give Test Charity/);
  await expect(admin.page.getByRole("link", { name: /Refund from Give Test Charity/ })).toHaveCount(1);
  await admin.context.close();

  // A viewer sees the donation and its refund, but no refund button, and the route refuses them.
  const viewer = await member(browser, page, "viewer");
  await viewer.page.goto(donationUrl);
  await expect(viewer.page.getByTestId("refund-status")).toHaveText("Refunded");
  await expect(viewer.page.getByRole("button", { name: "Refund" })).toHaveCount(0);
  await expect(viewer.page.getByText("Admins and owners can refund donations.")).toBeVisible();
  await viewer.page.goto("/dashboard/give-test/donations");
  const reportAction = await viewer.page.getByRole("form", { name: "Transaction report" }).getAttribute("action");
  expect(reportAction).toMatch(/^\/api\/organisations\/[^/]+\/reports\/transactions$/);
  const organisationId = String(reportAction).split("/")[3];
  const donationId = new URL(donationUrl).pathname.split("/").at(-1);
  const refused = await viewer.page.evaluate(
    async ({ organisationId, donationId }) => {
      const response = await fetch(`/api/organisations/${organisationId}/donations/${donationId}/refunds`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ amount: "1", reason: "requested_by_customer" }),
      });
      return response.status;
    },
    { organisationId, donationId },
  );
  expect(refused).toBe(403);

  // The viewer downloads today's transaction report as CSV and it parses, with the refund in it.
  const today = new Date().toISOString().slice(0, 10);
  const report = viewer.page.getByRole("form", { name: "Transaction report" });
  await report.getByLabel("First day").fill(today);
  await report.getByLabel("Last day").fill(today);
  const [download] = await Promise.all([viewer.page.waitForEvent("download"), report.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^transactions-give-test-.*\.csv$/);
  const bytes = await streamBytes(await download.createReadStream());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse<Record<string, string>>(bytes.toString("utf8"), { bom: true, columns: true });
  const row = records.find((record) => record.Donor === donor.name);
  expect(row).toMatchObject({ Gross: "25.00", Refunded: "10.50", Currency: "EUR", "Donor email": donor.email });
  await viewer.context.close();
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
