import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe finds nothing on the page as it is now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(" ")) }))).toEqual([]);
}

/** Nothing on the page reaches past the viewport's width: no sideways scrolling on a phone. */
export async function expectNoSidewaysScroll(page: Page) {
  const { width, widest, culprits } = await page.evaluate(() => {
    // The innermost elements that stick out say where to look.
    const out = [...document.querySelectorAll("body *")].filter(
      (element) =>
        element.getBoundingClientRect().right > window.innerWidth + 0.5 &&
        ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5),
    );
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].slice(0, 4).join(".")}`;
    return { width: window.innerWidth, widest: document.documentElement.scrollWidth, culprits: out.slice(0, 3).map(describe) };
  });
  expect(widest, `${page.url()} is ${widest}px wide in a ${width}px viewport: ${culprits.join(", ")}`).toBeLessThanOrEqual(width);
}
