import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";

async function createOrganisation(page: Page, name: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now().toString(36)}`;
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Create an organisation" }).click();
  await page.getByLabel("Organisation name").fill(name);
  await page.getByLabel("Address of your donation page").fill(slug);
  await page.getByLabel("Country of registration").selectOption("DE");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/settings/payments$`));
  return slug;
}

test("an owner creates an organisation and connects a ready Stripe account", async ({ page }) => {
  await createOrganisation(page, "River Rescue");
  await expect(page.getByTestId("stripe-connection")).toContainText("Not connected");
  // The owner's other organisations are one click away.
  await page.getByRole("group").filter({ hasText: "Switch organisation" }).locator("summary").click();
  await expect(page.getByRole("link", { name: "Amply Demo Charity" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);

  await page.getByRole("button", { name: "Connect with Stripe" }).click();
  await expect(page.getByRole("heading", { name: /Connect River Rescue to Amply/ })).toBeVisible();
  await expect(page.getByText("Stripe sandbox - no real money")).toBeVisible();
  await page.getByRole("button", { name: "Authorize" }).click();

  await expect(page.getByText("Your Stripe account is now connected")).toBeVisible();
  await expect(page.getByTestId("stripe-connection")).toHaveText("Connected, taking donations");
  await expect(page.getByTestId("charges-enabled")).toHaveText("Yes");
  await expect(page.getByTestId("bank-transfers")).toHaveText("EUR (account in DE)");
  await expect(page.getByTestId("requirements")).toHaveCount(0);

  // A re-sync runs in the worker; the page follows it by itself until it is done.
  await page.getByRole("button", { name: "Re-sync from Stripe" }).click();
  await expect(page.getByText("Re-sync started")).toBeVisible();
  const runs = page.getByTestId("resync-runs");
  await expect(runs).toContainText("Started here");
  await expect(runs.getByRole("cell", { name: "Done", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(runs).toContainText(/Nothing was missing|missed events? applied/);

  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(page.getByText("Stripe is disconnected.")).toBeVisible();
  await expect(page.getByTestId("stripe-connection")).toContainText("Disconnected on");
  await expect(page.getByRole("button", { name: "Connect with Stripe" })).toBeVisible();
});

test("an account with pending requirements shows them, and finishing on Stripe enables charges", async ({ page }) => {
  await createOrganisation(page, "Hill Choir");
  await page.getByRole("button", { name: "Connect with Stripe" }).click();
  await page.getByLabel(/Still has requirements to complete/).check();
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page.getByTestId("stripe-connection")).toHaveText("Connected, setup unfinished");
  await expect(page.getByTestId("charges-enabled")).toHaveText("Not yet");
  const requirements = page.getByTestId("requirements");
  await expect(requirements).toContainText("A bank account to receive payouts");
  await expect(requirements).toContainText("An identity document for the person representing the organisation");
  await expect(requirements).toContainText("Accepting Stripe's terms of service");

  const [setup] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Finish setting up on Stripe" }).click()]);
  await setup.getByRole("button", { name: "Complete requirements" }).click();
  await expect(setup.getByText("Nothing is due")).toBeVisible();
  await setup.close();
  await page.reload();
  await expect(page.getByTestId("charges-enabled")).toHaveText("Yes");
});

test("denying consent on Stripe's page says so and connects nothing", async ({ page }) => {
  await createOrganisation(page, "Meadow Trust");
  await page.getByRole("button", { name: "Connect with Stripe" }).click();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You chose not to connect a Stripe account" })).toBeVisible();
  await expect(page.getByTestId("stripe-connection")).toContainText("Not connected");
});
