// The Stripe.js stand-in takes a `locale` as Stripe.js does: one of Stripe's languages, refused
// otherwise, and named on the Payment Element so that the page's language reaches it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

type Elements = { create: (type: string) => { mount: (target: unknown) => void } };
type StripeJs = (key: string, options?: Record<string, unknown>) => { elements: (options?: Record<string, unknown>) => Elements };

function loadStripeJs() {
  const window: Record<string, unknown> = { location: { href: "http://localhost/", origin: "http://localhost" } };
  const source = readFileSync(path.join(import.meta.dirname, "stripe-js", "stripe.js"), "utf8");
  runInNewContext(source, {
    window,
    navigator: { language: "en-US" },
    document: { currentScript: { src: "http://localhost:12111/stripe.js" }, getElementById: () => ({}), createElement: () => ({}), head: { appendChild() {} } },
    URL,
    setTimeout,
    Promise,
    Object,
    String,
  });
  return window.Stripe as StripeJs;
}

/** A mount point that records the attributes set on it. */
function mountPoint() {
  const attributes: Record<string, string> = {};
  return {
    attributes,
    setAttribute: (name: string, value: string) => (attributes[name] = value),
    innerHTML: "",
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener() {},
  };
}

describe("the Stripe.js stand-in's locale", () => {
  it("refuses a locale Stripe.js does not offer, in Stripe() and in elements()", () => {
    const Stripe = loadStripeJs();
    expect(() => Stripe("pk_test_x", { locale: "xx" })).toThrow(/locale should be one of/);
    expect(() => Stripe("pk_test_x").elements({ locale: "klingon" })).toThrow(/locale should be one of/);
    expect(() => Stripe("pk_test_x", { locale: "de" }).elements({ locale: "fr" })).not.toThrow();
  });

  it("names the language on the Payment Element: elements()'s, else Stripe()'s", () => {
    const Stripe = loadStripeJs();
    const fromElements = mountPoint();
    try {
      Stripe("pk_test_x", { locale: "de" }).elements({ locale: "nl", mode: "payment", amount: 100, currency: "eur" }).create("payment").mount(fromElements);
    } catch {
      // Drawing the fields needs a real document; the language is set before.
    }
    expect(fromElements.attributes.lang).toBe("nl");
    const fromStripe = mountPoint();
    try {
      Stripe("pk_test_x", { locale: "fr" }).elements({ mode: "payment", amount: 100, currency: "eur" }).create("payment").mount(fromStripe);
    } catch {
      // As above.
    }
    expect(fromStripe.attributes.lang).toBe("fr");
  });
});
