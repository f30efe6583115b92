import type { DonationStatus } from "@/lib/db/generated/enums.ts";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const STYLES: Record<DonationStatus, string> = {
  pending: "bg-slate-100 text-slate-800",
  processing: "bg-sky-100 text-sky-900",
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  disputed: "bg-amber-100 text-amber-900",
  partially_refunded: "bg-violet-100 text-violet-900",
  refunded: "bg-violet-100 text-violet-900",
};

export function StatusBadge({ status }: { status: DonationStatus }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>{dashboardText("donations")(`status.${status}`)}</span>
  );
}
