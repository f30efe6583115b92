// GET /g/<code> - a short link (posters, QR codes) to one of an organisation's donation pages
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from "@/lib/embed/short-code";

const CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code.toLowerCase();
  const link = CODE.test(code) ? await db.shortLink.findUnique({ where: { code }, select: { targetPath: true } }) : null;
  if (!link) return new NextResponse("This short link does not exist.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // Built from APP_URL, never from the request's Host.
  return NextResponse.redirect(`${getEnv().APP_URL.replace(/\/$/, "")}${link.targetPath}`, {
    status: 307,
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
