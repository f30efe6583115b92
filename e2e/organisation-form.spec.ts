import { expect, test } from "./support/test";

test("the new-organisation form keeps everything after an error, and hints each currency's fee in its own decimals", async ({ page }) => {
  const slug = `keep-typing-${Date.now().toString(36)}`;
  await page.goto("/dashboard/new");
  await page.getByLabel("Organisation name").fill("Keep Typing Trust");
  await page.getByLabel("Address of your donation page").fill(slug);
  await page.getByRole("checkbox", { name: "GBP", exact: true }).check();
  await page.getByRole("checkbox", { name: "JPY", exact: true }).check();
  await page.getByLabel("Percentage (JPY)").fill("");
  await page.getByRole("button", { name: "Create organisation" }).click();

  await expect(page.getByLabel("Percentage (JPY)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Organisation name")).toHaveValue("Keep Typing Trust");
  await expect(page.getByLabel("Address of your donation page")).toHaveValue(slug);
  await expect(page.getByRole("checkbox", { name: "GBP", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "JPY", exact: true })).toBeChecked();
  await expect(page.getByLabel("Fixed fee (GBP)")).toHaveValue("0.20");

  await expect(page.getByLabel("Fixed fee (EUR)")).toHaveAccessibleDescription(/^e\.g\. 0\.25/);
  // Yen have no decimals: a hint of "0.25" would ask for an amount that cannot exist.
  await expect(page.getByLabel("Fixed fee (JPY)")).toHaveAccessibleDescription(/^e\.g\. 30 \(JPY has no decimals\)/);
  await page.getByLabel("Percentage (JPY)").fill("3.6");
  await page.getByLabel("Fixed fee (JPY)").fill("0");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/settings/payments$`));
  await page.goto(`/dashboard/${slug}/settings`);
  await expect(page.getByLabel("Organisation name")).toHaveValue("Keep Typing Trust");
  for (const code of ["EUR", "GBP", "JPY"]) await expect(page.getByRole("checkbox", { name: code, exact: true })).toBeChecked();
  await expect(page.getByLabel("Percentage (JPY)")).toHaveValue("3.6");

  // The default language of its donor pages and emails, each language named in itself.
  const language = page.getByLabel("Language of your donation pages and emails");
  await expect(language).toHaveValue("en");
  await language.selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.reload();
  await expect(language).toHaveValue("de");
});
