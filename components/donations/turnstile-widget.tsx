"use client";

import { useEffect, useRef } from "react";

type Turnstile = { render: (element: HTMLElement, options: Record<string, unknown>) => string; remove: (id: string) => void };

const SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";

function loadTurnstile(): Promise<Turnstile> {
  const existing = (window as unknown as { turnstile?: Turnstile }).turnstile;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script =
      document.querySelector<HTMLScriptElement>(`script[src="${SCRIPT}"]`) ?? Object.assign(document.createElement("script"), { src: SCRIPT, async: true });
    script.addEventListener("load", () => resolve((window as unknown as { turnstile: Turnstile }).turnstile), { once: true });
    script.addEventListener("error", () => reject(new Error("Turnstile did not load")), { once: true });
    if (!script.isConnected) document.head.appendChild(script);
  });
}

/** Cloudflare Turnstile, shown only when the operator configured it (card-testing protection). */
export function TurnstileWidget({ siteKey, onToken }: { siteKey: string; onToken: (token: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let widget: string | undefined;
    let turnstile: Turnstile | undefined;
    loadTurnstile()
      .then((loaded) => {
        turnstile = loaded;
        if (container.current) {
          widget = loaded.render(container.current, {
            sitekey: siteKey,
            callback: onToken,
            "expired-callback": () => onToken(""),
            "error-callback": () => onToken(""),
          });
        }
      })
      .catch(() => onToken(""));
    return () => {
      if (widget && turnstile) turnstile.remove(widget);
    };
  }, [siteKey, onToken]);
  return <div ref={container} className="min-h-16" />;
}
