import { expect, test } from "./support/test";
import { fillCard, fillDonor, openGivePage, uniqueDonor } from "./support/give";

test("letters typed into the amount are an error, not dropped, and nothing is charged", async ({ page }) => {
  const created: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/donations") created.push(request.url());
  });
  const donor = uniqueDonor("Typo Donor");
  await openGivePage(page);
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4242 4242 4242 4242");
  for (const [typed, stray, misread] of [
    ["1e9", "e", "€19.00"],
    ["12abc34", "a", "€1,234.00"],
  ] as const) {
    await page.getByLabel("Amount (EUR)").fill(typed);
    await expect(page.getByText(`"${stray}" cannot be part of an amount.`)).toBeVisible();
    await expect(page.getByRole("button", { name: `Give ${misread}` })).toHaveCount(0);
    await page.getByRole("button", { name: "Give", exact: true }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Please check the highlighted fields.");
    await expect(page.getByLabel("Amount (EUR)")).toHaveAttribute("aria-invalid", "true");
  }
  expect(created).toEqual([]);
});

test("the error summary and field errors go as the donor fixes the fields; the name error says the limit", async ({ page }) => {
  await openGivePage(page);
  await page.getByLabel("Name (optional)").fill("x".repeat(121));
  await page.getByLabel("Amount (EUR)").fill("12abc");
  await page.getByRole("button", { name: "Give", exact: true }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Please check the highlighted fields.");
  await expect(page.getByText("That name is too long: use at most 120 characters.")).toBeVisible();

  await page.getByLabel("Name (optional)").fill("Ada Lovelace");
  await expect(page.getByText("That name is too long: use at most 120 characters.")).toHaveCount(0);
  await expect(page.getByTestId("form-error")).toBeVisible();
  await page.getByLabel("Amount (EUR)").fill("12");
  await page.getByLabel("Email, for your receipt").fill("ada@donor.example");
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Give €12.00" })).toBeVisible();
});
