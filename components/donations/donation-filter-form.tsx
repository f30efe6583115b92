import { Button, ButtonLink } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import { DONATION_STATUSES, type DonationFilters } from "@/lib/donations/donation-filters";

const STATUS_LABELS: Record<(typeof DONATION_STATUSES)[number], string> = {
  pending: "Pending",
  processing: "Processing",
  succeeded: "Paid",
  failed: "Failed",
  disputed: "Disputed",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
};

const METHODS = [
  ["card", "Card"],
  ["sepa_debit", "SEPA Direct Debit"],
  ["bank_transfer", "Bank transfer"],
  ["ideal", "iDEAL"],
  ["bancontact", "Bancontact"],
  ["p24", "Przelewy24"],
] as const;

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
      <summary className="min-h-11 cursor-pointer px-4 py-3 font-semibold text-teal-800">Search and filter</summary>
      <form
        method="get"
        action={base}
        role="search"
        aria-label="Search and filter donations"
        className="grid grid-cols-1 gap-3 p-4 pt-0 sm:grid-cols-2 lg:grid-cols-4"
      >
        <Field
          label="Search"
          name="q"
          hint="Donor name, email, or receipt number"
          defaultValue={raw.q ?? ""}
          error={errors.q}
          className="sm:col-span-2"
          type="search"
        />
        <Field label="From" name="from" type="date" defaultValue={raw.from ?? ""} error={errors.from} />
        <Field label="To" name="to" type="date" defaultValue={raw.to ?? ""} error={errors.to} />
        {select("status", "Status", Object.entries(STATUS_LABELS), "Any status")}
        {select("method", "Payment method", METHODS, "Any method")}
        {select(
          "fund",
          "Fund",
          funds.map((fund) => [fund.id, fund.name] as const),
          "Any fund",
        )}
        {select(
          "campaign",
          "Campaign",
          campaigns.map((campaign) => [campaign.id, campaign.name] as const),
          "Any campaign",
        )}
        {select(
          "currency",
          "Currency",
          currencies.map((code) => [code, code] as const),
          "Any currency",
        )}
        {select(
          "kind",
          "One-off or recurring",
          [
            ["one_off", "One-off gifts"],
            ["recurring", "Recurring gifts"],
          ],
          "Both",
        )}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-2">
          <Button type="submit">Show donations</Button>
          <ButtonLink href={base} variant="ghost">
            Clear filters
          </ButtonLink>
        </div>
      </form>
    </details>
  );
}
