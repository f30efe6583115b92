// GET /api/organisations/[orgId]/short-links/[code]/qr?format=svg|png - a short link's QR code to download (admins)
import { z } from "zod";
import { ApiError, validationError } from "@/lib/api/errors";
import { withOrganisation } from "@/lib/auth/with-organisation";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { shortLinkQrPng, shortLinkQrSvg } from "@/lib/embed/short-link-qr";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["svg", "png"], { error: "Choose svg or png." }) });

export const GET = withOrganisation("admin", {}, async ({ organisation, request, params }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const link = await db.shortLink.findFirst({ where: { organisationId: organisation.id, code: params.code ?? "" }, select: { code: true } });
  if (!link) throw new ApiError("not_found", "This short link does not exist.");
  const url = `${getEnv().APP_URL.replace(/\/$/, "")}/g/${link.code}`;
  const { format } = parsed.data;
  const body = format === "svg" ? await shortLinkQrSvg(url) : new Uint8Array(await shortLinkQrPng(url));
  return new Response(body, {
    headers: {
      "Content-Type": format === "svg" ? "image/svg+xml" : "image/png",
      "Content-Disposition": `attachment; filename="${organisation.slug}-${link.code}.${format}"`,
      "Cache-Control": "private, max-age=3600",
    },
  });
});
