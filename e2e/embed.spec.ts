// The donation form embedded on an organisation's own site: a page on another local origin pastes
// the snippet; a donor gives by card with 3-D Secure inside the frame and by iDEAL through the top
// level and back; a site the organisation does not list cannot frame the page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { fillCard, fillDonor, uniqueDonor } from "./support/give";
import { expect, test } from "./support/test";

let server: Server;
let port = 0;
/** The organisation's site; the same server under another name is a site it does not list. */
const listedSite = () => `http://127.0.0.1:${port}`;
const unlistedSite = () => `http://localhost:${port}`;

test.beforeAll(async ({ baseURL }) => {
  const appOrigin = new URL(baseURL ?? "http://localhost:3100").origin;
  server = createServer((request, response) => {
    const mode = request.url?.includes("button") ? ` data-mode="button" data-amount="40"` : "";
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Save the River: donate</title></head>
      <body><main><h1>Support our work</h1>
      <script src="${appOrigin}/embed.js" data-organisation="give-test"${mode}></script>
      </main></body></html>`);
  });
  // Every address of the machine, so both 127.0.0.1 and localhost reach it.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(async ({ browser }) => {
  await new Promise((resolve) => server.close(resolve));
  // The donation page is unframeable again for the specs that run after these.
  const context = await browser.newContext({ storageState: "e2e/.auth/owner.json" });
  const page = await context.newPage();
  await page.goto("/dashboard/give-test/share");
  await fillSites(page, "");
  await page.getByRole("button", { name: "Save sites" }).click();
  await expect(page.getByText("Saved: no other site can show your donation form.")).toBeVisible();
  await context.close();
});

/**
 * Replace the list of sites. A fill that lands while the page is still hydrating can be appended to
 * the old list instead of replacing it ("http://a:1http://b:2"): fill again until the field holds it.
 */
async function fillSites(page: Page, sites: string) {
  const field = page.getByLabel("Sites allowed to show your donation form");
  await expect(async () => {
    await field.fill(sites);
    await expect(field).toHaveValue(sites, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** The owner lists the organisation's site under Share & embed. */
async function listSite(page: Page, site: string) {
  await page.goto("/dashboard/give-test/share");
  await fillSites(page, site);
  await page.getByRole("button", { name: "Save sites" }).click();
  await expect(page.getByText("Saved: these sites can now show your donation form.")).toBeVisible();
  await expect(page.getByTestId("embed-snippet")).toContainText('data-organisation="give-test"');
}

test("a donor gives by card with 3-D Secure inside the frame on the organisation's site", async ({ page, browser }) => {
  await listSite(page, listedSite());
  const donor = uniqueDonor("Embed Donor");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await visitor.goto(`${listedSite()}/`);
  const frameElement = visitor.locator('iframe[title="Donation form"]');
  await expect(frameElement).toHaveAttribute("allow", "payment");
  const form = visitor.frameLocator('iframe[title="Donation form"]');
  await expect(form.getByTestId("stripe-sandbox-payment-element")).toBeVisible();
  // The page told the site its height, and the frame took it.
  await expect.poll(async () => frameElement.evaluate((frame: HTMLIFrameElement) => frame.style.height)).toMatch(/^\d+px$/);

  await fillDonor(form, donor.name, donor.email);
  await fillCard(form, "4000 0027 6000 3184");
  await form.getByRole("button", { name: "Give €25.00" }).click();
  const challenge = form.frameLocator('iframe[title="3D Secure authentication"]');
  await challenge.getByRole("button", { name: "Complete" }).click();
  await expect(form.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  expect(visitor.url()).toBe(`${listedSite()}/`);
});

test("iDEAL inside the frame continues at the top level and comes back to the organisation's page with the outcome", async ({ page, browser }) => {
  await listSite(page, listedSite());
  const donor = uniqueDonor("Embed Ideal");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await visitor.goto(`${listedSite()}/`);
  const form = visitor.frameLocator('iframe[title="Donation form"]');
  await form.getByTestId("stripe-sandbox-payment-element").getByRole("radio", { name: "iDEAL" }).check();
  await fillDonor(form, donor.name, donor.email);
  await form.getByRole("button", { name: "Give €25.00" }).click();
  await expect(form.getByTestId("form-error")).toContainText("cannot open inside this site");
  await form.getByRole("link", { name: "Continue on Amply's secure page" }).click();

  // The donation page itself, at the top level: the bank may open here.
  await expect(visitor).toHaveURL(/\/give\/give-test\?.*return_to=/);
  await fillDonor(visitor, donor.name, donor.email);
  await visitor.getByTestId("stripe-sandbox-payment-element").getByRole("radio", { name: "iDEAL" }).check();
  await visitor.getByRole("button", { name: "Give €25.00" }).click();
  await expect(visitor.getByRole("heading", { name: "IDEAL test payment" })).toBeVisible();
  await visitor.getByRole("button", { name: "Authorize test payment" }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await visitor.getByRole("link", { name: `Back to 127.0.0.1:${port}` }).click();
  await expect(visitor).toHaveURL(`${listedSite()}/?amply_donation=succeeded`);
});

test("a site the organisation does not list cannot frame the donation page", async ({ page, browser }) => {
  await listSite(page, listedSite());
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const refused = visitor.waitForEvent("console", { predicate: (message) => /frame-ancestors/.test(message.text()) });
  await visitor.goto(`${unlistedSite()}/`);
  await refused;
  const frame = visitor.frames().find((candidate) => candidate !== visitor.mainFrame());
  expect(frame).toBeDefined();
  await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
  await expect(visitor.frameLocator('iframe[title="Donation form"]').getByRole("heading", { name: /Give to/ })).toHaveCount(0);
});

test("the button opens the form, with the amount the snippet chose, in a dialog that Escape closes, giving focus back", async ({ page, browser }) => {
  await listSite(page, listedSite());
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await visitor.setViewportSize({ width: 360, height: 740 });
  await visitor.goto(`${listedSite()}/?button`);
  const button = visitor.getByRole("button", { name: "Donate" });
  await button.click();
  const dialog = visitor.getByRole("dialog", { name: "Donation form" });
  await expect(dialog).toBeVisible();
  await expect(dialog.frameLocator("iframe").getByTestId("stripe-sandbox-payment-element")).toBeVisible();
  // data-amount chose the amount.
  await expect(dialog.frameLocator("iframe").getByRole("button", { name: "Give €40.00" })).toBeVisible();
  await visitor.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});
