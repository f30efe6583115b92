// Step 2b of a donation: a bank transfer only in a currency the connected account can receive, by
// what Stripe says of the account (its country and bank_transfer_payments capability), never by the
// country the organisation typed (docs/stripe.md#bank-transfers).
import "server-only";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { bankTransferCurrencies, type TransferAccount } from "./bank-transfer";
import type { DonationRequest } from "./donation-request";
import { fieldError } from "./resolve-donation-target";

type Organisation = { name: string; stripeAccountCountry: string | null; stripeCapabilities: Prisma.JsonValue };

export const transferAccountOf = (organisation: Omit<Organisation, "name">): TransferAccount => ({
  country: organisation.stripeAccountCountry,
  capabilities: organisation.stripeCapabilities,
});

export const bankTransferRefused = (organisation: { name: string }) =>
  fieldError("method", `${organisation.name} cannot receive bank transfers at the moment. Please choose another way to pay.`);

export function checkBankTransfer(request: DonationRequest, organisation: Organisation) {
  if (request.method !== "bank_transfer") return;
  const currencies = bankTransferCurrencies(transferAccountOf(organisation));
  if (currencies.length === 0) throw bankTransferRefused(organisation);
  if (!(currencies as string[]).includes(request.currency)) {
    const all = new Intl.ListFormat("en-GB", { type: "conjunction" }).format(currencies);
    const either = new Intl.ListFormat("en-GB", { type: "disjunction" }).format(currencies);
    throw fieldError("method", `${organisation.name} can receive bank transfers in ${all} only. Choose ${either}, or pay another way.`);
  }
}
