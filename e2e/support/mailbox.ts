import { expect, type Page } from "@playwright/test";

/**
 * Open the development mailbox for an address once a message matching `subject` has arrived there
 * (the worker sends mail a moment after the change that queued it), and leave the page on the list.
 */
export async function openMailbox(page: Page, email: string, subject: RegExp) {
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: subject }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}
