import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe finds nothing on the page as it is now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(" ")) }))).toEqual([]);
}

/** Nothing on the page reaches past the viewport's width: no sideways scrolling on a phone. */
export async function expectNoSidewaysScroll(page: Page) {
  const { width, widest } = await page.evaluate(() => ({ width: window.innerWidth, widest: document.documentElement.scrollWidth }));
  expect(widest, `${page.url()} is ${widest}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}
