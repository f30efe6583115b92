import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import sharp from "sharp";

/** A test picture made here, so the upload is a real image of a known size. */
const picture = (width: number, height: number, format: "png" | "jpeg") =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 110, b: 100 } } })
    [format]()
    .toBuffer();

async function createOrganisation(page: Page, name: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now().toString(36)}`;
  await page.goto("/dashboard/new");
  await page.getByLabel("Organisation name").fill(name);
  await page.getByLabel("Address of your donation page").fill(slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/settings/payments$`));
  return slug;
}

/** The logo on the donation page: its URL on Amply, after checking the browser could show it. */
async function donationPageLogo(page: Page, slug: string, name: string) {
  await page.goto(`/give/${slug}`);
  const logo = page.getByRole("img", { name: `${name} logo` });
  await expect(logo).toBeVisible();
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const src = await logo.getAttribute("src");
  expect(src).toMatch(/^\/images\/c[a-z0-9]{24}$/);
  return src ?? "";
}

test("an owner uploads a logo in Settings, the donation page shows it from Amply, and it can be replaced and removed", async ({ page }) => {
  const name = "Lighthouse Fund";
  const slug = await createOrganisation(page, name);
  await page.goto(`/dashboard/${slug}/settings`);
  await page.getByLabel("Logo (optional)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await picture(900, 300, "png") });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Your current logo" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);

  const first = await donationPageLogo(page, slug, name);
  const served = await page.request.get(first);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await sharp(await served.body()).metadata()).width).toBe(512);

  await page.goto(`/dashboard/${slug}/settings`);
  await page.getByLabel("Replace the logo (optional)").setInputFiles({ name: "new-logo.jpg", mimeType: "image/jpeg", buffer: await picture(200, 200, "jpeg") });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const second = await donationPageLogo(page, slug, name);
  expect(second).not.toBe(first);
  expect((await page.request.get(first)).status()).toBe(404);

  await page.goto(`/dashboard/${slug}/settings`);
  await page.getByLabel("Remove logo").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`/give/${slug}`);
  await expect(page.getByRole("heading", { name: `Give to ${name}` })).toBeVisible();
  await expect(page.getByRole("img", { name: `${name} logo` })).toHaveCount(0);
});

test("an SVG logo is refused with a message, and the form keeps what was typed", async ({ page }) => {
  const name = "Harbour Choir";
  const slug = await createOrganisation(page, name);
  await page.goto(`/dashboard/${slug}/settings`);
  await page.getByLabel("Organisation name").fill("Harbour Choir and Friends");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>`;
  await page.getByLabel("Logo (optional)").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Upload a PNG, JPEG or WebP image" })).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveValue("Harbour Choir and Friends");

  // Too large for the server to take: the form says so at once and sends nothing.
  await page.getByLabel("Logo (optional)").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(3 * 1024 * 1024) });
  await expect(page.getByRole("alert").filter({ hasText: "larger than 2 MB" })).toBeVisible();

  // Nothing was saved.
  await page.goto(`/give/${slug}`);
  await expect(page.getByRole("heading", { name: `Give to ${name}` })).toBeVisible();
  await expect(page.getByRole("img", { name: /logo/ })).toHaveCount(0);
});
