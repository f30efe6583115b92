import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { sql } from "@/lib/db/sql";
import { receiptNumber } from "@/lib/donations/receipt";
import { toDecimalString } from "@/lib/money/amount";
import { isAccessRevoked } from "@/lib/stripe/errors";
import { idOf } from "@/lib/stripe/ids";
import { listChargesPage } from "@/lib/stripe/list-charges";
import { isoLocal, nextDay, startOfDay } from "@/lib/organisations/time-zone";

/** One charge as the report shows it: amounts in major units, as exact decimal strings. */
export type TransactionRow = {
  created: string;
  chargeId: string;
  account: string;
  status: string;
  paymentMethod: string;
  currency: string;
  gross: string;
  refunded: string;
  settlementCurrency: string;
  settlementAmount: string;
  fee: string;
  net: string;
  exchangeRate: string;
  receipt: string;
  donor: string;
  donorEmail: string;
  fund: string;
  campaign: string;
};

export const TRANSACTION_COLUMNS: Array<{ key: keyof TransactionRow; header: string; numeric?: boolean }> = [
  { key: "created", header: "Created" },
  { key: "chargeId", header: "Charge" },
  { key: "account", header: "Stripe account" },
  { key: "status", header: "Status" },
  { key: "paymentMethod", header: "Payment method" },
  { key: "currency", header: "Currency" },
  { key: "gross", header: "Gross", numeric: true },
  { key: "refunded", header: "Refunded", numeric: true },
  { key: "settlementCurrency", header: "Settlement currency" },
  { key: "settlementAmount", header: "Settlement amount", numeric: true },
  { key: "fee", header: "Stripe fee", numeric: true },
  { key: "net", header: "Net", numeric: true },
  { key: "exchangeRate", header: "Exchange rate", numeric: true },
  { key: "receipt", header: "Receipt" },
  { key: "donor", header: "Donor" },
  { key: "donorEmail", header: "Donor email" },
  { key: "fund", header: "Fund" },
  { key: "campaign", header: "Campaign" },
];

export type TransactionReport = {
  /** Accounts of the organisation that no longer let Amply read them: their charges are missing. */
  unreadableAccounts: string[];
  rows: AsyncGenerator<TransactionRow>;
  /** How many requests Stripe was sent so far, and how long they took altogether (ms). */
  requests: () => number;
  stripeMs: () => number;
};

type Range = { from: string; to: string };

/**
 * The organisation's Stripe charges created from the first day to the last (both included, in the
 * time zone), on every account it has had connected (docs/reports.md#transaction-report): one
 * page of 100 at a time, each page's donations read in one query, so memory holds one page however
 * long the range. The first page of each account is read before anything is answered, so an
 * account that no longer lets Amply in is known (and named) up front.
 */
export async function openTransactionReport(organisationId: string, range: Range, timeZone: string): Promise<TransactionReport> {
  const window = {
    gte: Math.floor(startOfDay(range.from, timeZone).getTime() / 1000),
    lt: Math.floor(startOfDay(nextDay(range.to), timeZone).getTime() / 1000),
  };
  let requests = 0;
  let stripeMs = 0;
  const page = async (account: string, after?: string) => {
    requests++;
    const started = performance.now();
    try {
      return await listChargesPage(account, window, after);
    } finally {
      stripeMs += performance.now() - started;
    }
  };
  const firstPages: Array<[string, Stripe.ApiList<Stripe.Charge>]> = [];
  const unreadableAccounts: string[] = [];
  for (const account of await accountsOf(organisationId)) {
    try {
      firstPages.push([account, await page(account)]);
    } catch (error) {
      if (!isAccessRevoked(error)) throw error;
      unreadableAccounts.push(account);
    }
  }

  async function* rows(): AsyncGenerator<TransactionRow> {
    for (const [account, first] of firstPages) {
      let current: Stripe.ApiList<Stripe.Charge> | null = first;
      while (current) {
        const donations = await donationsOf(organisationId, current.data);
        for (const charge of current.data) yield rowOf(account, charge, donations, timeZone);
        const last = current.data.at(-1);
        current = current.has_more && last ? await page(account, last.id) : null;
      }
    }
  }
  return { unreadableAccounts, rows: rows(), requests: () => requests, stripeMs: () => stripeMs };
}

/** Every account the organisation has had connected, and the one it has now. */
export async function accountsOf(organisationId: string): Promise<string[]> {
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { stripeAccountId: true, stripeAccounts: { select: { stripeAccountId: true }, orderBy: { connectedAt: "asc" } } },
  });
  const accounts = organisation.stripeAccounts.map((connection) => connection.stripeAccountId);
  if (organisation.stripeAccountId) accounts.push(organisation.stripeAccountId);
  return [...new Set(accounts)];
}

type DonationInfo = {
  stripeChargeId: string | null;
  stripePaymentIntentId: string | null;
  receiptNumber: number | null;
  anonymous: boolean;
  donorName: string | null;
  donorEmail: string | null;
  fundName: string | null;
  campaignName: string | null;
};

/** The donations behind one page of charges, in one statement. */
async function donationsOf(organisationId: string, charges: Stripe.Charge[]): Promise<Map<string, DonationInfo>> {
  if (charges.length === 0) return new Map();
  const chargeIds = charges.map((charge) => charge.id);
  const intentIds = charges.map((charge) => idOf(charge.payment_intent)).filter((id) => id !== null);
  const found = await sql<DonationInfo>(Prisma.sql`
    SELECT d."stripeChargeId", d."stripePaymentIntentId", d."receiptNumber", d.anonymous, d."donorName",
           dn.email AS "donorEmail", f.name AS "fundName", c.name AS "campaignName"
    FROM "Donation" d
    LEFT JOIN "Donor" dn ON dn.id = d."donorId"
    LEFT JOIN "Fund" f ON f.id = d."fundId"
    LEFT JOIN "Campaign" c ON c.id = d."campaignId"
    WHERE d."organisationId" = ${organisationId} AND (d."stripeChargeId" = ANY(${chargeIds}::text[]) OR d."stripePaymentIntentId" = ANY(${intentIds}::text[]))`);
  const byId = new Map<string, DonationInfo>();
  for (const donation of found) {
    if (donation.stripeChargeId) byId.set(donation.stripeChargeId, donation);
    if (donation.stripePaymentIntentId) byId.set(donation.stripePaymentIntentId, donation);
  }
  return byId;
}

function rowOf(account: string, charge: Stripe.Charge, donations: Map<string, DonationInfo>, timeZone: string): TransactionRow {
  const intent = idOf(charge.payment_intent);
  const donation = donations.get(charge.id) ?? (intent ? donations.get(intent) : undefined);
  const txn = charge.balance_transaction && typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  const currency = charge.currency.toUpperCase();
  const settlement = txn?.currency.toUpperCase() ?? "";
  return {
    created: isoLocal(new Date(charge.created * 1000), timeZone),
    chargeId: charge.id,
    account,
    status: charge.refunded ? "refunded" : charge.disputed ? "disputed" : charge.status,
    paymentMethod: charge.payment_method_details?.type ?? "",
    currency,
    gross: toDecimalString(charge.amount, currency),
    refunded: toDecimalString(charge.amount_refunded, currency),
    settlementCurrency: settlement,
    settlementAmount: txn ? toDecimalString(txn.amount, settlement) : "",
    fee: txn ? toDecimalString(txn.fee, settlement) : "",
    net: txn ? toDecimalString(txn.net, settlement) : "",
    exchangeRate: txn?.exchange_rate ? String(txn.exchange_rate) : "",
    receipt: donation?.receiptNumber ? receiptNumber({ receiptNumber: donation.receiptNumber }) : "",
    donor: donation ? (donation.anonymous ? "Anonymous" : (donation.donorName ?? "")) : "",
    donorEmail: donation && !donation.anonymous ? (donation.donorEmail ?? "") : "",
    fund: donation?.fundName ?? "",
    campaign: donation?.campaignName ?? "",
  };
}
