// Paying by bank transfer (docs/stripe.md#bank-transfers): a customer_balance PaymentIntent, whose
// instructions name the bank details in `financial_addresses` and a reference; the transfer, when
// it arrives, reconciles to it and fires the usual payment_intent.succeeded.
import type Stripe from "stripe";
import { formatMoney } from "@/lib/money/amount";

/**
 * The currencies a donor can pay by bank transfer: the donation page offers the choice only for
 * these, and the server refuses it for any other. This module is also bundled for the browser, so
 * it must not import anything server-only (the Stripe types below are erased).
 */
export const BANK_TRANSFER_CURRENCIES = ["EUR", "GBP", "USD"] as const;

type BankTransferCurrency = (typeof BANK_TRANSFER_CURRENCIES)[number];

export function isBankTransferCurrency(currency: string): currency is BankTransferCurrency {
  return (BANK_TRANSFER_CURRENCIES as readonly string[]).includes(currency);
}

const EU_TRANSFER_COUNTRIES = new Set(["BE", "DE", "ES", "FR", "IE", "NL"]);

export function bankTransferOptions(
  currency: string,
  organisationCountry: string,
): Stripe.PaymentIntentCreateParams.PaymentMethodOptions.CustomerBalance.BankTransfer | null {
  const code = currency.toUpperCase();
  if (!isBankTransferCurrency(code)) return null;
  switch (code) {
    case "EUR":
      return { type: "eu_bank_transfer", eu_bank_transfer: { country: EU_TRANSFER_COUNTRIES.has(organisationCountry) ? organisationCountry : "DE" } };
    case "GBP":
      return { type: "gb_bank_transfer" };
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

/**
 * The instructions email. It goes to whatever address the request named before anything is paid,
 * so it carries nothing the request typed (no name, no message): only the organisation's words
 * and Stripe's bank details.
 */
export function bankTransferEmail(organisationName: string, instructions: BankTransferInstructions) {
  const amount = formatMoney(instructions.amountRemaining, instructions.currency, "en-GB");
  const details = instructions.accounts.map((lines) => lines.map((line) => `${line.label}: ${line.value}`).join("\n")).join("\n\n");
  return {
    subject: `How to complete your donation to ${organisationName}`,
    text: [
      "Hello,",
      "",
      `Thank you for choosing to give ${amount} to ${organisationName} by bank transfer. Please transfer exactly ${amount} to:`,
      "",
      details,
      `Reference: ${instructions.reference}`,
      "",
      "Use the reference exactly as shown, so that your transfer is matched to your donation. You will get your receipt when it arrives (usually 1 to 3 business days).",
    ].join("\n"),
  };
}
