"use client";

import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";

const loads = new Map<string, Promise<Stripe | null>>();

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector<HTMLScriptElement>(`script[data-stripe-js="${src}"]`);
    const script = existing ?? Object.assign(document.createElement("script"), { src, async: true });
    script.dataset.stripeJs = src;
    script.addEventListener("load", () => resolve(), { once: true });
    script.addEventListener("error", () => reject(new Error("Failed to load Stripe.js")), { once: true });
    if (!existing) document.head.appendChild(script);
  });
}

/**
 * Stripe.js from the configured URL (js.stripe.com, or the offline sandbox's stand-in), initialised
 * for the organisation's connected account: direct charges need `stripeAccount` here too
 * (docs/stripe.md#direct-charges-on-standard-accounts).
 */
export function loadStripeFor(scriptUrl: string, publishableKey: string, stripeAccount: string): Promise<Stripe | null> {
  const key = `${scriptUrl}|${publishableKey}|${stripeAccount}`;
  let load = loads.get(key);
  if (!load) {
    load = (async () => {
      if (!("Stripe" in window)) await injectScript(scriptUrl);
      return loadStripe(publishableKey, { stripeAccount });
    })();
    load.catch(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}
