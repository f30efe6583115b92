import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "./support/test";
import { choosePreset, fillCard, fillDonor, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";
import { uniqueEmail } from "./support/session";

const ORGANISATION = "Give Test Charity";

/** The owner (this test's page) makes someone an admin of give-test; answers a signed-in page of theirs. */
async function newAdmin(owner: Page, browser: Browser) {
  const email = uniqueEmail("campaign-admin");
  await owner.goto("/dashboard/give-test/members");
  await owner.getByLabel("Email address").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("admin");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const admin = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openMailbox(admin, email, /You're invited/);
  await admin.getByRole("link", { name: /You're invited to Give Test Charity/ }).click();
  await admin.getByRole("link", { name: /\/invitations\// }).click();
  await admin.getByRole("button", { name: "Email me a sign-in link" }).click();
  await openMailbox(admin, email, /Sign in to Amply/);
  await admin
    .getByRole("link", { name: /Sign in to Amply/ })
    .first()
    .click();
  await admin.getByRole("link", { name: /\/api\/auth\/callback\/email/ }).click();
  await admin.getByRole("button", { name: `Join ${ORGANISATION}` }).click();
  await expect(admin.getByText("You are admin")).toBeVisible();
  return admin;
}

/** The goal's bar on a campaign page, once the worker has booked what the test expects (the page is reloaded until then). */
async function expectRaised(page: Page, text: string, donors: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("progressbar", { name: "Raised so far in EUR" })).toHaveAttribute("aria-valuetext", text, { timeout: 1_000 });
    await expect(page.getByTestId("campaign-facts")).toContainText(donors, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test("an admin creates a campaign with a story, a picture and a 1,000 EUR goal; a 25 EUR gift moves its bar; ended, its page says so", async ({
  page,
  browser,
}) => {
  const admin = await newAdmin(page, browser);
  const slug = `wells-${Date.now().toString(36)}`;

  // The organisation's website, offered to donors once they have given.
  await admin.goto("/dashboard/give-test/settings");
  await admin.getByLabel("Your website (optional)").fill("https://give-test.example/");
  await admin.getByLabel("Your story (optional)").fill("Since 1990 we bring **clean water** to villages.");
  await admin.getByRole("button", { name: "Save donation page" }).click();
  await expect(admin.getByText("Saved: your donation page shows it now.")).toBeVisible();

  await admin.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Campaigns" }).click();
  await admin.getByRole("link", { name: "New campaign" }).click();
  await admin.getByLabel("Title").fill("Wells for Wakiso");
  await admin.getByLabel("Address of its page").fill(slug);
  await admin.getByLabel("Story (optional)").fill("We are **digging** ten wells.\n\n- one in Kakiri\n- one in Namayumba\n\n<script>alert(1)</script>");
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 120, b: 160 } } })
    .jpeg()
    .toBuffer();
  await admin.getByLabel("Picture (optional)").setInputFiles({ name: "wells.jpg", mimeType: "image/jpeg", buffer: photo });
  await admin.getByLabel("Fund it collects for").selectOption({ label: "Clean water" });
  // A last day before the first is refused, and what was typed stays.
  await admin.getByLabel("First day (optional)").fill("2026-01-10");
  await admin.getByLabel("Last day (optional)").fill("2026-01-01");
  await admin.getByLabel("Goal in EUR").fill("1000");
  await admin.getByLabel("Suggested amounts in EUR").fill("15 25 75");
  await admin.getByRole("button", { name: "Create campaign" }).click();
  await expect(admin.getByText("The last day must be on or after the first day.")).toBeVisible();
  await expect(admin.getByLabel("Goal in EUR")).toHaveValue("1000");
  await admin.getByLabel("First day (optional)").fill("");
  await admin.getByLabel("Last day (optional)").fill("");
  await admin.getByRole("button", { name: "Create campaign" }).click();
  await expect(admin.getByText("Campaign created. Its page is ready.")).toBeVisible();
  const editUrl = admin.url();

  // A donor on the campaign's page, on a phone.
  const donorPage = await (await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 800 } })).newPage();
  await donorPage.goto(`/give/give-test?campaign=${slug}`);
  await expect(donorPage.getByRole("heading", { level: 1, name: "Wells for Wakiso" })).toBeVisible();
  const story = donorPage.getByTestId("story");
  await expect(story.locator("strong")).toHaveText("digging");
  await expect(story.getByRole("listitem")).toHaveCount(2);
  await expect(story.locator("script")).toHaveCount(0);
  const picture = donorPage.locator("header img[src^='/images/']").last();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
  await expect(donorPage.getByRole("progressbar", { name: "Raised so far in EUR" })).toHaveAttribute("aria-valuetext", "€0.00 raised of €1,000.00");
  await expect(donorPage.getByTestId("campaign-facts")).toContainText("0 donors");
  // The campaign's own suggested amounts replace the usual ones.
  await expect(donorPage.getByRole("radiogroup", { name: "Suggested amounts" }).getByRole("radio")).toHaveCount(3);
  await expect(donorPage.getByRole("radio", { name: "€75.00" })).toHaveCount(1);
  expect(await donorPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const donor = uniqueDonor("Campaign Donor");
  await choosePreset(donorPage, "€25.00");
  await fillDonor(donorPage, donor.name, donor.email);
  await fillCard(donorPage, "4242 4242 4242 4242");
  await donorPage.getByRole("button", { name: "Give €25.00" }).click();
  await expect(donorPage.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  // Sharing: plain links to the platforms, carrying the campaign page's address; and the way back.
  const facebook = donorPage.getByRole("link", { name: /Share on Facebook/ });
  expect(decodeURIComponent((await facebook.getAttribute("href")) ?? "")).toMatch(
    new RegExp(`^https://www\\.facebook\\.com/sharer/sharer\\.php\\?u=http://[^/]+/give/give-test\\?campaign=${slug}$`),
  );
  await expect(donorPage.getByRole("link", { name: /Share by email/ })).toHaveAttribute("href", /^mailto:\?subject=/);
  await expect(donorPage.getByLabel("Address of the donation page")).toHaveValue(new RegExp(`/give/give-test\\?campaign=${slug}$`));
  await expect(donorPage.getByRole("link", { name: `Back to ${ORGANISATION}'s website` })).toHaveAttribute("href", "https://give-test.example/");
  expect(await donorPage.locator("script[src*='facebook'], script[src*='twitter'], script[src*='linkedin']").count()).toBe(0);

  // Once the webhook is applied, the bar moves.
  await donorPage.goto(`/give/give-test?campaign=${slug}`);
  await expectRaised(donorPage, "€25.00 raised of €1,000.00", "1 donor");

  // The admin ends the campaign: its last day was yesterday.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await admin.goto(editUrl);
  await admin.getByLabel("Last day (optional)").fill(yesterday);
  await admin.getByRole("button", { name: "Save campaign" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();

  await donorPage.reload();
  await expect(donorPage.getByTestId("campaign-ended")).toContainText("This campaign has ended");
  await expect(donorPage.getByRole("progressbar", { name: "Raised so far in EUR" })).toHaveAttribute("aria-valuetext", "€25.00 raised of €1,000.00");
  await expect(donorPage.getByTestId("stripe-sandbox-payment-element")).toHaveCount(0);
  await expect(donorPage.getByRole("button", { name: /^Give/ })).toHaveCount(0);
  await donorPage.getByRole("link", { name: `Give to ${ORGANISATION}` }).click();
  await expect(donorPage).toHaveURL(/\/give\/give-test$/);
  await expect(donorPage.getByTestId("story").locator("strong")).toHaveText("clean water");
  await expect(donorPage.getByTestId("stripe-sandbox-payment-element")).toBeVisible();
});
