// A donor manages a recurring gift from the link in a receipt: changes the amount to 15.00 EUR with
// the fee covered, pauses, resumes and cancels; each change is made at Stripe (read back from the
// sandbox). A tampered link changes nothing and offers a fresh one. No Referer leaves the page.
import { readFileSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { e2eRun } from "./support/fixtures";
import { fillCard, sandbox } from "./support/give";
import { expect, test } from "./support/test";

type Seeded = { manageUrl: string; giftId: string; subscriptionId: string; account: string; email: string };

function seeded(which: "main" | "pastDue" = "main"): Seeded {
  return (JSON.parse(readFileSync(path.join(import.meta.dirname, "..", ".amply", "e2e-recurring.json"), "utf8")) as Record<string, Seeded>)[which] as Seeded;
}

function sandboxStripe() {
  const run = e2eRun();
  const url = new URL(run.sandboxUrl);
  return new Stripe(run.sandboxSecretKey, { host: url.hostname, port: Number(url.port), protocol: "http" });
}

// First, while both seeded gifts run as they started.
test("the owner sees the recurring gifts, filters them, opens one, and the overview's monthly recurring revenue", async ({ page }) => {
  await page.goto("/dashboard/give-test");
  await expect(page.getByTestId("monthly-recurring-revenue")).toContainText("€40.00");
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Recurring" }).click();
  await expect(page.getByRole("heading", { name: "Recurring gifts" })).toBeVisible();
  await expect(page.getByTestId("recurring-row")).toHaveCount(2);
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Cancelled" }).click();
  await expect(page.getByText("No cancelled recurring gifts.")).toBeVisible();
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Active" }).click();
  await page.getByRole("link", { name: "Maya Monthly" }).click();
  await expect(page.getByRole("heading", { name: "Recurring gift from Maya Monthly" })).toBeVisible();
  await expect(page.getByText("No installments yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel this gift at the donor's request" })).toBeVisible();
});

test("a tampered link changes nothing and offers a fresh link", async ({ page }) => {
  const gift = seeded();
  const url = new URL(gift.manageUrl);
  const token = url.pathname.split("/").at(-1) ?? "";
  const tampered = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
  const response = await page.goto(`/manage/${tampered}`);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await page.getByLabel("Email address").fill(gift.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("If this address gives to an organisation through Amply")).toBeVisible();
  const subscription = await sandboxStripe().subscriptions.retrieve(gift.subscriptionId, undefined, { stripeAccount: gift.account });
  expect(subscription.items.data[0]?.price.unit_amount).toBe(2000);
});

test("the donor changes the amount, pauses, resumes and cancels from the manage link", async ({ page }) => {
  const gift = seeded();
  const stripe = sandboxStripe();
  const live = () => stripe.subscriptions.retrieve(gift.subscriptionId, undefined, { stripeAccount: gift.account });
  const response = await page.goto(new URL(gift.manageUrl).pathname);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { name: "Your recurring gifts to Give Test Charity" })).toBeVisible();
  await expect(page.getByTestId("gift-status")).toHaveText("Active");

  await page.getByLabel("Amount (EUR)").fill("15.00");
  await page.getByLabel(/Add the processing fee/).check();
  await page.getByRole("button", { name: "Save the new amount" }).click();
  await expect(page.getByText(/^Saved\./).first()).toBeVisible();
  await expect.poll(async () => (await live()).items.data[0]?.price.unit_amount).toBe(1548);
  await expect(page.getByRole("heading", { name: /€15\.00 a month \(plus €0\.48/ })).toBeVisible();

  await page.getByLabel("Pause for").selectOption("2");
  await page.getByRole("button", { name: "Pause my gift" }).click();
  await expect(page.getByTestId("gift-status")).toHaveText("Paused");
  expect((await live()).pause_collection?.behavior).toBe("void");

  await page.getByRole("button", { name: "Resume my gift now" }).click();
  await expect(page.getByTestId("gift-status")).toHaveText("Active");
  expect((await live()).pause_collection).toBeNull();

  await page.getByLabel("Why are you stopping? (optional)").fill("Moving abroad");
  await page.getByRole("button", { name: "Cancel my gift now" }).click();
  await expect(page.getByTestId("gift-status")).toHaveText("Cancelled");
  await expect(page.getByText("This gift has ended; nothing more will be charged.")).toBeVisible();
  expect(await live()).toMatchObject({ status: "canceled", cancellation_details: { comment: "Moving abroad" } });
});

test("a new card pays the missed payment of a past-due gift and becomes its payment method", async ({ page }) => {
  const gift = seeded("pastDue");
  const stripe = sandboxStripe();
  await sandbox().advance(gift.subscriptionId, "failed");
  const live = () => stripe.subscriptions.retrieve(gift.subscriptionId, undefined, { stripeAccount: gift.account });
  const before = await live();
  expect(before.status).toBe("past_due");
  await page.goto(new URL(gift.manageUrl).pathname);
  await expect(page.getByTestId("gift-status")).toHaveText("Past due");
  await page.getByRole("button", { name: "Pay the missed payment with another method" }).click();
  await fillCard(page, "5555 5555 5555 4444");
  await page.getByRole("button", { name: "Pay and use this method" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  const recovered = await live();
  expect(recovered.status).toBe("active");
  expect(recovered.default_payment_method).toEqual(expect.stringMatching(/^pm_/));
  expect(recovered.default_payment_method).not.toBe(before.default_payment_method);
});
