"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

type Props = { appUrl: string; organisationSlug: string; funds: Array<{ slug: string; name: string }> };

/** The snippet an organisation pastes on its site, with the options it can preselect. */
export function EmbedSnippet({ appUrl, organisationSlug, funds }: Props) {
  const t = useTranslations("share.snippet");
  const id = useId();
  const [mode, setMode] = useState<"inline" | "button">("inline");
  const [fund, setFund] = useState("");
  const [amount, setAmount] = useState("");
  const [copied, setCopied] = useState(false);
  const attributes = [
    `src="${appUrl.replace(/\/$/, "")}/embed.js"`,
    `data-organisation="${organisationSlug}"`,
    ...(fund ? [`data-fund="${fund}"`] : []),
    ...(/^\d+(?:[.,]\d{1,2})?$/.test(amount.trim()) ? [`data-amount="${amount.trim()}"`] : []),
    ...(mode === "button" ? [`data-mode="button"`] : []),
    "async",
  ];
  const snippet = `<script ${attributes.join(" ")}></script>`;

  async function copy() {
    await navigator.clipboard.writeText(snippet);
    setCopied(true);
  }

  return (
    <div className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="grid gap-1">
          <label htmlFor={`${id}-mode`} className="text-sm font-medium text-slate-800">
            {t("mode")}
          </label>
          <select id={`${id}-mode`} value={mode} onChange={(event) => setMode(event.target.value === "button" ? "button" : "inline")} className={controlClass}>
            <option value="inline">{t("inline")}</option>
            <option value="button">{t("button")}</option>
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}-fund`} className="text-sm font-medium text-slate-800">
            {t("fund")}
          </label>
          <select id={`${id}-fund`} value={fund} onChange={(event) => setFund(event.target.value)} className={controlClass}>
            <option value="">{t("donorChooses")}</option>
            {funds.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}-amount`} className="text-sm font-medium text-slate-800">
            {t("amount")}
          </label>
          <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} className={controlClass} />
        </div>
      </div>
      <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-sm text-slate-50" aria-label={t("snippetLabel")}>
        <code data-testid="embed-snippet">{snippet}</code>
      </pre>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {t("copy")}
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {copied ? t("copied") : null}
        </p>
      </div>
    </div>
  );
}
