// GET /api/organisations/[orgId]/reports/transactions?from=&to=[&format=csv] - the organisation's Stripe charges over a date range, streamed
import { validationError } from "@/lib/api/errors";
import { withOrganisation } from "@/lib/auth/with-organisation";
import { reportQuerySchema } from "@/lib/reports/report-query";
import { transactionCsv, transactionJson } from "@/lib/reports/stream-report";
import { openTransactionReport } from "@/lib/reports/transaction-report";

export const dynamic = "force-dynamic";

export const GET = withOrganisation("viewer", {}, async ({ organisation, request }) => {
  const parsed = reportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error, "Choose the dates of the report.");
  const { from, to, format } = parsed.data;
  const report = await openTransactionReport(organisation.id, { from, to }, organisation.timeZone);
  const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (report.unreadableAccounts.length > 0) headers["X-Amply-Unreadable-Accounts"] = report.unreadableAccounts.join(",");
  if (format === "csv") {
    headers["Content-Type"] = "text/csv; charset=utf-8";
    headers["Content-Disposition"] = `attachment; filename="transactions-${organisation.slug}-${from}-to-${to}.csv"`;
    return new Response(transactionCsv(report), { headers });
  }
  headers["Content-Type"] = "application/json; charset=utf-8";
  return new Response(transactionJson(report), { headers });
});
