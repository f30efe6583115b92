import { expect, test } from "./support/test";
import { expectAccessible, expectNoSidewaysScroll } from "./support/axe";
import { fillCard, fillDonor, openGivePage, uniqueDonor } from "./support/give";

test.use({ viewport: { width: 360, height: 780 } });

test("a donation and every dashboard page fit a 360 px phone and pass axe", async ({ page }) => {
  const donor = uniqueDonor("Phone Donor");
  await openGivePage(page);
  await expectNoSidewaysScroll(page);
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.goto("/dashboard/give-test/donations");
  const row = page.getByTestId("donation-row").filter({ hasText: donor.name });
  await expect(row).toBeVisible();
  // The amount and the status are what a treasurer looks for: on screen, not off to the right.
  await expect(row.getByText("€25.00")).toBeInViewport({ ratio: 1 });
  await expect(row.locator("td").nth(3)).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await row.getByRole("link").click();
  await page.waitForURL(/\/donations\/[^/]+$/);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  for (const path of [
    "/dashboard",
    "/dashboard/new",
    "/dashboard/give-test",
    "/dashboard/give-test/members",
    "/dashboard/give-test/settings",
    "/dashboard/give-test/settings/payments",
    "/dev/mailbox",
  ]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
});

test("the 404 page passes axe, and the site has an icon", async ({ page, request }) => {
  for (const path of ["/no-such-page", "/give/no-such-organisation", "/dashboard/give-test/donations/no-such-donation"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
  }
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
});
