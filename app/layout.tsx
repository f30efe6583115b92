import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import "./globals.css";

// Inter from the @fontsource package: no request to Google Fonts at build or run time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

// Every page reads the database, the session or the configuration at request time: nothing is
// prerendered, so a build needs no runtime configuration. Rendering each request is also what
// puts that request's Content-Security-Policy nonce on the page's scripts (proxy.ts); a page
// prerendered at build time would carry none, and the browser would refuse to run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Amply", template: "%s · Amply" },
  description: "Open-source donations for charities and non-profits, straight to their own Stripe account.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
