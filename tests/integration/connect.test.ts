// Connect onboarding routes against real PostgreSQL and the sandbox's OAuth. Only the session lookup
// is stubbed (Auth.js needs a request); roles, state and accounts are real.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));

const { db } = await import("@/lib/db/client");
const { createConnectState } = await import("@/lib/organisations/connect-state");
const { GET: connect } = await import("@/app/api/organisations/[orgId]/stripe/connect/route");
const { POST: disconnect } = await import("@/app/api/organisations/[orgId]/stripe/disconnect/route");
const { GET: callback } = await import("@/app/api/stripe/connect/callback/route");
const { control, organisationWithMembers, person, stripeSdk } = await import("../support/fixtures");

type User = { id: string; email: string };
const people: Record<"owner" | "admin" | "viewer" | "stranger", User> = {} as never;
let organisation: { id: string; slug: string };
let other: { id: string; slug: string };

const user = person;

/** An organisation with its owner and, optionally, more members. */
const org = (owner: User, extra: Array<[User, "admin" | "viewer"]> = []) => organisationWithMembers([[owner, "owner"], ...extra]);

const params = (orgId: string) => ({ params: Promise.resolve({ orgId }) });
/** A POST as Amply's own page sends it (a browser always sets Origin on a POST). */
const post = (origin: string | null = "http://localhost:3000") =>
  new Request("http://localhost:3000/x", { method: "POST", headers: origin ? { origin, "content-type": "application/json" } : {}, body: "{}" });
const as = (who: User | null) => (session.user = who);

async function connectUrl(orgId: string) {
  const response = await connect(new Request(`http://localhost:3000/api/organisations/${orgId}/stripe/connect`), params(orgId));
  expect(response.status).toBe(200);
  return new URL(((await response.json()) as { url: string }).url);
}

/** Press a button on the sandbox's consent page; Stripe's redirect back to Amply. */
async function consent(url: URL, decision: "authorize" | "deny", readiness: "ready" | "pending" = "ready") {
  const response = await fetch(`${url.origin}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      decision,
      readiness,
      state: url.searchParams.get("state") ?? "",
      redirect_uri: url.searchParams.get("redirect_uri") ?? "",
      business_name: url.searchParams.get("stripe_user[business_name]") ?? "",
      email: url.searchParams.get("stripe_user[email]") ?? "",
      country: url.searchParams.get("stripe_user[country]") ?? "",
    }),
  });
  return new URL(String(response.headers.get("location")));
}

async function returnToAmply(query: URLSearchParams | string) {
  const response = await callback(new Request(`http://localhost:3000/api/stripe/connect/callback?${query}`));
  expect(response.status).toBe(303);
  const location = new URL(String(response.headers.get("location")));
  return location.pathname + location.search;
}

async function stored(id: string) {
  return db.organisation.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  people.owner = await user("owner");
  people.admin = await user("admin");
  people.viewer = await user("viewer");
  people.stranger = await user("stranger");
  organisation = await org(people.owner, [
    [people.admin, "admin"],
    [people.viewer, "viewer"],
  ]);
  other = await org(people.stranger);
});

describe("who may connect and disconnect", () => {
  it("refuses a signed-out user (401), a viewer and a member of another organisation (403), on both routes", async () => {
    for (const [who, status] of [
      [null, 401],
      [people.viewer, 403],
      [people.stranger, 403],
    ] as const) {
      as(who);
      expect((await connect(new Request("http://localhost/x"), params(organisation.id))).status).toBe(status);
      expect((await disconnect(post(), params(organisation.id))).status).toBe(status);
    }
    as(people.admin);
    expect((await connect(new Request("http://localhost/x"), params("no-such-organisation"))).status).toBe(404);
    expect(await db.stripeConnectState.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("gives an admin Stripe's consent URL with every parameter, prefilled", async () => {
    as(people.admin);
    const url = await connectUrl(organisation.id);
    expect(url.pathname).toBe("/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "ca_sandbox_amply",
      scope: "read_write",
      redirect_uri: "http://localhost:3000/api/stripe/connect/callback",
      "stripe_user[email]": `${organisation.slug}@example.org`,
      "stripe_user[business_name]": `Org ${organisation.slug}`,
      "stripe_user[country]": "DE",
    });
    expect(url.searchParams.get("state")).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it("sends a viewer who comes back from Stripe away, storing nothing", async () => {
    as(people.admin);
    const back = await consent(await connectUrl(organisation.id), "authorize");
    as(people.viewer);
    expect(await returnToAmply(back.searchParams)).toBe("/dashboard?connect_error=not_admin");
    expect((await stored(organisation.id)).stripeAccountId).toBeNull();
  });
});

describe("the callback", () => {
  it("connects the account, stores its status and lands on the payments page", async () => {
    const target = await org(people.owner);
    as(people.owner);
    const back = await consent(await connectUrl(target.id), "authorize", "pending");
    expect(await returnToAmply(back.searchParams)).toBe(`/dashboard/${target.slug}/settings/payments?connected=true`);
    const connected = await stored(target.id);
    expect(connected).toMatchObject({
      stripeChargesEnabled: false,
      stripeDetailsSubmitted: false,
      stripeConnectedAt: expect.any(Date) as Date,
      stripeDisconnectedAt: null,
    });
    expect(connected.stripeAccountId).toMatch(/^acct_/);
    expect(connected.stripeRequirements).toMatchObject({ currentlyDue: expect.arrayContaining(["external_account"]) as string[] });
  });

  it("refuses a tampered, an expired, a replayed and another user's state, storing nothing", async () => {
    const target = await org(people.owner, [[people.admin, "admin"]]);
    as(people.owner);
    const back = await consent(await connectUrl(target.id), "authorize");
    const tampered = new URLSearchParams(back.searchParams);
    const [payload, signature] = String(tampered.get("state")).split(".");
    const forged = JSON.parse(Buffer.from(String(payload), "base64url").toString()) as Record<string, unknown>;
    tampered.set("state", `${Buffer.from(JSON.stringify({ ...forged, o: other.id })).toString("base64url")}.${signature}`);
    expect(await returnToAmply(tampered)).toBe("/dashboard?connect_error=invalid_state");

    as(people.admin);
    expect(await returnToAmply(back.searchParams)).toBe(`/dashboard/${target.slug}/settings/payments?error=foreign_state`);

    const expired = new URLSearchParams(back.searchParams);
    expired.set("state", await createConnectState(target.id, people.owner.id, Date.now() - 11 * 60_000));
    as(people.owner);
    expect(await returnToAmply(expired)).toBe(`/dashboard/${target.slug}/settings/payments?error=expired_state`);
    expect((await stored(target.id)).stripeAccountId).toBeNull();

    expect(await returnToAmply(back.searchParams)).toBe(`/dashboard/${target.slug}/settings/payments?connected=true`);
    const accountId = (await stored(target.id)).stripeAccountId;
    expect(await returnToAmply(back.searchParams)).toBe(`/dashboard/${target.slug}/settings/payments?error=reused_state`);
    expect((await stored(target.id)).stripeAccountId).toBe(accountId);
  });

  it("says what happened when consent is denied, and stores nothing", async () => {
    const target = await org(people.owner);
    as(people.owner);
    const back = await consent(await connectUrl(target.id), "deny");
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(await returnToAmply(back.searchParams)).toBe(`/dashboard/${target.slug}/settings/payments?error=access_denied`);
    expect((await stored(target.id)).stripeAccountId).toBeNull();
  });

  it("refuses an account already connected to another organisation, and a code Stripe rejects", async () => {
    const first = await org(people.owner);
    const second = await org(people.owner);
    as(people.owner);
    await returnToAmply((await consent(await connectUrl(first.id), "authorize")).searchParams);
    const accountId = String((await stored(first.id)).stripeAccountId);
    const again = new URLSearchParams({
      state: (await connectUrl(second.id)).searchParams.get("state") ?? "",
      code: await control.oauthCode(accountId),
      scope: "read_write",
    });
    expect(await returnToAmply(again)).toBe(`/dashboard/${second.slug}/settings/payments?error=already_linked`);
    expect((await stored(second.id)).stripeAccountId).toBeNull();

    const bogus = new URLSearchParams({ state: (await connectUrl(second.id)).searchParams.get("state") ?? "", code: "ac_not_a_real_code" });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await returnToAmply(bogus)).toBe(`/dashboard/${second.slug}/settings/payments?error=stripe_error`);
    vi.restoreAllMocks();
    expect((await stored(second.id)).stripeAccountId).toBeNull();
  });

  it("disconnects: Stripe access revoked and the organisation marked disconnected", async () => {
    const target = await org(people.owner);
    as(people.owner);
    await returnToAmply((await consent(await connectUrl(target.id), "authorize")).searchParams);
    const accountId = String((await stored(target.id)).stripeAccountId);
    const response = await disconnect(post(), params(target.id));
    expect(response.status).toBe(200);
    expect(await stored(target.id)).toMatchObject({ stripeAccountId: null, stripeChargesEnabled: false, stripeDisconnectedAt: expect.any(Date) as Date });
    await expect(stripeSdk.accounts.retrieve(accountId)).rejects.toMatchObject({ statusCode: 403 });
  });

  it("refuses a disconnect from another origin (a sibling subdomain is same-site) or without one, changing nothing", async () => {
    const target = await org(people.owner);
    as(people.owner);
    await returnToAmply((await consent(await connectUrl(target.id), "authorize")).searchParams);
    const accountId = String((await stored(target.id)).stripeAccountId);
    for (const origin of ["http://evil.localhost:3000", "https://localhost:3000", "null", null]) {
      const response = await disconnect(post(origin), params(target.id));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/must come from Amply's own pages/);
    }
    expect((await stored(target.id)).stripeAccountId).toBe(accountId);
    expect((await stripeSdk.accounts.retrieve(accountId)).id).toBe(accountId);
  });

  it("refuses a second account while one is connected, keeps the first, and gives up access to the second", async () => {
    const target = await org(people.owner);
    as(people.owner);
    // Two consent links, started before either finished (the connect route refuses once connected).
    const firstUrl = await connectUrl(target.id);
    const secondUrl = await connectUrl(target.id);
    await returnToAmply((await consent(firstUrl, "authorize")).searchParams);
    const first = String((await stored(target.id)).stripeAccountId);
    // The second consent, for another account (what Stripe sends back when the admin picks it).
    const second = (await control.createAccount({ country: "DE", ready: true })).id;
    const back = new URLSearchParams({ state: secondUrl.searchParams.get("state") ?? "", code: await control.oauthCode(second), scope: "read_write" });
    expect(await returnToAmply(back)).toBe(`/dashboard/${target.slug}/settings/payments?error=already_connected`);
    expect((await stored(target.id)).stripeAccountId).toBe(first);
    expect((await stripeSdk.accounts.retrieve(first)).id).toBe(first);
    // The second account is not left authorised to the platform.
    await expect(stripeSdk.accounts.retrieve(second)).rejects.toMatchObject({ statusCode: 403 });
  });
});
