import { expect, test } from "./support/test";
import { uniqueEmail } from "./support/session";
import { openMailbox } from "./support/mailbox";

test("an owner invites a viewer, who joins through the emailed link and can only read", async ({ page, browser }) => {
  const email = uniqueEmail("viewer");
  await page.goto("/dashboard/demo/members");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const invited = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guest = await invited.newPage();
  await openMailbox(guest, email, /You're invited/);
  await guest.getByRole("link", { name: /You're invited to Amply Demo Charity/ }).click();
  await guest.getByRole("link", { name: /\/invitations\// }).click();
  // Not signed in yet: sign in as the invited address, then the invitation completes.
  await expect(guest.getByLabel("Email address")).toHaveValue(email);
  await guest.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(guest.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openMailbox(guest, email, /Sign in to Amply/);
  await guest
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  await guest.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
  // Joining is a deliberate step on the invitation's page.
  await guest.getByRole("button", { name: "Join Amply Demo Charity" }).click();
  await expect(guest).toHaveURL(/\/dashboard\/demo$/);
  await expect(guest.getByText("You are viewer")).toBeVisible();
  await expect(guest.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  await guest.getByRole("link", { name: "Payments" }).click();
  await expect(guest.getByText(/Ask an owner or admin of Amply Demo Charity to connect Stripe/)).toBeVisible();
  expect((await guest.goto("/dashboard/demo/settings"))?.status()).toBe(403);
  await invited.close();
});
