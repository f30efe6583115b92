// GET /api/organisations/[orgId]/donors/[donorId]/statement?year=2026 - a donor's annual statement as a PDF (admins)
import { z } from "zod";
import { ApiError, validationError } from "@/lib/api/errors";
import { withOrganisation } from "@/lib/auth/with-organisation";
import { readStatementData } from "@/lib/statements/read-statement-data";
import { renderStatementPdf } from "@/lib/statements/render-statement-pdf";
import { statementYear } from "@/lib/statements/statement-year";

export const dynamic = "force-dynamic";

const query = z.object({ year: statementYear });

export const GET = withOrganisation("admin", {}, async ({ organisation, request, params }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const data = await readStatementData(organisation.id, params.donorId ?? "", parsed.data.year);
  if (!data) throw new ApiError("not_found", "There is no such donor in this organisation.");
  const pdf = await renderStatementPdf(data);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="statement-${parsed.data.year}.pdf"`,
      // A donor's name and gifts: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
