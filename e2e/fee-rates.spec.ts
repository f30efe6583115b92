import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";

test("fee rates are set per payment method, with a cap, and the form keeps every value after an error", async ({ page }) => {
  const slug = `rates-${Date.now().toString(36)}`;
  await page.goto("/dashboard/new");
  await page.getByLabel("Organisation name").fill("Rates Trust");
  await page.getByLabel("Address of your donation page").fill(slug);
  await page.getByRole("checkbox", { name: "GBP", exact: true }).check();
  // Stripe's standard pricing, ready to change: cards, SEPA Direct Debit (EUR only), bank transfers.
  await expect(page.getByLabel("Percentage (EUR)")).toHaveValue("1.5");
  await expect(page.getByLabel("SEPA Direct Debit: fixed part (EUR)")).toHaveValue("0.35");
  await expect(page.getByLabel("Bank transfer: percent (GBP)")).toHaveValue("0.5");
  await expect(page.getByLabel("Bank transfer: cap (GBP)")).toHaveValue("5.00");
  await expect(page.getByLabel("SEPA Direct Debit: fixed part (GBP)")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("SEPA Direct Debit: fixed part (EUR)").fill("0.40");
  await page.getByLabel("Bank transfer: cap (GBP)").fill("four");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByLabel("Bank transfer: cap (GBP)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give the most Stripe charges for a bank transfer in GBP, like 5.00, or leave it empty for no cap.")).toBeVisible();
  await expect(page.getByLabel("Bank transfer: cap (GBP)")).toHaveValue("four");
  await expect(page.getByLabel("SEPA Direct Debit: fixed part (EUR)")).toHaveValue("0.40");
  await expect(page.getByLabel("Organisation name")).toHaveValue("Rates Trust");

  await page.getByLabel("Bank transfer: cap (GBP)").fill("4");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/settings/payments$`));
  await page.goto(`/dashboard/${slug}/settings`);
  await expect(page.getByLabel("SEPA Direct Debit: fixed part (EUR)")).toHaveValue("0.40");
  await expect(page.getByLabel("Bank transfer: cap (GBP)")).toHaveValue("4.00");
  await expect(page.getByLabel("Bank transfer: cap (EUR)")).toHaveValue("5.00");

  // Emptying a method's fields removes its rate: donors paying that way cannot cover the fee.
  for (const part of ["percent", "fixed part", "cap"]) await page.getByLabel(`Bank transfer: ${part} (EUR)`).fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Bank transfer: percent (EUR)")).toHaveValue("");
  await expect(page.getByLabel("Bank transfer: percent (GBP)")).toHaveValue("0.5");
});
