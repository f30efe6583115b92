import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible, expectNoSidewaysScroll } from "./support/axe";
import { choosePreset, donationInDashboard, fillDonor, openGivePage, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";

/** A SEPA Direct Debit donation of 25.00 EUR, left processing; its PaymentIntent's id. */
async function giveBySepa(page: Page, donor: { name: string; email: string }) {
  await openGivePage(page);
  await fillDonor(page, donor.name, donor.email);
  const element = page.getByTestId("stripe-sandbox-payment-element");
  await element.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await element.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  await expect(page.getByTestId("donation-processing")).toContainText("your payment is processing");
  return new URL(page.url()).searchParams.get("payment_intent") ?? "";
}

/** A bank transfer donation of 50.00 EUR, waiting for the money; its reference. */
async function giveByBankTransfer(page: Page, donor: { name: string; email: string }) {
  await openGivePage(page);
  await choosePreset(page, "€50.00");
  await fillDonor(page, donor.name, donor.email);
  await page.getByRole("radio", { name: "Bank transfer" }).check();
  await page.getByRole("button", { name: "Give €50.00" }).click();
  await expect(page.getByTestId("bank-transfer-instructions")).toContainText("Transfer €50.00 to Give Test Charity");
  return (await page.getByTestId("transfer-reference").textContent()) ?? "";
}

test("from the sandbox console, a SEPA debit settles and a bank transfer is funded: both donations succeed and receipts arrive", async ({ page }) => {
  const sepaDonor = uniqueDonor("Console Sepa");
  const transferDonor = uniqueDonor("Console Transfer");
  const intent = await giveBySepa(page, sepaDonor);
  const reference = await giveByBankTransfer(page, transferDonor);
  expect(reference).toMatch(/^[A-Z0-9]{10}$/);

  // The sandbox banner on Amply's page leads to the console.
  await page.getByRole("complementary", { name: "Payment mode" }).getByRole("link", { name: "Open the sandbox console" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox console" })).toBeVisible();
  await expectAccessible(page);

  const debit = page.getByRole("table", { name: "PaymentIntents with their charges, newest first" }).getByRole("row").filter({ hasText: intent });
  await expect(debit).toContainText("processing");
  await debit.getByRole("button", { name: "Settle debit" }).click();
  const flash = page.locator("#flash");
  await expect(flash).toHaveText(`The debit ${intent} settled: the payment of 25.00 EUR is now succeeded.`);
  await expect(flash).toBeFocused();
  await expect(debit.getByRole("cell", { name: "succeeded", exact: true })).toBeVisible();
  await expect(debit.getByRole("button", { name: "Settle debit" })).toHaveCount(0);

  const transfers = page.getByRole("table", { name: "Bank transfers waiting for the donor's money" });
  const transfer = transfers.getByRole("row").filter({ hasText: reference });
  await transfer.getByLabel("Amount (EUR)").fill("20");
  await transfer.getByRole("button", { name: "Fund part" }).click();
  await expect(flash).toHaveText(`20.00 EUR arrived by bank transfer with reference ${reference}: 30.00 EUR still to come (partially funded).`);
  await expect(transfer.getByRole("cell", { name: "30.00 EUR", exact: true })).toBeVisible();
  // By keyboard: the buttons are plain form buttons.
  await transfer.getByRole("button", { name: "Fund in full" }).focus();
  await page.keyboard.press("Enter");
  await expect(flash).toHaveText(`30.00 EUR arrived by bank transfer with reference ${reference}: the payment of 50.00 EUR is now succeeded.`);
  await expect(transfers.getByRole("row").filter({ hasText: reference })).toHaveCount(0);
  await expectAccessible(page);

  await donationInDashboard(page, sepaDonor.name, "Succeeded");
  await donationInDashboard(page, transferDonor.name, "Succeeded");
  await openMailbox(page, sepaDonor.email, /Your receipt from Give Test Charity/);
  await expect(page.getByRole("link", { name: /Your receipt from Give Test Charity/ })).toHaveCount(1);
  await openMailbox(page, transferDonor.email, /Your receipt from Give Test Charity/);
  await expect(page.getByRole("link", { name: /Your receipt from Give Test Charity/ })).toHaveCount(1);
});

test("the sandbox console fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openGivePage(page);
  await page.getByRole("link", { name: "Open the sandbox console" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox console" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Connected accounts and their latest payout" })).toContainText("Give Test Charity");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});
