import type { DonationStatus } from "@/lib/db/generated/enums.ts";

const STYLES: Record<DonationStatus, [string, string]> = {
  pending: ["Pending", "bg-slate-100 text-slate-800"],
  processing: ["Processing", "bg-sky-100 text-sky-900"],
  succeeded: ["Succeeded", "bg-emerald-100 text-emerald-900"],
  failed: ["Failed", "bg-red-100 text-red-900"],
  disputed: ["Disputed", "bg-amber-100 text-amber-900"],
  partially_refunded: ["Partially refunded", "bg-violet-100 text-violet-900"],
  refunded: ["Refunded", "bg-violet-100 text-violet-900"],
};

export function StatusBadge({ status }: { status: DonationStatus }) {
  const [label, style] = STYLES[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>{label}</span>;
}
