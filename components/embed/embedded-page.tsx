"use client";

import { createContext, useContext, useEffect, type ReactNode } from "react";
import type { EmbedContext } from "@/lib/embed/embed-context";

const EmbedContextValue = createContext<EmbedContext | null>(null);

/** The page's embedding (null at Amply's own address), for the parts that act differently in a frame. */
export function useEmbedContext(): EmbedContext | null {
  return useContext(EmbedContextValue);
}

/** Whether this page is inside another site's frame right now. */
export function isFramed(): boolean {
  return typeof window !== "undefined" && window.self !== window.top;
}

/**
 * A page that may be shown in a frame on the organisation's site (docs/embedding.md#the-script):
 * while it is, it tells that site (and only that site) its height as it changes, so the frame fits.
 */
export function EmbeddedPage({ context, children }: { context: EmbedContext | null; children: ReactNode }) {
  const parentOrigin = context?.parentOrigin ?? null;
  useEffect(() => {
    if (!parentOrigin || !isFramed()) return;
    const post = () => window.parent.postMessage({ type: "amply:height", height: Math.ceil(document.body.getBoundingClientRect().height) }, parentOrigin);
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    post();
    return () => observer.disconnect();
  }, [parentOrigin]);
  return <EmbedContextValue.Provider value={context}>{children}</EmbedContextValue.Provider>;
}
