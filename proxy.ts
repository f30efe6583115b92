// Every page: a fresh nonce, the Content-Security-Policy that trusts it, and HSTS over https.
// Next.js reads the nonce from the policy on the request and stamps it on the scripts it renders,
// so the policy goes on the request (for rendering) and on the response (for the browser).
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/security/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const headers = securityHeaders(getEnv(), nonce);
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
      // the extra step); static files are the same for everyone. Prefetches render no scripts.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
