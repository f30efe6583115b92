import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // `next dev` on 127.0.0.1 would otherwise block its own HMR requests.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  experimental: {
    // forbidden(): non-members get a real 403 page.
    authInterrupts: true,
    // The organisation form carries a logo of up to 2 MB (lib/images/limits.ts) besides its few
    // text fields; the 1 MB default would refuse it before the action could explain why.
    serverActions: { bodySizeLimit: "2.5mb" },
  },
  // Packages with native or WebAssembly parts stay plain Node requires on the server.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "nodemailer"],
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      // A manage link's token is in the address: it must never travel in a Referer header (docs/recurring.md#manage-links).
      { source: "/manage/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/manage", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // Pages get X-Frame-Options from proxy.ts, with their Content-Security-Policy: the donation
      // pages an organisation embeds must not be refused by this header while their policy allows
      // the organisation's sites. Everything the proxy does not see (API routes, files) gets it here.
      { source: "/:path((?!give/|donation/complete).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ]);
  },
};

export default nextConfig;
