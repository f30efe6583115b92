import type { Metadata } from "next";
import { ConnectStripeButton, DisconnectStripeButton } from "@/components/organisations/stripe-connection-buttons";
import { StripeResyncCard } from "@/components/organisations/stripe-resync-card";
import { runningRecurringGifts } from "@/lib/recurring/running-recurring-gifts";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { bankTransferCurrencies } from "@/lib/donations/bank-transfer";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import type { ConnectError } from "@/lib/organisations/connect-stripe-account";
import { refreshStripeStatus } from "@/lib/organisations/refresh-stripe-status";
import { disabledReasonText, requirementLabels } from "@/lib/organisations/requirement-labels";
import type { AccountRequirements } from "@/lib/organisations/stripe-account-status";
import { accountSetupUrl } from "@/lib/stripe/connect-authorize-url";
import { startResyncAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("settings")("payments.metaTitle") };
}

const CONNECT_ERRORS: readonly ConnectError[] = [
  "access_denied",
  "invalid_state",
  "foreign_state",
  "expired_state",
  "reused_state",
  "already_linked",
  "already_connected",
  "stripe_error",
  "not_admin",
];

/** What donors can transfer, as Stripe says of the account (its country and bank-transfer capability). */
function transferText(organisation: { stripeAccountCountry: string | null; stripeCapabilities: unknown }) {
  const currencies = bankTransferCurrencies({ country: organisation.stripeAccountCountry, capabilities: organisation.stripeCapabilities });
  const t = dashboardText("settings");
  if (currencies.length)
    return t("payments.transfers", { currencies: new Intl.ListFormat("en-GB").format(currencies), country: organisation.stripeAccountCountry ?? "" });
  return t("payments.transfersUnavailable");
}

function YesNo({ value }: { value: boolean }) {
  return (
    <span className={value ? "font-semibold text-emerald-800" : "font-semibold text-amber-800"}>
      {value ? dashboardText("settings")("payments.yes") : dashboardText("settings")("payments.notYet")}
    </span>
  );
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
  const t = dashboardText("settings");
  const connectError = CONNECT_ERRORS.find((code) => code === query.error) ?? "stripe_error";
  const error = query.error ? t(`payments.errors.${connectError}`) : null;
  const sandbox = getEnv().stripeSandbox;

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("payments.title")}</h1>
      {query.connected === "true" && organisation.stripeAccountId ? (
        <Alert tone="success" title={t("payments.connectedTitle")}>
          {t("payments.connectedText", { organisation: organisation.name })}
        </Alert>
      ) : null}
      {query.disconnected === "true" && !organisation.stripeAccountId ? (
        <Alert tone="info">
          {[
            t("payments.disconnectedText"),
            countOf(query.cancelled) ? t("payments.cancelledText", { count: countOf(query.cancelled) }) : null,
            countOf(query.kept) ? t("payments.keptText", { count: countOf(query.kept) }) : null,
          ]
            .filter(Boolean)
            .join(" ")}
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" title={t("payments.notConnectedTitle")}>
          {error}
        </Alert>
      ) : null}
      {!fresh ? <Alert tone="warning">{t("payments.stale")}</Alert> : null}

      {organisation.stripeAccountId ? (
        <Card
          title={t("payments.accountTitle")}
          description={
            <>
              {t("payments.accountDescription")}
              {sandbox ? (
                <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("payments.sandbox")}</span>
              ) : null}
            </>
          }
        >
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="stripe-status">
            <dt className="text-slate-600">{t("payments.status")}</dt>
            <dd className="font-semibold" data-testid="stripe-connection">
              {organisation.stripeChargesEnabled ? t("payments.statusTaking") : t("payments.statusUnfinished")}
            </dd>
            <dt className="text-slate-600">{t("payments.account")}</dt>
            <dd className="font-mono">{organisation.stripeAccountId}</dd>
            <dt className="text-slate-600">{t("payments.chargesEnabled")}</dt>
            <dd data-testid="charges-enabled">
              <YesNo value={organisation.stripeChargesEnabled} />
            </dd>
            <dt className="text-slate-600">{t("payments.payoutsEnabled")}</dt>
            <dd>
              <YesNo value={organisation.stripePayoutsEnabled} />
            </dd>
            <dt className="text-slate-600">{t("payments.detailsSubmitted")}</dt>
            <dd>
              <YesNo value={organisation.stripeDetailsSubmitted} />
            </dd>
            <dt className="text-slate-600">{t("payments.bankTransfers")}</dt>
            <dd data-testid="bank-transfers">{transferText(organisation)}</dd>
            {organisation.stripeConnectedAt ? (
              <>
                <dt className="text-slate-600">{t("payments.connectedAt")}</dt>
                <dd>
                  {t("payments.connectedAtValue", {
                    date: organisation.stripeConnectedAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
                  })}
                </dd>
              </>
            ) : null}
          </dl>
          {due.length > 0 ? (
            <div className="mt-5 grid gap-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
              <h3 className="font-semibold text-amber-950">{t("payments.requirementsTitle")}</h3>
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
                  {t("payments.finishSetup")}
                </a>
              ) : null}
            </div>
          ) : null}
          {canManage ? (
            <div className="mt-6 grid gap-2">
              <IntlProvider locale="en" messages={messagesFor("en", ["organisations"])} timeZone={organisation.timeZone}>
                <DisconnectStripeButton organisationId={organisation.id} runningRecurringGifts={await runningRecurringGifts(organisation.id)} />
              </IntlProvider>
            </div>
          ) : null}
        </Card>
      ) : (
        <Card title={t("payments.connectTitle")} description={t("payments.connectDescription")}>
          {organisation.stripeDisconnectedAt ? (
            <p className="mb-4 text-sm text-slate-700" data-testid="stripe-connection">
              {t("payments.disconnectedOn", {
                date: organisation.stripeDisconnectedAt.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" }),
              })}
            </p>
          ) : (
            <p className="mb-4 text-sm text-slate-700" data-testid="stripe-connection">
              {t("payments.notConnected")}
            </p>
          )}
          {canManage ? (
            <IntlProvider locale="en" messages={messagesFor("en", ["organisations"])} timeZone={organisation.timeZone}>
              <ConnectStripeButton organisationId={organisation.id} />
            </IntlProvider>
          ) : (
            <p className="text-sm text-slate-600">{t("payments.askAdmin", { organisation: organisation.name })}</p>
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
