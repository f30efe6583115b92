// With Turnstile configured, POST /api/donations needs a token its verify endpoint accepts.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";

const verifier = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const form = new URLSearchParams(body);
    const ok = form.get("secret") === "turnstile-secret" && form.get("response") === "token-from-a-person";
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ success: ok, "error-codes": ok ? [] : ["invalid-input-response"] }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => verifier.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    TURNSTILE_SITE_KEY: "turnstile-site-key",
    TURNSTILE_SECRET_KEY: "turnstile-secret",
    TURNSTILE_VERIFY_URL: `http://127.0.0.1:${(verifier.address() as AddressInfo).port}/siteverify`,
  });
});
afterAll(() => new Promise<void>((resolve) => verifier.close(() => resolve())));

it("refuses a donation without a valid Turnstile token, and accepts one with it", async () => {
  const { POST } = await import("@/app/api/donations/route");
  const { db } = await import("@/lib/db/client");
  const { connectedOrganisation } = await import("../support/fixtures");
  const org = await connectedOrganisation();
  const give = (turnstileToken?: string) =>
    POST(
      new Request("http://localhost:3000/api/donations", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://localhost:3000",
          "idempotency-key": randomUUID(),
          "x-amply-client-address": "192.0.2.10",
        },
        body: JSON.stringify({
          organisation: org.organisation.slug,
          amount: 1000,
          currency: "EUR",
          expectedTotal: 1000,
          donor: { email: "t@example.org" },
          turnstileToken,
        }),
      }),
    );
  for (const token of [undefined, "a-bot-token"]) {
    const refused = await give(token);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/could not confirm that this donation comes from a person/);
  }
  expect(await db.donation.count({ where: { organisationId: org.organisation.id } })).toBe(0);
  expect((await give("token-from-a-person")).status).toBe(201);
  // Refused bot attempts never count toward the organisation's limit: only the one that passed.
  const buckets = await db.rateLimitBucket.findMany({ where: { key: `donations:org:${org.organisation.id}` } });
  expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(1);
});
