// The `test` every spec imports (not @playwright/test's): axe checks every Amply page a test visits.
// A page is checked as the test leaves it for another address (before each `page.goto`, so it is
// checked in the state the test left it in, after its own assertions) and, at the end of the test,
// every page still open, in every browser context the test made. Leaving a page is checked once per
// kind of page and run (`/donations/<id>` is one kind), which keeps the run short; the end of each
// test is always checked. Only Amply's own HTML pages are checked (not the sandbox's stand-ins for
// Stripe's pages, nor JSON answers).
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/** Kinds of page already checked when left, in this worker's run. */
const checkedWhenLeft = new Set<string>();

/** The pages the running test opened, and what axe found on them (a worker runs one test at a time). */
let pagesOfTest: Page[] = [];
let findings: Array<{ url: string; violations: Array<{ id: string; targets: string[] }> }> = [];

/** The address without what varies between pages of one kind: ids and query values. */
function pageKind(url: URL): string {
  const path = url.pathname
    .split("/")
    .map((segment) => (/\d/.test(segment) && segment.length > 12 ? ":id" : segment))
    .join("/");
  return `${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

/** The page's axe violations, or null when it is not one of Amply's HTML pages (or has gone). */
async function violationsOf(page: Page, appOrigin: string) {
  if (page.isClosed()) return null;
  const url = new URL(page.url());
  if (url.origin !== appOrigin) return null;
  try {
    await page.waitForLoadState("load");
    if ((await page.evaluate(() => document.contentType)) !== "text/html") return null;
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(" ")) }));
  } catch (error) {
    // The test navigated or closed the page while axe ran: that page is gone, nothing to check.
    if (page.isClosed() || /Execution context was destroyed|navigat|Target (page, context or browser )?(has been )?closed/i.test(String(error))) return null;
    throw error;
  }
}

/**
 * Kept for the end of the test rather than thrown here: a check made inside a retried block
 * (`expect(...).toPass()` around a `goto`) must not be swallowed by the retry.
 */
async function checkIfApp(page: Page, appOrigin: string) {
  const url = page.url();
  const violations = await violationsOf(page, appOrigin);
  if (violations?.length) findings.push({ url, violations });
}

/** Checks the page it is leaving before each `goto`; remembers it for the end of the test. */
function watch(page: Page, appOrigin: string) {
  pagesOfTest.push(page);
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    if (!page.isClosed() && page.url().startsWith(appOrigin)) {
      const kind = pageKind(new URL(page.url()));
      if (!checkedWhenLeft.has(kind)) {
        checkedWhenLeft.add(kind);
        await checkIfApp(page, appOrigin);
      }
    }
    return goto(...args);
  };
}

export const test = base.extend<{ axeEveryPage: void }>({
  axeEveryPage: [
    async ({ browser, context, baseURL }, runTest, testInfo) => {
      const appOrigin = new URL(baseURL ?? "http://localhost").origin;
      pagesOfTest = [];
      findings = [];
      // Pages of the test's own context and of any context it makes with browser.newContext().
      const onPage = (page: Page) => watch(page, appOrigin);
      context.pages().forEach(onPage);
      context.on("page", onPage);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof browser.newContext>) => {
        const made = await newContext(...args);
        made.on("page", onPage);
        return made;
      };
      try {
        await runTest();
      } finally {
        browser.newContext = newContext;
        context.off("page", onPage);
      }
      // A test that already failed keeps its own failure.
      if (testInfo.status !== testInfo.expectedStatus) return;
      for (const page of pagesOfTest) await checkIfApp(page, appOrigin);
      expect(findings, "axe violations on the pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});
