"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ShareLink } from "@/lib/campaigns/share-links";

/** "Tell others": the page's address to copy, and plain share links (no platform script). */
export function SharePanel({ pageUrl, links }: { pageUrl: string; links: ShareLink[] }) {
  const t = useTranslations("complete");
  const [copied, setCopied] = useState(false);
  return (
    <section className="grid gap-3 rounded-xl bg-white p-5 ring-1 ring-slate-200" aria-labelledby="share-heading" data-testid="share">
      <h2 id="share-heading" className="text-lg font-semibold">
        {t("share.heading")}
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid min-w-0 flex-1 gap-1">
          <label htmlFor="share-url" className="text-sm font-medium text-slate-800">
            {t("share.address")}
          </label>
          <input id="share-url" readOnly value={pageUrl} className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-slate-50 px-3 text-sm" />
        </div>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(pageUrl).then(() => setCopied(true));
          }}
        >
          {t("share.copy")}
        </Button>
      </div>
      <p role="status" className="text-sm text-emerald-800">
        {copied ? t("share.copied") : ""}
      </p>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.name}>
            <a
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-teal-800 ring-1 ring-inset ring-teal-700 hover:bg-teal-50"
            >
              {link.name === "Email" ? t("share.byEmail") : t("share.on", { name: link.name })}
              <span className="sr-only">{t("share.newTab")}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
