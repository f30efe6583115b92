import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { fillCard, fillDonor, openGivePage, sandbox, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";
import { uniqueEmail } from "./support/session";

/** The owner (this test's page) makes someone an admin of give-test; answers a signed-in page of theirs. */
async function newAdmin(owner: Page, browser: Browser) {
  const email = uniqueEmail("overview-admin");
  await owner.goto("/dashboard/give-test/members");
  await owner.getByLabel("Email address").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("admin");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const admin = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openMailbox(admin, email, /You're invited/);
  await admin.getByRole("link", { name: /You're invited to Give Test Charity/ }).click();
  await admin.getByRole("link", { name: /\/invitations\// }).click();
  await admin.getByRole("button", { name: "Email me a sign-in link" }).click();
  await openMailbox(admin, email, /Sign in to Amply/);
  await admin
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  await admin.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
  await admin.getByRole("button", { name: "Join Give Test Charity" }).click();
  await expect(admin.getByText("You are admin")).toBeVisible();
  return admin;
}

/** Cents from the first "€1,234.56" in a figure's card (0 when the currency has no block yet). */
async function euroCents(card: Locator): Promise<number> {
  if ((await card.count()) === 0) return 0;
  const text = (await card.locator("dd").first().textContent()) ?? "";
  const match = /€([\d,]+)\.(\d\d)/.exec(text);
  if (!match) throw new Error(`no amount in ${text}`);
  return Number(match[1]?.replaceAll(",", "")) * 100 + Number(match[2]);
}

async function countIn(locator: Locator, pattern: RegExp): Promise<number> {
  if ((await locator.count()) === 0) return 0;
  return Number(pattern.exec((await locator.textContent()) ?? "")?.[1] ?? 0);
}

/** What the EUR block says now (other tests give to give-test too: the test compares before and after). */
async function eurFigures(page: Page) {
  return {
    gross: await euroCents(page.getByTestId("overview-EUR-gross")),
    refunds: await euroCents(page.getByTestId("overview-EUR-refunds")),
    refundCount: await countIn(page.getByTestId("overview-EUR-refunds"), /(\d+) refunds?/),
    gifts: await countIn(page.getByTestId("overview-EUR-gifts"), /(\d+) donations?/),
  };
}

async function give(browser: Browser, euros: string) {
  const donor = uniqueDonor("Overview Donor");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openGivePage(visitor);
  await visitor.getByLabel("Amount (EUR)").fill(euros);
  await fillDonor(visitor, donor.name, donor.email);
  await fillCard(visitor, "4242 4242 4242 4242");
  await visitor.getByRole("button", { name: `Give €${euros}.00` }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  const intentId = new URL(visitor.url()).searchParams.get("payment_intent") ?? "";
  await visitor.context().close();
  return intentId;
}

test("an admin sees this month's figures after two gifts and a refund, with a chart screen readers can name, on a phone too", async ({ page, browser }) => {
  const admin = await newAdmin(page, browser);
  const overview = "/dashboard/give-test?period=this-month";
  await admin.goto(overview);
  await expect(admin.getByRole("link", { name: "This month" })).toHaveAttribute("aria-current", "page");
  const before = await eurFigures(admin);

  const refunded = await give(browser, "10");
  await give(browser, "25");
  const control = sandbox();
  await expect(async () => {
    const succeeded = (await control.events({ type: "payment_intent.succeeded" })).find((entry) => entry.event.data.object.id === refunded);
    expect(succeeded).toBeDefined();
    await control.refund(String(succeeded?.event.data.object.latest_charge));
  }).toPass({ timeout: 20_000 });

  await expect(async () => {
    await admin.goto(overview);
    expect(await eurFigures(admin)).toEqual({
      gross: before.gross + 3500,
      refunds: before.refunds + 1000,
      refundCount: before.refundCount + 1,
      gifts: before.gifts + 2,
    });
  }).toPass({ timeout: 30_000 });

  // The chart is an image with a name and a summary, and its figures are in a table too.
  const chart = admin.getByRole("img", { name: /^Donations in EUR per day/ });
  await expect(chart).toBeVisible();
  await expect(admin.getByRole("table", { name: "Donations in EUR per day" })).toBeAttached();

  // A period chosen by its days, and one that cannot be read.
  await admin.getByLabel("First day").fill("2020-01-01");
  await admin.getByLabel("Last day").fill("2020-01-31");
  await admin.getByRole("button", { name: "Show period" }).click();
  await expect(admin.getByRole("heading", { name: "Donations: 1 January 2020 to 31 January 2020" })).toBeVisible();
  await expect(admin.getByTestId("overview-empty")).toContainText("No donations in this period.");
  await admin.goto("/dashboard/give-test?from=2027-02-30&to=2027-03-01");
  await expect(admin.getByRole("alert").filter({ hasText: "The first day" })).toHaveText(
    "The first day is not a date in the calendar. Showing this year instead.",
  );
  await expect(admin.getByTestId("overview-EUR-gross")).toBeVisible();

  await admin.setViewportSize({ width: 360, height: 800 });
  await admin.goto(overview);
  await expect(chart).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
