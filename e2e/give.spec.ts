import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { choosePreset, donationInDashboard, fillCard, fillDonor, ledgerEntryInDashboard, openGivePage, sandbox, uniqueDonor } from "./support/give";
import { openMailbox } from "./support/mailbox";

test.describe("the donation page", () => {
  test("is accessible, fits a phone, and follows currency and fee cover", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openGivePage(page);
    await expect(page.getByRole("heading", { name: "Give to Give Test Charity" })).toBeVisible();
    await expect(page.getByText("Stripe sandbox - no real money").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations).toEqual([]);

    await page.getByRole("checkbox", { name: /cover the processing fee/ }).check();
    await expect(page.getByTestId("fee-extra")).toHaveText("€0.63");
    await expect(page.getByRole("button", { name: "Give €25.63" })).toBeVisible();
    await page.getByLabel("Amount (EUR)").fill("10");
    await expect(page.getByRole("button", { name: "Give €10.41" })).toBeVisible();
    await page.getByLabel("Currency").selectOption("JPY");
    await expect(page.getByLabel("Amount (JPY)")).toHaveValue("2500");
    // SEPA and iDEAL are euro methods: not offered for yen.
    await expect(page.getByTestId("stripe-sandbox-payment-element").getByText("SEPA Direct Debit")).toHaveCount(0);
  });

  test("shows a closed state for an organisation that cannot take donations", async ({ page }) => {
    await page.goto("/give/demo");
    await expect(page.getByTestId("donations-closed")).toContainText("cannot take donations right now");
  });
});

test("a donor gives 25.00 EUR covering the fee: charged 25.63, booked, one receipt", async ({ page, browser }) => {
  const donor = uniqueDonor("Card Donor");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openGivePage(visitor);
  await choosePreset(visitor, "€25.00");
  await visitor.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  await fillDonor(visitor, donor.name, donor.email);
  await fillCard(visitor, "4242 4242 4242 4242");
  await visitor.getByRole("button", { name: "Give €25.63" }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await expect(visitor.getByText("Your donation of €25.63 to Give Test Charity went through")).toBeVisible();

  await donationInDashboard(page, donor.name, "Succeeded");
  await ledgerEntryInDashboard(page);
  const entry = page.getByTestId("ledger-entry");
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Donation received");
  await expect(entry).toContainText("€25.63");
  await expect(entry).toContainText("€0.63");
  await expect(entry).toContainText("€25.00");

  await openMailbox(page, donor.email, /Your receipt from Give Test Charity/);
  await expect(page.getByRole("link", { name: /Your receipt from Give Test Charity/ })).toHaveCount(1);

  await page.goto("/dashboard/give-test");
  await expect(page.getByText(/\d+ donations? in EUR/)).toBeVisible();
});

test("a declined card shows Stripe's message, and a retry with another card succeeds", async ({ page }) => {
  const donor = uniqueDonor("Retry Donor");
  await openGivePage(page);
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Your card was declined.");
  await expect(page.getByTestId("form-error")).toBeFocused();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await donationInDashboard(page, donor.name, "Succeeded");
});

test("a retry after a decline keeps what the donor changed: one donation, anonymous, the new message and amount", async ({ page, browser }) => {
  const donor = uniqueDonor("Priv Acy");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openGivePage(visitor);
  await fillDonor(visitor, donor.name, donor.email);
  await visitor.getByLabel(/Dedication or message/).fill("Keep up the good work");
  await fillCard(visitor, "4000 0000 0000 0002");
  await visitor.getByRole("button", { name: "Give €25.00" }).click();
  await expect(visitor.getByTestId("form-error")).toHaveText("Your card was declined.");

  await visitor.getByRole("checkbox", { name: /Give anonymously/ }).check();
  await visitor.getByLabel(/Dedication or message/).fill("In memory of Grandma");
  await choosePreset(visitor, "€50.00");
  await fillCard(visitor, "4242 4242 4242 4242");
  await visitor.getByRole("button", { name: "Give €50.00" }).click();
  await expect(visitor.getByText("Your donation of €50.00 to Give Test Charity went through")).toBeVisible();

  await openMailbox(page, donor.email, /Your receipt from Give Test Charity/);
  await page.getByRole("link", { name: /Your receipt from Give Test Charity/ }).click();
  await expect(page.getByText("Dedication: In memory of Grandma")).toBeVisible();
  await expect(page.getByText("Amount: €50.00")).toBeVisible();
  await expect(page.getByText("Keep up the good work")).toHaveCount(0);

  // The newest donation is this one, anonymous; the declined attempt is not a second row.
  await page.goto("/dashboard/give-test/donations");
  const newest = page.getByTestId("donation-row").first();
  await expect(newest).toContainText("Anonymous");
  await expect(newest).toContainText("€50.00");
  await expect(newest).toContainText("Succeeded");
  await expect(page.getByTestId("donation-row").filter({ hasText: donor.name })).toHaveCount(0);
  await newest.getByRole("link").click();
  await expect(page.getByText("In memory of Grandma")).toBeVisible();
  await expect(page.getByText("Keep up the good work")).toHaveCount(0);
});

test("a card that asks for 3-D Secure passes the challenge", async ({ page }) => {
  const donor = uniqueDonor("Secure Donor");
  await openGivePage(page);
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
  await expect(challenge.getByRole("button", { name: "Complete" })).toBeVisible();
  await expectAccessible(page);
  await challenge.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
});

test("SEPA Direct Debit takes the name and email given above, needs the name, shows processing, then succeeds", async ({ page }) => {
  const donor = uniqueDonor("Sepa Donor");
  await openGivePage(page);
  await fillDonor(page, "", donor.email);
  const element = page.getByTestId("stripe-sandbox-payment-element");
  await element.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  // Asked once, above: not again inside the Payment Element.
  await expect(element.getByLabel("Full name")).toHaveCount(0);
  await expect(element.getByLabel("Email")).toHaveCount(0);
  await element.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await expect(name).toHaveAccessibleDescription("Needed for SEPA Direct Debit: the bank debits an account in this name.");
  await page.getByRole("button", { name: "Give €25.00" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Please check the highlighted fields.");
  await expect(page.getByText("Enter the account holder's name: SEPA Direct Debit needs it.")).toBeVisible();
  await expect(page.getByText("Please provide your full name")).toHaveCount(0);
  await name.fill(donor.name);
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  // Back to a card, the name is optional again.
  await element.getByRole("radio", { name: "Card" }).check();
  await expect(page.getByLabel("Name (optional)")).toHaveValue(donor.name);
  await element.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await page.getByRole("button", { name: "Give €25.00" }).click();
  await expect(page.getByTestId("donation-processing")).toContainText("your payment is processing");
  const intent = new URL(page.url()).searchParams.get("payment_intent") ?? "";
  await sandbox().settle(intent);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await donationInDashboard(page, donor.name, "Succeeded");
});

test("switching method in the Payment Element changes the covered fee, the total and the amount charged", async ({ page }) => {
  const donor = uniqueDonor("Switch Donor");
  await openGivePage(page);
  await page.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  const element = page.getByTestId("stripe-sandbox-payment-element");
  await expect(page.getByRole("button", { name: "Give €25.63" })).toBeVisible();
  // SEPA Direct Debit costs 0.35 EUR, a card 1.5% + 0.25 EUR.
  await element.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await expect(page.getByTestId("fee-extra")).toHaveText("€0.35");
  await expect(page.getByRole("button", { name: "Give €25.35" })).toBeVisible();
  await element.getByRole("radio", { name: "Card" }).check();
  await expect(page.getByTestId("fee-extra")).toHaveText("€0.63");
  await expect(page.getByRole("button", { name: "Give €25.63" })).toBeVisible();
  // A bank transfer costs 0.5%: 25.13 nets 25.00.
  await page.getByRole("radio", { name: "Bank transfer" }).check();
  await expect(page.getByTestId("fee-extra")).toHaveText("€0.13");
  await expect(page.getByRole("button", { name: "Give €25.13" })).toBeVisible();
  await page.getByRole("radio", { name: "Card, SEPA Direct Debit, iDEAL or wallet" }).check();

  await fillDonor(page, donor.name, donor.email);
  await element.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await element.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  // The answer is read as it passes (the page goes on to the bank's confirmation and the completion
  // page at once, after which the browser no longer holds the response's body).
  let answered: (answer: { status: number; body: unknown }) => void = () => undefined;
  const created = new Promise<{ status: number; body: unknown }>((resolve) => (answered = resolve));
  await page.route("**/api/donations", async (route) => {
    const response = await route.fetch();
    answered({ status: response.status(), body: await response.json() });
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Give €25.35" }).click();
  const answer = await created;
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ amount: 2500, feeCovered: 35, chargedAmount: 2535 });
  await expect(page.getByTestId("donation-processing")).toContainText("your payment is processing");
  await sandbox().settle(new URL(page.url()).searchParams.get("payment_intent") ?? "");
  await donationInDashboard(page, donor.name, "Succeeded");
  await expect(page.getByText("Charged", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("€25.35");
  await expect(page.getByText("Fee covered by donor", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("€0.35");
});

test("rates changed after the page loaded: the page shows the new total, keeps what the donor typed, and charges it only when given again", async ({
  page,
  browser,
}) => {
  const donor = uniqueDonor("Rate Donor");
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await openGivePage(visitor);
  await visitor.getByLabel("Amount (EUR)").fill("10");
  await visitor.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  await fillDonor(visitor, donor.name, donor.email);
  await fillCard(visitor, "4242 4242 4242 4242");
  await expect(visitor.getByRole("button", { name: "Give €10.41" })).toBeVisible();
  const posted: number[] = [];
  visitor.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/donations" && response.request().method() === "POST") posted.push(response.status());
  });

  // Meanwhile the admin raises the card rate from 1.5% to 3.4%.
  await setEuroCardPercentage(page, "3.4");
  try {
    await visitor.getByRole("button", { name: "Give €10.41" }).click();
    await expect(visitor.getByTestId("form-error")).toHaveText(
      "The processing fee changed since the page was loaded: your donation is now €10.61, not €10.41. Check it and press Give again.",
    );
    expect(posted).toEqual([409]);
    await expect(visitor.getByTestId("fee-extra")).toHaveText("€0.61");
    await expect(visitor.getByLabel("Amount (EUR)")).toHaveValue("10");
    await expect(visitor.getByLabel("Name (optional)")).toHaveValue(donor.name);
    await expect(visitor.getByLabel("Email, for your receipt")).toHaveValue(donor.email);
    await expect(visitor.getByTestId("stripe-sandbox-payment-element").getByLabel("Card number")).toHaveValue("4242 4242 4242 4242");
    await visitor.getByRole("button", { name: "Give €10.61" }).click();
    await expect(visitor.getByText("Your donation of €10.61 to Give Test Charity went through")).toBeVisible();
    expect(posted).toEqual([409, 201]);
  } finally {
    await setEuroCardPercentage(page, "1.5");
  }
});

/** The give-test organisation's card percentage in EUR, changed in Settings as its owner. */
async function setEuroCardPercentage(page: Page, percent: string) {
  await page.goto("/dashboard/give-test/settings");
  await page.getByLabel("Percentage (EUR)").fill(percent);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

test("1000 JPY is charged as 1000 yen and booked in euros", async ({ page }) => {
  const donor = uniqueDonor("Yen Donor");
  await openGivePage(page);
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("Amount (JPY)").fill("1000");
  await fillDonor(page, donor.name, donor.email);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Give JP¥1,000" }).click();
  await expect(page.getByText("Your donation of JP¥1,000 to Give Test Charity went through")).toBeVisible();
  await donationInDashboard(page, donor.name, "Succeeded");
  await ledgerEntryInDashboard(page);
  const entry = page.getByTestId("ledger-entry");
  await expect(entry).toContainText("JP¥1,000");
  await expect(entry).toContainText("€6.10");
  await expect(entry).toContainText("rate 0.0061");
});

test("offers a bank transfer only in the currencies the connected account can receive", async ({ page }) => {
  // give-test's Stripe account is in Germany: EUR transfers only, whatever else it takes by card.
  await openGivePage(page);
  await expect(page.getByRole("radio", { name: "Bank transfer" })).toBeVisible();
  for (const currency of ["GBP", "USD", "JPY"]) {
    await page.getByLabel("Currency").selectOption(currency);
    await expect(page.getByRole("radio", { name: "Bank transfer" })).toHaveCount(0);
  }
  await page.getByLabel("Currency").selectOption("EUR");
  await expect(page.getByRole("radio", { name: "Bank transfer" })).toBeVisible();
});

test("a bank transfer shows the instructions and succeeds when the money arrives", async ({ page }) => {
  const donor = uniqueDonor("Transfer Donor");
  await openGivePage(page, "?campaign=wells");
  await expect(page.getByRole("progressbar", { name: "Raised so far" })).toBeVisible();
  await choosePreset(page, "€50.00");
  await fillDonor(page, donor.name, donor.email);
  await page.getByRole("radio", { name: "Bank transfer" }).check();
  await page.getByRole("button", { name: "Give €50.00" }).click();
  const instructions = page.getByTestId("bank-transfer-instructions");
  await expect(instructions).toContainText("Transfer €50.00 to Give Test Charity");
  await expect(instructions).toContainText("IBAN");
  await expect(instructions).toContainText("BIC");
  const reference = (await page.getByTestId("transfer-reference").textContent()) ?? "";
  // The details are a list of terms with their copy buttons inside the descriptions.
  await expectAccessible(page);

  const control = sandbox();
  const waiting = (await control.events({ type: "payment_intent.requires_action" })).find(
    (entry) =>
      (entry.event.data.object.next_action as { display_bank_transfer_instructions?: { reference?: string } } | null)?.display_bank_transfer_instructions
        ?.reference === reference,
  );
  await control.fund(String(waiting?.event.data.object.customer), 5000, "eur", reference);
  await donationInDashboard(page, donor.name, "Succeeded");
  await openMailbox(page, donor.email, /Your receipt from Give Test Charity/);
  await expect(page.getByRole("link", { name: /How to complete your donation/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /Your receipt from Give Test Charity/ })).toHaveCount(1);
});

test("iDEAL goes through the bank's page and back to the return URL, in both outcomes", async ({ page }) => {
  for (const [button, heading] of [
    ["Authorize test payment", "Thank you!"],
    ["Fail test payment", "Your payment did not go through"],
  ] as const) {
    const donor = uniqueDonor("Ideal Donor");
    await openGivePage(page);
    await fillDonor(page, donor.name, donor.email);
    await page.getByTestId("stripe-sandbox-payment-element").getByRole("radio", { name: "iDEAL" }).check();
    await page.getByRole("button", { name: "Give €25.00" }).click();
    await expect(page.getByRole("heading", { name: "IDEAL test payment" })).toBeVisible();
    await page.getByRole("button", { name: button }).click();
    await expect(page).toHaveURL(/\/donation\/complete\?.*redirect_status=/);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Try again" })).toHaveAttribute("href", "/give/give-test");
});

test("after a failed iDEAL payment, Try again brings back the gift as the donor entered it", async ({ page }) => {
  const donor = uniqueDonor("Ideal Retry");
  await openGivePage(page);
  await page.getByLabel("Amount (EUR)").fill("42.50");
  await page.getByRole("checkbox", { name: /cover the processing fee/ }).check();
  await fillDonor(page, donor.name, donor.email);
  await page.getByRole("checkbox", { name: /Give anonymously/ }).check();
  await page.getByLabel(/Dedication or message/).fill("For the wells");
  await page.getByTestId("stripe-sandbox-payment-element").getByRole("radio", { name: "iDEAL" }).check();
  await page.getByRole("button", { name: /^Give €43/ }).click();
  await page.getByRole("button", { name: "Fail test payment" }).click();
  await expect(page.getByRole("heading", { name: "Your payment did not go through" })).toBeVisible();
  await page.getByRole("link", { name: "Try again" }).click();

  await expect(page.getByLabel("Amount (EUR)")).toHaveValue("42.50");
  await expect(page.getByRole("checkbox", { name: /cover the processing fee/ })).toBeChecked();
  await expect(page.getByLabel("Name (optional)")).toHaveValue(donor.name);
  await expect(page.getByLabel("Email, for your receipt")).toHaveValue(donor.email);
  await expect(page.getByRole("checkbox", { name: /Give anonymously/ })).toBeChecked();
  await expect(page.getByLabel(/Dedication or message/)).toHaveValue("For the wells");
  // Personal details never travel in an address.
  expect(page.url()).not.toContain(encodeURIComponent(donor.email));
  expect(page.url()).not.toContain("ideal-retry");
});
