import { Button, ButtonLink } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import { DONATION_STATUSES, type DonationFilters } from "@/lib/donations/donation-filters";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const METHODS = ["card", "sepa_debit", "bank_transfer", "ideal", "bancontact", "p24"] as const;

type Option = { id: string; name: string };

/**
 * The donations view's search and filters: a plain GET form, so the filters live in the URL and
 * work without JavaScript. `raw` is what the URL said (kept in the fields even when not valid).
 */
export function DonationFilterForm({
  base,
  raw,
  errors,
  funds,
  campaigns,
  currencies,
  open,
}: {
  /** Shown unfolded (filters in use, or one to correct); folded, the list starts at the top of a phone's screen. */
  open: boolean;
  base: string;
  raw: Record<string, string | undefined>;
  errors: Partial<Record<keyof DonationFilters, string>>;
  funds: Option[];
  campaigns: Option[];
  currencies: string[];
}) {
  const t = dashboardText("donations");
  const select = (name: keyof DonationFilters, label: string, options: ReadonlyArray<readonly [string, string]>, all: string) => (
    <FieldFrame id={`filter-${name}`} label={label} error={errors[name]}>
      {(control) => (
        <select {...control} name={name} defaultValue={raw[name] ?? ""} className={`${controlClass} w-full min-w-0`}>
          <option value="">{all}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
  return (
    <details open={open} className="rounded-xl bg-white ring-1 ring-slate-200">
      <summary className="min-h-11 cursor-pointer px-4 py-3 font-semibold text-teal-800">{t("filter.summary")}</summary>
      <form method="get" action={base} role="search" aria-label={t("filter.label")} className="grid grid-cols-1 gap-3 p-4 pt-0 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          label={t("filter.search")}
          name="q"
          hint={t("filter.searchHint")}
          defaultValue={raw.q ?? ""}
          error={errors.q}
          className="sm:col-span-2"
          type="search"
        />
        <Field label={t("filter.from")} name="from" type="date" defaultValue={raw.from ?? ""} error={errors.from} />
        <Field label={t("filter.to")} name="to" type="date" defaultValue={raw.to ?? ""} error={errors.to} />
        {select(
          "status",
          t("filter.status"),
          DONATION_STATUSES.map((status) => [status, t(`filter.statuses.${status}`)] as const),
          t("filter.anyStatus"),
        )}
        {select(
          "method",
          t("filter.method"),
          METHODS.map((method) => [method, t(`filter.methods.${method}`)] as const),
          t("filter.anyMethod"),
        )}
        {select(
          "fund",
          t("filter.fund"),
          funds.map((fund) => [fund.id, fund.name] as const),
          t("filter.anyFund"),
        )}
        {select(
          "campaign",
          t("filter.campaign"),
          campaigns.map((campaign) => [campaign.id, campaign.name] as const),
          t("filter.anyCampaign"),
        )}
        {select(
          "currency",
          t("filter.currency"),
          currencies.map((code) => [code, code] as const),
          t("filter.anyCurrency"),
        )}
        {select(
          "kind",
          t("filter.kind"),
          [
            ["one_off", t("filter.kinds.one_off")],
            ["recurring", t("filter.kinds.recurring")],
          ],
          t("filter.bothKinds"),
        )}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-2">
          <Button type="submit">{t("filter.submit")}</Button>
          <ButtonLink href={base} variant="ghost">
            {t("filter.clear")}
          </ButtonLink>
        </div>
      </form>
    </details>
  );
}
