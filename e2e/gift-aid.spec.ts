import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { fillCard, sandbox, uniqueDonor } from "./support/give";

const GIVE = "/give/gift-aid-test";
const GIFT_AID = "/dashboard/gift-aid-test/gift-aid";

async function openUkGivePage(page: Page) {
  await page.goto(GIVE);
  await expect(page.getByTestId("stripe-sandbox-payment-element")).toBeVisible();
}

async function downloaded(page: Page, link: Locator) {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile(await download.path(), "utf8");
}

/** Today in London as the schedule writes it (DD/MM/YY). */
function londonToday() {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "2-digit", month: "2-digit", year: "2-digit" }).format(new Date());
}

test("a UK charity's donor declares Gift Aid; the export lists the gift with the declared address; after a refund it is gone and reported as an adjustment", async ({
  page,
  browser,
}) => {
  const donor = uniqueDonor("Gift Aider");
  const lastName = `Lovelace${donor.name.split(" ").at(-1)?.slice(-5)}`;
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openUkGivePage(visitor);
  await visitor.getByLabel("Amount (GBP)").fill("20");
  await visitor.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  await visitor.getByLabel("Name (optional)").fill(donor.name);
  await visitor.getByLabel("Email, for your receipt").fill(donor.email);

  // The declaration, in HMRC's terms, and its fields only once the donor ticks it.
  const giftAid = visitor.getByRole("group", { name: "Gift Aid" });
  await expect(giftAid).toContainText("it is my responsibility to pay any difference");
  await expect(giftAid.getByLabel("First name")).toHaveCount(0);
  await giftAid.getByRole("checkbox", { name: /Yes, I want to Gift Aid my gift/ }).check();

  // Given without the address: an error on each field, nothing else lost.
  await fillCard(visitor, "4242 4242 4242 4242");
  const give = visitor.getByRole("button", { name: /^Give £20\.\d\d$/ });
  const total = ((await give.textContent()) ?? "").replace("Give £", "");
  await giftAid.getByLabel("First name").fill("Ada");
  await give.click();
  await expect(visitor.getByTestId("form-error")).toHaveText("Please check the highlighted fields.");
  await expect(giftAid.getByLabel("Last name")).toHaveAccessibleDescription("Enter your last name for Gift Aid.");
  await expect(giftAid.getByLabel("Postcode")).toHaveAccessibleDescription(/Enter a UK postcode/);
  await expect(giftAid.getByLabel("First name")).toHaveValue("Ada");
  await expect(visitor.getByLabel("Amount (GBP)")).toHaveValue("20");

  await giftAid.getByLabel("Title (optional)").fill("Dr");
  await giftAid.getByLabel("Last name").fill(lastName);
  await giftAid.getByLabel("House name or number").fill("12");
  await giftAid.getByLabel("Postcode").fill("sw1a1aa");
  await give.click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();

  // The dashboard's claim lists it, with the declared address, once the webhook has booked it.
  await page.goto(GIFT_AID);
  const row = page.getByTestId("gift-aid-row").filter({ hasText: lastName });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText("Dr Ada");
  await expect(row).toContainText("12, SW1A 1AA");
  await expect(row).toContainText(total);

  await page.getByRole("button", { name: "Record export" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Export recorded" })).toBeVisible();
  const first = page.getByTestId("gift-aid-export").first();
  const schedule = await downloaded(page, first.getByRole("link", { name: "Schedule (CSV)" }));
  expect(schedule.split("\r\n")[0]).toBe(
    "Title,First name or initial,Last name,House name or number,Postcode,Aggregated donations,Sponsored event,Donation date,Amount",
  );
  expect(schedule).toContain(`Dr,Ada,${lastName},12,SW1A 1AA,,,${londonToday()},${total}\r\n`);

  // Refunded at Stripe after the export: gone from the claim, reported in the next export.
  const intentId = new URL(visitor.url()).searchParams.get("payment_intent") ?? "";
  const control = sandbox();
  const succeeded = (await control.events({ type: "payment_intent.succeeded" })).find((entry) => entry.event.data.object.id === intentId);
  await control.refund(String(succeeded?.event.data.object.latest_charge));
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("gift-aid-summary")).toContainText(`refunded after an earlier claim (£${total})`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toHaveCount(0);

  await page.getByRole("button", { name: "Record export" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Export recorded: 0 donations" })).toBeVisible();
  const latest = page.getByTestId("gift-aid-export").first();
  await expect(latest.getByRole("link", { name: /Schedule/ })).toHaveCount(0);
  const adjustments = await downloaded(page, latest.getByRole("link", { name: "Refund adjustments (CSV)" }));
  expect(adjustments).toContain(`Dr,Ada,${lastName},12,SW1A 1AA,${londonToday()},${total}\r\n`);
  // The first export still downloads as it was.
  expect(await downloaded(page, page.getByTestId("gift-aid-export").nth(1).getByRole("link", { name: "Schedule (CSV)" }))).toBe(schedule);
});

test("Gift Aid is offered for gifts in pounds only, fits a phone, and says what anonymity means for it", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openUkGivePage(page);
  const giftAid = page.getByRole("group", { name: "Gift Aid" });
  await giftAid.getByRole("checkbox", { name: /Yes, I want to Gift Aid my gift/ }).check();
  await giftAid.getByRole("checkbox", { name: /Also Gift Aid my future gifts/ }).check();
  await expect(giftAid).toContainText("this gift and any gifts I make in the future");
  await giftAid.getByRole("checkbox", { name: "I live outside the UK" }).check();
  await expect(giftAid.getByLabel("Postcode")).toHaveCount(0);
  await page.getByRole("checkbox", { name: /Give anonymously/ }).check();
  await expect(page.getByTestId("gift-aid-anonymous")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByLabel("Currency").selectOption("EUR");
  await expect(giftAid).toHaveCount(0);

  // Not a UK organisation: no Gift Aid at all.
  await page.goto("/give/give-test");
  await page.getByLabel("Currency").selectOption("GBP");
  await expect(page.getByRole("group", { name: "Gift Aid" })).toHaveCount(0);
});
