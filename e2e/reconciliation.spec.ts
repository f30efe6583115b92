import { expect, test } from "./support/test";

/** Today in UTC: the test organisation's gifts of today fall on this day or the one around it, and either has some. */
const TODAY = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

test("an owner compares today with Stripe and watches the run finish with a plain result", async ({ page }) => {
  await page.goto("/dashboard/give-test");
  await page.getByRole("link", { name: "Reconciliation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reconciliation" })).toBeVisible();
  await page.getByLabel("First day").fill(TODAY);
  await page.getByLabel("Last day").fill(TODAY);
  await page.getByRole("button", { name: "Compare with Stripe" }).click();
  await expect(page.getByText(/(Comparing \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} with Stripe|already under way)/)).toBeVisible();
  // The page reads itself again while the run is under way; the worker finishes it in the background.
  // Other tests' gifts may or may not agree with Stripe at this moment: either result is stated plainly.
  await expect(page.getByText(/^(Clean|No differences in what could be read|\d+ differences?)$/)).toBeVisible({ timeout: 60_000 });
  if (await page.getByText(/^\d+ differences?$/).isVisible()) {
    await expect(page.getByRole("table", { name: "Differences between Amply and Stripe" })).toBeVisible();
  } else {
    await expect(page.getByText(/Amply's ledger and Stripe agree for|agree with Amply's ledger for/)).toBeVisible();
  }
});
