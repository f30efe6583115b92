import { expect, test as setup } from "./support/test";
import { DEMO } from "../lib/organisations/demo";
import { signInThroughMailbox } from "./support/session";

setup("the demo owner signs in through the development mailbox", async ({ page }) => {
  await signInThroughMailbox(page, DEMO.ownerEmail);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("link", { name: new RegExp(DEMO.name) })).toBeVisible();
  await page.context().storageState({ path: "e2e/.auth/owner.json" });
});
