"use client";

import { useState } from "react";
import type { BankTransferInstructions } from "@/lib/donations/bank-transfer";
import { formatMoney } from "@/lib/money/amount";

function CopyButton({ value, label }: { value: string; label: string }) {
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
      {copied ? "Copied" : `Copy ${label}`}
      <span className="sr-only" aria-live="polite">
        {copied ? `${label} copied` : ""}
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
  const amount = formatMoney(instructions.amountRemaining, instructions.currency);
  return (
    <section className="grid gap-4 rounded-xl bg-white p-5 ring-1 ring-slate-200" aria-labelledby="transfer-heading" data-testid="bank-transfer-instructions">
      <h2 id="transfer-heading" className="text-xl font-semibold">
        Transfer {amount} to {organisationName}
      </h2>
      <p className="text-sm text-slate-700">
        Use these details in your bank&apos;s app or website. We also sent them to {email}. Your receipt follows when the transfer arrives (usually 1 to 3
        business days).
      </p>
      {instructions.accounts.map((lines, index) => (
        <dl key={index} className="grid gap-2">
          {lines.map((line) => (
            // A group in a list of terms holds only its term and description: the copy button goes in the description.
            <div key={line.label} className="grid gap-1 rounded-lg bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-600">{line.label}</dt>
              <dd className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-mono text-base">{line.value}</span>
                <CopyButton value={line.value} label={line.label} />
              </dd>
            </div>
          ))}
        </dl>
      ))}
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
        <div>
          <p className="text-xs text-amber-900">Reference (write it exactly like this)</p>
          <p className="font-mono text-lg font-semibold" data-testid="transfer-reference">
            {instructions.reference}
          </p>
        </div>
        <CopyButton value={instructions.reference} label="reference" />
      </div>
      <p className="text-sm text-slate-700">
        Amount: <strong>{amount}</strong>
      </p>
    </section>
  );
}
