// Attacks on the real server (`npm start`'s own server in front of the production build): headers
// a browser would never send, from loopback addresses other than the browser's.
import { randomUUID } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { e2eRun } from "./support/fixtures";
import { cookiesOf, rawRequest } from "./support/raw-http";
import { uniqueEmail } from "./support/session";
import { E2E_DONATION_ATTEMPTS_PER_CLIENT } from "../scripts/support/e2e-limits";
import { openMailbox } from "./support/mailbox";

const appUrl = () => e2eRun().appUrl;

/** The newest sign-in link the development mailbox holds for an address. */
async function newestSignInLink(page: Page, email: string): Promise<string> {
  await openMailbox(page, email, /Sign in to Amply/);
  await page
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  return String(await page.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).getAttribute("href"));
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a sign-in request with a forged Host and X-Forwarded-Host still emails a link on APP_URL", async ({ page }) => {
    const email = uniqueEmail("takeover");
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const csrf = await rawRequest(`${appUrl()}/api/auth/csrf`, { headers: forged });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const response = await rawRequest(`${appUrl()}/api/auth/signin/email`, {
      method: "POST",
      headers: { ...forged, cookie: cookiesOf(csrf), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }).toString(),
    });
    expect(response.status).toBeLessThan(400);
    const link = await newestSignInLink(page, email);
    expect(new URL(link).origin).toBe(appUrl());
    expect(link).not.toContain("evil.example");
  });
});

test("a client rotating X-Forwarded-For, or sending X-Amply-Client-Address, is still one client", async () => {
  const attempts = E2E_DONATION_ATTEMPTS_PER_CLIENT + 3;
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) {
    const response = await rawRequest(`${appUrl()}/api/donations`, {
      method: "POST",
      // Another loopback address than the browser's: its own budget, so the other tests keep theirs.
      localAddress: "127.0.0.77",
      headers: {
        "content-type": "application/json",
        origin: appUrl(),
        "idempotency-key": randomUUID(),
        "x-forwarded-for": `198.51.100.${i + 1}`,
        "x-real-ip": `198.51.100.${i + 1}`,
        "x-amply-client-address": `203.0.113.${i + 1}`,
      },
      body: JSON.stringify({ organisation: "give-test", amount: 1000, currency: "EUR", expectedTotal: 1000, donor: { email: `card-tester-${i}@example.org` } }),
    });
    statuses.push(response.status);
  }
  const accepted = statuses.filter((status) => status === 201).length;
  // The e2e server's limit per client (DONATION_ATTEMPTS_PER_CLIENT): the rest are refused.
  expect(accepted).toBe(E2E_DONATION_ATTEMPTS_PER_CLIENT);
  expect(statuses.slice(accepted).every((status) => status === 429)).toBe(true);
});

test("/api/auth/session tells the page who is signed in, never the session token", async ({ page }) => {
  await page.goto("/dashboard");
  const body = await page.evaluate(async () => (await fetch("/api/auth/session")).text());
  const session = JSON.parse(body) as { user?: { email?: string } };
  expect(session.user?.email).toBeTruthy();
  expect(body).not.toMatch(/sessionToken|userId/);
  const cookies = await page.context().cookies();
  const token = cookies.find((cookie) => cookie.name.endsWith("session-token"))?.value;
  expect(token).toBeTruthy();
  expect(body).not.toContain(String(token));
});

test("malformed addresses answer 404, not 500", async ({ page }) => {
  expect((await page.goto("/give/%00"))?.status()).toBe(404);
  // A broken page cursor in the donations view is named on the page, never a 500.
  expect((await page.goto("/dashboard/give-test/donations?after=99999999999999999999"))?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "That page link is broken" })).toBeVisible();
  expect((await page.goto("/dashboard/%00"))?.status()).toBe(404);
});
