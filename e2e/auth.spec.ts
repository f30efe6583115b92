import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";
import { DEMO } from "../lib/organisations/demo";
import { signInThroughMailbox, uniqueEmail } from "./support/session";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the home page shows the demo organisation and its owner's email, accessibly", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("demo-owner-email")).toHaveText(DEMO.ownerEmail);
    await expect(page.getByText("Stripe sandbox - no real money")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations).toEqual([]);
  });

  test("the dashboard sends a signed-out visitor to sign in, and the form explains a bad address", async ({ page }) => {
    await page.goto("/dashboard/demo");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Enter your email address/);
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations).toEqual([]);
  });

  test("a signed-in stranger gets 403 on another organisation's dashboard", async ({ page }) => {
    await signInThroughMailbox(page, uniqueEmail("stranger"));
    await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
    const response = await page.goto("/dashboard/demo");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    const unknown = await page.goto("/dashboard/no-such-organisation");
    expect(unknown?.status()).toBe(404);
  });
});

test("the demo owner reaches the organisation's dashboard", async ({ page }) => {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: new RegExp(DEMO.name) }).click();
  await expect(page).toHaveURL(/\/dashboard\/demo$/);
  await expect(page.getByRole("navigation", { name: "Organisation" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(DEMO.ownerEmail);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
});
