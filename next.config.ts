import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // `next dev` on 127.0.0.1 would otherwise block its own HMR requests.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  // forbidden(): non-members get a real 403 page.
  experimental: { authInterrupts: true },
  // Packages with native or WebAssembly parts stay plain Node requires on the server.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "nodemailer"],
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: securityHeaders }]);
  },
};

export default nextConfig;
