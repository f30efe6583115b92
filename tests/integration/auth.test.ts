// Auth.js's own routes as an attacker calls them, through the real handlers, against real rows:
// a forged Host cannot move the emailed sign-in link off APP_URL, nobody can flood an address
// with links, and /api/auth/session never hands a script the session token.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { authConfig, handlers } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { EMAIL_LIMITS } from "@/lib/rate-limit/email-limits";
import { unique } from "../support/fixtures";

const APP_URL = "http://localhost:3000";

/** Ask for a sign-in link the way a script would: CSRF token first, then the form POST. */
async function requestLink(email: string, forgedHost?: string) {
  const host = forgedHost ?? "localhost:3000";
  // Next builds the request URL from the Host header it received.
  const csrf = await handlers.GET(new NextRequest(`http://${host}/api/auth/csrf`, { headers: { host, "x-forwarded-host": host } }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const response = await handlers.POST(
    new NextRequest(`http://${host}/api/auth/signin/email`, {
      method: "POST",
      headers: { host, "x-forwarded-host": host, "x-forwarded-proto": "https", cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }),
    }),
  );
  expect(response.status).toBeLessThan(400);
  return response;
}

const linksTo = async (email: string) =>
  (await db.outboxEmail.findMany({ where: { to: email, kind: "sign_in" } })).map((mail) => /https?:\/\/\S+/.exec(mail.text)?.[0] ?? "");

describe("sign-in links", () => {
  it("are built on APP_URL, whatever Host and X-Forwarded-Host the request names", async () => {
    const email = `${unique("owner")}@example.org`;
    await requestLink(email, "evil.example");
    const [link] = await linksTo(email);
    expect(link).toBeDefined();
    const url = new URL(String(link));
    expect(url.origin).toBe(APP_URL);
    expect(url.pathname).toBe("/api/auth/callback/email");
    expect(url.searchParams.get("token")).toMatch(/\w{16,}/);
    expect(link).not.toContain("evil.example");
  });

  it("go to one address a few times an hour at most, however often someone asks", async () => {
    const email = `${unique("flooded")}@example.org`;
    for (let i = 0; i < 12; i++) await requestLink(email);
    expect(await linksTo(email)).toHaveLength(EMAIL_LIMITS.perAddress.max);
  });
});

describe("addresses a link is sent to", () => {
  it("are one plain address: a list, a quoted address or a look-alike @ sends nothing", async () => {
    const first = `${unique("list-a")}@example.org`;
    const second = `${unique("list-b")}@example.org`;
    // A full-width "@" becomes a real one: a second "@" in the address.
    for (const email of [`${first},${second}`, `"${first}"@example.org`, `${second.replace("@", "\uFF20")}@example.org`]) await requestLink(email);
    expect(await db.outboxEmail.count({ where: { OR: [{ to: { contains: first } }, { to: { contains: second } }] } })).toBe(0);
  });
});

describe("the session endpoint", () => {
  it("answers with who is signed in, never the session token or the user's row id under another name", async () => {
    const user = await db.user.create({ data: { email: `${unique("session")}@example.org`, name: "Sam" } });
    const sessionToken = randomBytes(24).toString("hex");
    await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
    const response = await handlers.GET(new NextRequest(`${APP_URL}/api/auth/session`, { headers: { cookie: `authjs.session-token=${sessionToken}` } }));
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ user: { id: user.id, email: user.email, name: "Sam" }, expires: expect.any(String) as string });
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain("sessionToken");
    expect(text).not.toContain("userId");
  });
});

describe("cookies", () => {
  it("are Secure whenever APP_URL is https, whatever X-Forwarded-Proto a request claims", () => {
    expect(authConfig(parseEnv({ ...process.env, APP_URL: "https://give.example.org" })).useSecureCookies).toBe(true);
    expect(authConfig(parseEnv({ ...process.env, APP_URL: "http://localhost:3000" })).useSecureCookies).toBe(false);
  });
});
