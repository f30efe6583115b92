import type { Metadata } from "next";
import Link from "next/link";
import { SharePanel } from "@/components/campaigns/share-panel";
import { ForgetDonationDraft } from "@/components/donations/forget-donation-draft";
import { EmbeddedPage } from "@/components/embed/embedded-page";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { shareLinks, websiteLink } from "@/lib/campaigns/share-links";
import { paymentOutcome } from "@/lib/donations/payment-outcome";
import { getEnv } from "@/lib/env";
import { returnToWithOutcome } from "@/lib/embed/embed-context";
import { embedContextFor } from "@/lib/embed/embed-context-for";
import { formatMoney } from "@/lib/money/amount";

export const metadata: Metadata = { title: "Your donation" };

type Props = {
  searchParams: Promise<{ payment_intent?: string; payment_intent_client_secret?: string; organisation?: string; embed?: string; return_to?: string }>;
};

export default async function DonationCompletePage({ searchParams }: Props) {
  const query = await searchParams;
  const found = await paymentOutcome(query.payment_intent, query.payment_intent_client_secret);
  // The organisation in the address decides which sites may frame this page (proxy.ts): it must
  // be the one the payment went to, or another organisation's site could show this one's page.
  const outcome = found.kind !== "unknown" && query.organisation && query.organisation !== found.organisation.slug ? { kind: "unknown" as const } : found;
  if (outcome.kind === "unknown") {
    return (
      <div className="mx-auto grid max-w-xl gap-4">
        <h1 className="text-2xl font-bold">We could not find this donation</h1>
        <p className="text-slate-700">The link may be incomplete. If you were charged, your receipt is on its way by email.</p>
        <Link href="/" className="font-semibold text-teal-800 underline">
          Go to the home page
        </Link>
      </div>
    );
  }
  const amount = formatMoney(outcome.amount, outcome.currency);
  const org = outcome.organisation.name;
  const given = outcome.kind === "succeeded" || outcome.kind === "processing";
  // Links to share are built from Amply's configured address, never the request's Host.
  const pageUrl = new URL(outcome.retryPath, getEnv().APP_URL).toString();
  const website = websiteLink(outcome.organisation.websiteUrl);
  const embed = query.organisation ? await embedContextFor(outcome.organisation.slug, query) : null;
  // Trying again inside the organisation's site keeps the page fitted to its frame.
  const retry = new URL(outcome.retryPath, "http://amply.invalid");
  if (embed?.parentOrigin) retry.searchParams.set("embed", embed.parentOrigin);
  if (embed?.returnTo) retry.searchParams.set("return_to", embed.returnTo);
  const retryPath = `${retry.pathname}${retry.search}`;
  return (
    <EmbeddedPage context={embed}>
      <div className="mx-auto grid max-w-xl gap-4" data-testid={`donation-${outcome.kind}`}>
        {outcome.kind === "succeeded" || outcome.kind === "processing" ? <ForgetDonationDraft /> : null}
        {outcome.kind === "succeeded" ? (
          <>
            <h1 className="text-3xl font-bold">Thank you!</h1>
            <Alert tone="success">
              Your donation of {amount} to {org} went through. Your receipt is on its way by email.
            </Alert>
          </>
        ) : outcome.kind === "processing" ? (
          <>
            <h1 className="text-3xl font-bold">Thank you: your payment is processing</h1>
            <Alert tone="info">
              Your donation of {amount} to {org} is on its way. Bank payments such as SEPA Direct Debit take a few business days; your receipt follows when it
              completes.
            </Alert>
            <Link href="" className="font-semibold text-teal-800 underline">
              Check again
            </Link>
          </>
        ) : outcome.kind === "action_required" ? (
          <>
            <h1 className="text-2xl font-bold">Your payment is not finished</h1>
            <Alert tone="warning">Your bank still needs you to confirm the payment of {amount}. Go back and try again to finish it.</Alert>
            <ButtonLink href={retryPath}>Try again</ButtonLink>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">Your payment did not go through</h1>
            <Alert tone="error">
              {outcome.message ?? "The payment was not completed."} You have not been charged {amount}.
            </Alert>
            <ButtonLink href={retryPath}>Try again</ButtonLink>
          </>
        )}
        {given ? <SharePanel pageUrl={pageUrl} links={shareLinks(pageUrl, `I gave to ${outcome.campaign?.name ?? org}. Will you join me?`)} /> : null}
        {given && website ? (
          <a href={website} className="font-semibold text-teal-800 underline">
            Back to {org}&apos;s website
          </a>
        ) : null}
        <p className="text-sm text-slate-600">
          Questions about your gift? Write to{" "}
          <a href={`mailto:${outcome.organisation.email}`} className="font-semibold text-teal-800 underline">
            {outcome.organisation.email}
          </a>
          .
        </p>
        {embed?.returnTo && !embed.parentOrigin ? (
          <a
            href={returnToWithOutcome(embed.returnTo, outcome.kind)}
            target="_top"
            className="font-semibold text-teal-800 underline"
            data-testid="back-to-site"
          >
            Back to {new URL(embed.returnTo).host}
          </a>
        ) : null}
      </div>
    </EmbeddedPage>
  );
}
