// The bank-transfer instructions email, in the language the donor gave in. It goes to whatever
// address the request named before anything is paid, so it carries nothing the request typed (no
// name, no message): only the organisation's words and Stripe's bank details.
import "server-only";
import type { BankTransferInstructions } from "@/lib/donations/bank-transfer";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";

/** The labels bankTransferInstructions gives (kept in English on the donation), as message keys. */
const LABEL_KEYS = {
  "Account holder": "accountHolder",
  IBAN: "iban",
  BIC: "bic",
  "Sort code": "sortCode",
  "Account number": "accountNumber",
  Bank: "bank",
  Branch: "branch",
  "Account type": "accountType",
  CLABE: "clabe",
  "Routing number": "routingNumber",
} as const;

/** "DE89 3704 0044 0532 0130 00": an IBAN in groups of four, as it is printed and read out; anything else as given. */
export function formatIban(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return value;
  return compact.replace(/(.{4})(?=.)/g, "$1 ");
}

export function bankTransferEmail(organisationName: string, instructions: BankTransferInstructions, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale, "email");
  const amount = formatMoney(instructions.amountRemaining, instructions.currency, intlLocale(locale));
  const line = (label: string, value: string) => {
    const key = LABEL_KEYS[label as keyof typeof LABEL_KEYS];
    const shown = key === "iban" ? formatIban(value) : value === "Futsu (ordinary)" ? t("bankTransfer.futsu") : value;
    return t("bankTransfer.line", { label: key ? t(`bankTransfer.labels.${key}`) : label, value: shown });
  };
  const details = instructions.accounts.map((lines) => lines.map(({ label, value }) => line(label, value)).join("\n")).join("\n\n");
  return {
    subject: t("bankTransfer.subject", { organisation: organisationName }),
    text: [
      t("bankTransfer.hello"),
      "",
      t("bankTransfer.thanks", { amount, organisation: organisationName }),
      "",
      details,
      t("bankTransfer.reference", { reference: instructions.reference }),
      "",
      t("bankTransfer.useReference"),
    ].join("\n"),
  };
}
