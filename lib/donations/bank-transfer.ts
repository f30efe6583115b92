// Paying by bank transfer (docs/stripe.md#bank-transfers): a customer_balance PaymentIntent, whose
// instructions name the bank details in `financial_addresses` and a reference; the transfer, when
// it arrives, reconciles to it and fires the usual payment_intent.succeeded.
import type Stripe from "stripe";

/**
 * Which bank transfers a connected account can receive, by the account's own country (Stripe's
 * bank-transfers page, "Business locations"; docs/stripe.md#bank-transfers): accounts in these
 * European countries receive EUR, and GB, JP, MX and US accounts their own currency. The donation
 * page offers the choice only for these, and the server refuses any other. This module is also
 * bundled for the browser, so it must not import anything server-only (the Stripe types below are
 * erased).
 */
// prettier-ignore
const EUR_ACCOUNT_COUNTRIES = new Set([
  "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
  "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM",
]);
const DOMESTIC_TRANSFER_CURRENCY: Record<string, BankTransferCurrency> = { GB: "GBP", JP: "JPY", MX: "MXN", US: "USD" };

export const BANK_TRANSFER_CURRENCIES = ["EUR", "GBP", "JPY", "MXN", "USD"] as const;

type BankTransferCurrency = (typeof BANK_TRANSFER_CURRENCIES)[number];

/** What Amply keeps of the connected account (Organisation.stripeAccountCountry and stripeCapabilities). */
export type TransferAccount = { country: string | null; capabilities: unknown };

/**
 * The currencies the account can receive bank transfers in: none unless Stripe says its
 * `bank_transfer_payments` capability is active, then those of its country, in alphabetical order.
 */
export function bankTransferCurrencies(account: TransferAccount): BankTransferCurrency[] {
  const capabilities = account.capabilities && typeof account.capabilities === "object" ? (account.capabilities as Record<string, unknown>) : {};
  if (capabilities.bank_transfer_payments !== "active" || !account.country) return [];
  const country = account.country.toUpperCase();
  const domestic = DOMESTIC_TRANSFER_CURRENCY[country];
  return BANK_TRANSFER_CURRENCIES.filter((currency) => (currency === "EUR" && EUR_ACCOUNT_COUNTRIES.has(country)) || currency === domestic);
}

/** The virtual IBAN's country for EUR transfers: the account's own where Stripe offers it. */
const EU_TRANSFER_COUNTRIES = new Set(["BE", "DE", "ES", "FR", "IE", "NL"]);

/** The PaymentIntent's bank-transfer options for `currency` on this account, or null when it cannot receive it. */
export function bankTransferOptions(
  currency: string,
  account: TransferAccount,
): Stripe.PaymentIntentCreateParams.PaymentMethodOptions.CustomerBalance.BankTransfer | null {
  const code = currency.toUpperCase();
  if (!(bankTransferCurrencies(account) as string[]).includes(code)) return null;
  const country = String(account.country).toUpperCase();
  switch (code as BankTransferCurrency) {
    case "EUR":
      return { type: "eu_bank_transfer", eu_bank_transfer: { country: EU_TRANSFER_COUNTRIES.has(country) ? country : "DE" } };
    case "GBP":
      return { type: "gb_bank_transfer" };
    case "JPY":
      return { type: "jp_bank_transfer" };
    case "MXN":
      return { type: "mx_bank_transfer" };
    case "USD":
      return { type: "us_bank_transfer" };
  }
}

export type BankAccountDetails = { label: string; value: string }[];

export type BankTransferInstructions = {
  reference: string;
  amountRemaining: number;
  currency: string;
  hostedUrl: string | null;
  accounts: BankAccountDetails[];
};

/** The bank details to show and email, from the PaymentIntent's next_action. */
export function bankTransferInstructions(intent: Stripe.PaymentIntent): BankTransferInstructions | null {
  const action = intent.next_action?.display_bank_transfer_instructions;
  if (!action) return null;
  const accounts = (action.financial_addresses ?? []).map((address): BankAccountDetails => {
    if (address.iban) {
      return [
        { label: "Account holder", value: address.iban.account_holder_name },
        { label: "IBAN", value: address.iban.iban },
        { label: "BIC", value: address.iban.bic },
      ];
    }
    if (address.sort_code) {
      return [
        { label: "Account holder", value: address.sort_code.account_holder_name },
        { label: "Sort code", value: address.sort_code.sort_code },
        { label: "Account number", value: address.sort_code.account_number },
      ];
    }
    if (address.zengin) {
      return [
        { label: "Account holder", value: address.zengin.account_holder_name ?? "" },
        { label: "Bank", value: `${address.zengin.bank_name ?? ""} (${address.zengin.bank_code ?? ""})` },
        { label: "Branch", value: `${address.zengin.branch_name ?? ""} (${address.zengin.branch_code ?? ""})` },
        { label: "Account type", value: address.zengin.account_type === "futsu" ? "Futsu (ordinary)" : (address.zengin.account_type ?? "") },
        { label: "Account number", value: address.zengin.account_number ?? "" },
      ];
    }
    if (address.spei) {
      return [
        { label: "Account holder", value: address.spei.account_holder_name },
        { label: "Bank", value: address.spei.bank_name },
        { label: "CLABE", value: address.spei.clabe },
      ];
    }
    if (address.aba) {
      return [
        { label: "Account holder", value: address.aba.account_holder_name },
        { label: "Bank", value: address.aba.bank_name },
        { label: "Routing number", value: address.aba.routing_number },
        { label: "Account number", value: address.aba.account_number },
      ];
    }
    return [];
  });
  return {
    reference: action.reference ?? "",
    amountRemaining: action.amount_remaining ?? intent.amount,
    currency: (action.currency ?? intent.currency).toUpperCase(),
    hostedUrl: action.hosted_instructions_url ?? null,
    accounts: accounts.filter((lines) => lines.length > 0),
  };
}
