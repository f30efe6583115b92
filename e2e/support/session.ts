import { expect, type Page } from "@playwright/test";
import { openMailbox } from "./mailbox";

/** Sign in the way a person does: ask for a link, open it from the development mailbox. */
export async function signInThroughMailbox(page: Page, email: string) {
  await page.goto(`/signin?email=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  // The page is shown through Auth.js's redirect (the address may stay /api/auth/verify-request);
  // its title comes with it, and axe checks the page with its title when the test leaves it.
  await expect(page).toHaveTitle(/Check your email/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("link", { name: "open the development mailbox" })).toBeVisible();
  await openMailbox(page, email, /Sign in to Amply/);
  await page
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  await page.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
}

export function uniqueEmail(label: string) {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}
