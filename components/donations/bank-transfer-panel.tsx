"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { BankTransferInstructions } from "@/lib/donations/bank-transfer";
import { formatMoney } from "@/lib/money/amount";
import { readableValue } from "./readable-value";

/** The labels Stripe's account details come with (lib/donations/bank-transfer.ts), as message keys. */
const LABEL_KEYS = {
  "Account holder": "transfer.accountHolder",
  Bank: "transfer.bank",
  "Sort code": "transfer.sortCode",
  "Account number": "transfer.accountNumber",
  Branch: "transfer.branch",
  "Account type": "transfer.accountType",
  "Routing number": "transfer.routingNumber",
} as const;

function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("give");
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button
      type="button"
      className="min-h-11 rounded-lg px-3 text-sm font-semibold text-teal-800 ring-1 ring-inset ring-teal-700 hover:bg-teal-50"
      onClick={() => void copy()}
    >
      {copied ? t("transfer.copied") : t("transfer.copy", { label })}
      <span className="sr-only" aria-live="polite">
        {copied ? t("transfer.labelCopied", { label }) : ""}
      </span>
    </button>
  );
}

/** The details a donor needs to make the transfer, each copyable. */
export function BankTransferPanel({
  instructions,
  organisationName,
  email,
}: {
  instructions: BankTransferInstructions;
  organisationName: string;
  email: string;
}) {
  const t = useTranslations("give");
  const amount = formatMoney(instructions.amountRemaining, instructions.currency, useLocale());
  const labelOf = (label: string) => (label in LABEL_KEYS ? t(LABEL_KEYS[label as keyof typeof LABEL_KEYS]) : label);
  return (
    <section className="grid gap-4 rounded-xl bg-white p-5 ring-1 ring-slate-200" aria-labelledby="transfer-heading" data-testid="bank-transfer-instructions">
      <h2 id="transfer-heading" className="text-xl font-semibold">
        {t("transfer.title", { amount, organisation: organisationName })}
      </h2>
      <p className="text-sm text-slate-700">{t("transfer.intro", { email })}</p>
      {instructions.accounts.map((lines, index) => (
        <dl key={index} className="grid gap-2">
          {lines.map((line) => (
            // A group in a list of terms holds only its term and description: the copy button goes in the description.
            <div key={line.label} className="grid gap-1 rounded-lg bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-600">{labelOf(line.label)}</dt>
              <dd className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-mono text-base">{readableValue(line.label, line.value)}</span>
                <CopyButton value={line.value} label={labelOf(line.label)} />
              </dd>
            </div>
          ))}
        </dl>
      ))}
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
        <div>
          <p className="text-xs text-amber-900">{t("transfer.reference")}</p>
          <p className="font-mono text-lg font-semibold" data-testid="transfer-reference">
            {instructions.reference}
          </p>
        </div>
        <CopyButton value={instructions.reference} label={t("transfer.referenceName")} />
      </div>
      <p className="text-sm text-slate-700">{t.rich("transfer.amount", { amount, strong: (chunks) => <strong>{chunks}</strong> })}</p>
    </section>
  );
}
