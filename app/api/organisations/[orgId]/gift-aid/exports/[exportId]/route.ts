// GET /api/organisations/[orgId]/gift-aid/exports/[exportId]?part=N | ?file=adjustments - one CSV file of a recorded Gift Aid export (admins)
import { z } from "zod";
import { validationError } from "@/lib/api/errors";
import { withOrganisation } from "@/lib/auth/with-organisation";
import { readGiftAidExportFile } from "@/lib/gift-aid/read-gift-aid-export";

export const dynamic = "force-dynamic";

const fileQuery = z.union([
  z.object({ file: z.literal("adjustments") }),
  z.object({ file: z.literal("schedule").default("schedule"), part: z.coerce.number().int().min(1).max(10_000).default(1) }),
]);

export const GET = withOrganisation("admin", {}, async ({ organisation, request, params }) => {
  const parsed = fileQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const file = parsed.data.file === "adjustments" ? { kind: "adjustments" as const } : { kind: "schedule" as const, part: parsed.data.part };
  const { filename, body } = await readGiftAidExportFile(organisation.id, params.exportId ?? "", file);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Donors' names and addresses: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
