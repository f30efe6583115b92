// Every page: a fresh nonce, the Content-Security-Policy that trusts it, and HSTS over https.
// Next.js reads the nonce from the policy on the request and stamps it on the scripts it renders,
// so the policy goes on the request (for rendering) and on the response (for the browser).
// The donation pages an organisation embeds may be framed by the sites it lists; no other page.
import { NextResponse, type NextRequest } from "next/server";
import { allowedFrameAncestors } from "@/lib/embed/allowed-frame-ancestors";
import { frameableOrganisation } from "@/lib/embed/frameable-page";
import { getEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/security/content-security-policy";

export async function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const organisation = frameableOrganisation(request.nextUrl);
  const frameAncestors = organisation ? await allowedFrameAncestors(organisation) : [];
  const headers = securityHeaders(getEnv(), nonce, frameAncestors);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) if (value) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer JSON (and the webhook route takes Stripe's bursts without
      // the extra step); static files and the embed script are the same for everyone. Prefetches
      // render no scripts.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|embed.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
