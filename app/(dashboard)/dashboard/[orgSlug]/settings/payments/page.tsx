import type { Metadata } from "next";
import { ConnectStripeButton, DisconnectStripeButton } from "@/components/organisations/stripe-connection-buttons";
import { StripeResyncCard } from "@/components/organisations/stripe-resync-card";
import { runningRecurringGifts } from "@/lib/recurring/running-recurring-gifts";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { bankTransferCurrencies } from "@/lib/donations/bank-transfer";
import { getEnv } from "@/lib/env";
import type { ConnectError } from "@/lib/organisations/connect-stripe-account";
import { refreshStripeStatus } from "@/lib/organisations/refresh-stripe-status";
import { disabledReasonText, requirementLabels } from "@/lib/organisations/requirement-labels";
import type { AccountRequirements } from "@/lib/organisations/stripe-account-status";
import { accountSetupUrl } from "@/lib/stripe/connect-authorize-url";
import { startResyncAction } from "./actions";

export const metadata: Metadata = { title: "Payments" };

const ERRORS: Record<ConnectError, string> = {
  access_denied: "You chose not to connect a Stripe account on Stripe's page. Nothing was changed; connect whenever you are ready.",
  invalid_state: "That connection link was not valid. Start again with “Connect with Stripe”.",
  foreign_state: "That connection was started by someone else. Start again with “Connect with Stripe” yourself.",
  expired_state: "Connecting took longer than 10 minutes, so the link expired. Start again with “Connect with Stripe”.",
  reused_state: "That connection link was already used. Start again with “Connect with Stripe” if you still need to connect.",
  already_linked:
    "That Stripe account is already connected to another organisation on Amply. Connect a different account, or disconnect it from the other organisation first.",
  already_connected:
    "This organisation already has a Stripe account connected, so the other account was not connected (and Amply gave up the access it had just been granted). Disconnect the current account first to switch.",
  stripe_error: "Stripe could not complete the connection. Nothing was changed; please try again in a moment.",
  not_admin: "Only owners and admins can connect a Stripe account.",
};

/** What donors can transfer, as Stripe says of the account (its country and bank-transfer capability). */
function transferText(organisation: { stripeAccountCountry: string | null; stripeCapabilities: unknown }) {
  const currencies = bankTransferCurrencies({ country: organisation.stripeAccountCountry, capabilities: organisation.stripeCapabilities });
  if (currencies.length) return `${new Intl.ListFormat("en-GB").format(currencies)} (account in ${organisation.stripeAccountCountry})`;
  return "Not available: turn on bank transfers in your Stripe Dashboard's payment methods, where your country offers them";
}

function YesNo({ value }: { value: boolean }) {
  return <span className={value ? "font-semibold text-emerald-800" : "font-semibold text-amber-800"}>{value ? "Yes" : "Not yet"}</span>;
}

export default async function PaymentsSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const { organisation: stale, role } = await requirePageRole(orgSlug, "viewer");
  const fresh = await refreshStripeStatus(stale);
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: stale.id } });
  const canManage = hasRole(role, "admin");
  const requirements = (organisation.stripeRequirements ?? null) as AccountRequirements | null;
  const due = requirementLabels([...(requirements?.pastDue ?? []), ...(requirements?.currentlyDue ?? [])]);
  const error = query.error ? (ERRORS[query.error as ConnectError] ?? ERRORS.stripe_error) : null;
  const sandbox = getEnv().stripeSandbox;

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">Payments</h1>
      {query.connected === "true" && organisation.stripeAccountId ? (
        <Alert tone="success" title="Stripe account connected">
          Your Stripe account is now connected to {organisation.name}.
        </Alert>
      ) : null}
      {query.disconnected === "true" && !organisation.stripeAccountId ? (
        <Alert tone="info">
          Stripe is disconnected. Your donation page is closed until you connect again.
          {countOf(query.cancelled)
            ? ` ${plural(countOf(query.cancelled), "recurring gift was", "recurring gifts were")} cancelled through Stripe and their donors emailed.`
            : ""}
          {countOf(query.kept)
            ? ` ${plural(countOf(query.kept), "recurring gift keeps", "recurring gifts keep")} charging donors on your Stripe account; Amply no longer sees those payments. Manage or cancel them in your Stripe Dashboard.`
            : ""}
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" title="Not connected">
          {error}
        </Alert>
      ) : null}
      {!fresh ? <Alert tone="warning">Stripe could not be reached just now, so this is the status we last heard.</Alert> : null}

      {organisation.stripeAccountId ? (
        <Card
          title="Stripe account"
          description={
            <>
              Donations are direct charges on your own Stripe account: the money goes to you, with a 0% platform fee.
              {sandbox ? (
                <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Stripe sandbox - no real money</span>
              ) : null}
            </>
          }
        >
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="stripe-status">
            <dt className="text-slate-600">Status</dt>
            <dd className="font-semibold" data-testid="stripe-connection">
              {organisation.stripeChargesEnabled ? "Connected, taking donations" : "Connected, setup unfinished"}
            </dd>
            <dt className="text-slate-600">Account</dt>
            <dd className="font-mono">{organisation.stripeAccountId}</dd>
            <dt className="text-slate-600">Charges enabled</dt>
            <dd data-testid="charges-enabled">
              <YesNo value={organisation.stripeChargesEnabled} />
            </dd>
            <dt className="text-slate-600">Payouts enabled</dt>
            <dd>
              <YesNo value={organisation.stripePayoutsEnabled} />
            </dd>
            <dt className="text-slate-600">Details submitted</dt>
            <dd>
              <YesNo value={organisation.stripeDetailsSubmitted} />
            </dd>
            <dt className="text-slate-600">Bank transfers</dt>
            <dd data-testid="bank-transfers">{transferText(organisation)}</dd>
            {organisation.stripeConnectedAt ? (
              <>
                <dt className="text-slate-600">Connected</dt>
                <dd>{organisation.stripeConnectedAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</dd>
              </>
            ) : null}
          </dl>
          {due.length > 0 ? (
            <div className="mt-5 grid gap-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
              <h3 className="font-semibold text-amber-950">Stripe needs a few things before you can take donations</h3>
              {disabledReasonText(requirements?.disabledReason) ? (
                <p className="text-sm text-amber-950">{disabledReasonText(requirements?.disabledReason)}</p>
              ) : null}
              <ul className="list-disc pl-5 text-sm text-amber-950" data-testid="requirements">
                {due.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
              {canManage ? (
                <a
                  href={accountSetupUrl(organisation.stripeAccountId)}
                  className="justify-self-start font-semibold text-teal-800 underline"
                  target="_blank"
                  rel="noreferrer"
                >
                  Finish setting up on Stripe
                </a>
              ) : null}
            </div>
          ) : null}
          {canManage ? (
            <div className="mt-6 grid gap-2">
              <DisconnectStripeButton organisationId={organisation.id} runningRecurringGifts={await runningRecurringGifts(organisation.id)} />
            </div>
          ) : null}
        </Card>
      ) : (
        <Card
          title="Connect your Stripe account"
          description="Amply takes donations through your organisation's own Stripe account. Connect an existing account or create one on Stripe's page; you can disconnect at any time."
        >
          {organisation.stripeDisconnectedAt ? (
            <p className="mb-4 text-sm text-slate-700" data-testid="stripe-connection">
              Disconnected on {organisation.stripeDisconnectedAt.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" })}. Your donation page is
              closed until you connect again.
            </p>
          ) : (
            <p className="mb-4 text-sm text-slate-700" data-testid="stripe-connection">
              Not connected: your donation page cannot take donations yet.
            </p>
          )}
          {canManage ? (
            <ConnectStripeButton organisationId={organisation.id} />
          ) : (
            <p className="text-sm text-slate-600">Ask an owner or admin of {organisation.name} to connect Stripe.</p>
          )}
        </Card>
      )}
      {organisation.stripeAccountId ? <StripeResyncCard organisation={organisation} canManage={canManage} action={startResyncAction} /> : null}
    </div>
  );
}

/** A count from the address (what the disconnect reported), or 0 for anything else. */
function countOf(value: string | undefined): number {
  return value && /^\d{1,6}$/.test(value) ? Number(value) : 0;
}

function plural(count: number, one: string, many: string) {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}
