// requireRole, the check every organisation API and page goes through, against real rows. Only
// the session lookup is stubbed (Auth.js needs a request); the roles come from the database.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));

const { db } = await import("@/lib/db/client");
const { requireRole } = await import("@/lib/auth/membership");

const suffix = Date.now().toString(36);
let orgId = "";
const users: Record<string, { id: string; email: string }> = {};

beforeAll(async () => {
  const org = await db.organisation.create({
    data: { slug: `roles-${suffix}`, name: "Roles", email: "r@example.org", country: "DE", defaultCurrency: "EUR", acceptedCurrencies: ["EUR"] },
  });
  orgId = org.id;
  for (const role of ["owner", "admin", "viewer"] as const) {
    const user = await db.user.create({ data: { email: `${role}-${suffix}@example.org` } });
    await db.membership.create({ data: { userId: user.id, organisationId: org.id, role } });
    users[role] = { id: user.id, email: user.email };
  }
  const outsider = await db.user.create({ data: { email: `outsider-${suffix}@example.org` } });
  users.outsider = { id: outsider.id, email: outsider.email };
});

describe("requireRole", () => {
  it("401 when signed out, 404 for an unknown organisation, 403 for a non-member", async () => {
    session.user = null;
    await expect(requireRole({ id: orgId }, "viewer")).rejects.toMatchObject({ status: 401 });
    session.user = users.outsider ?? null;
    await expect(requireRole({ id: "no-such-org" }, "viewer")).rejects.toMatchObject({ status: 404 });
    await expect(requireRole({ id: orgId }, "viewer")).rejects.toMatchObject({ status: 403, message: "You are not a member of this organisation." });
  });

  it("ranks owner over admin over viewer", async () => {
    session.user = users.viewer ?? null;
    await expect(requireRole({ id: orgId }, "viewer")).resolves.toMatchObject({ role: "viewer" });
    await expect(requireRole({ id: orgId }, "admin")).rejects.toMatchObject({ status: 403, message: expect.stringContaining("you are a viewer") as string });
    session.user = users.admin ?? null;
    await expect(requireRole({ id: orgId }, "admin")).resolves.toMatchObject({ role: "admin" });
    await expect(requireRole({ id: orgId }, "owner")).rejects.toMatchObject({ status: 403 });
    session.user = users.owner ?? null;
    await expect(requireRole({ slug: `roles-${suffix}` }, "owner")).resolves.toMatchObject({ role: "owner" });
  });
});
