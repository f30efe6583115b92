import { type Page, type Response } from "@playwright/test";
import { expect, test } from "./support/test";
import { fillCard, fillDonor, openGivePage, uniqueDonor } from "./support/give";

/** The response's policy, its nonce, and checks that the page's own scripts carry that nonce. */
async function expectNoncedPolicy(response: Response | null) {
  expect(response?.status()).toBe(200);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  // The browser tests serve Amply over http: a promise of https there would lock browsers out.
  expect(response?.headers()["strict-transport-security"]).toBeUndefined();
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in script-src: ${policy}`).toBeTruthy();
  expect(policy).not.toMatch(/script-src [^;]*'unsafe-(inline|eval)'/);
  // Next.js stamped this request's nonce on the scripts it rendered.
  expect(await response?.text()).toContain(`nonce="${nonce}"`);
  return nonce;
}

/** Every Content-Security-Policy violation the page (or any frame in it) reports, as text. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI} on ${event.documentURI}`,
      );
    });
  });
  return violations;
}

test("the donation page and the dashboard answer with a fresh nonce-based policy that forbids framing", async ({ page }) => {
  const violations = await collectViolations(page);
  const first = await expectNoncedPolicy(await page.goto("/give/give-test"));
  const second = await expectNoncedPolicy(await page.goto("/give/give-test"));
  expect(second).not.toBe(first);
  await expectNoncedPolicy(await page.goto("/dashboard/give-test"));
  await expect(page.getByRole("heading", { name: "Overview of Give Test Charity" })).toBeAttached();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("a card donation with 3-D Secure completes without a single policy violation", async ({ page }) => {
  const violations = await collectViolations(page);
  const donor = uniqueDonor("Policy Donor");
  await openGivePage(page);
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
  await challenge.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  expect(violations).toEqual([]);
});
