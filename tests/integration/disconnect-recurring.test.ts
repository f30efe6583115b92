// Disconnecting Amply while recurring gifts run on the organisation's Stripe account: they would keep
// charging donors out of Amply's sight, so the admin must choose, and the choice is carried out.
import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));

const { db } = await import("@/lib/db/client");
const { POST: disconnect } = await import("@/app/api/organisations/[orgId]/stripe/disconnect/route");
const { runningRecurringGifts } = await import("@/lib/recurring/running-recurring-gifts");
const { eventsFor, person } = await import("../support/fixtures");
const { recurringGift, subscriptionNow } = await import("../support/recurring");

const params = (orgId: string) => ({ params: Promise.resolve({ orgId }) });
const post = (body: unknown) =>
  new Request("http://localhost:3000/x", {
    method: "POST",
    headers: { origin: "http://localhost:3000", "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function organisationWithTwoGifts() {
  const first = await recurringGift();
  const second = await recurringGift({ org: first.org });
  const ended = await recurringGift({ org: first.org });
  await db.recurringDonation.update({ where: { id: ended.gift.id }, data: { status: "canceled" } });
  const admin = await person("admin");
  await db.membership.create({ data: { userId: admin.id, organisationId: first.org.organisation.id, role: "admin" } });
  session.user = admin;
  return { first, second, organisationId: first.org.organisation.id };
}

const connectedAccount = async (organisationId: string) => (await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).stripeAccountId;

describe("disconnecting with recurring gifts running", () => {
  it("counts the running gifts and refuses to disconnect until the admin chooses what happens to them", async () => {
    const { first, second, organisationId } = await organisationWithTwoGifts();
    expect(await runningRecurringGifts(organisationId)).toBe(2);
    const response = await disconnect(post({}), params(organisationId));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/2 recurring gifts/);
    expect(await connectedAccount(organisationId)).toBe(first.account);
    expect((await subscriptionNow(first)).status).toBe("active");
    expect((await subscriptionNow(second)).status).toBe("active");
  });

  it("cancels them through Stripe and emails their donors, then disconnects", async () => {
    const { first, second, organisationId } = await organisationWithTwoGifts();
    const response = await disconnect(post({ recurringGifts: "cancel" }), params(organisationId));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ disconnected: true, recurringGifts: { cancelled: 2, kept: 0 } });
    // Amply can no longer read the account; the sandbox's own log shows what Stripe did.
    const deleted = await eventsFor(first.account, { type: "customer.subscription.deleted" });
    expect(deleted.map((event) => event.data.object.id).sort()).toEqual([first.subscription.id, second.subscription.id].sort());
    for (const setup of [first, second]) {
      const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: setup.donor.email, kind: "recurring_change" } });
      expect(mail.text).toContain("no longer takes gifts through Amply");
    }
    expect(await connectedAccount(organisationId)).toBeNull();
  });

  it("leaves them running on the organisation's Stripe account when the admin says so", async () => {
    const { first, second, organisationId } = await organisationWithTwoGifts();
    const response = await disconnect(post({ recurringGifts: "keep" }), params(organisationId));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ disconnected: true, recurringGifts: { cancelled: 0, kept: 2 } });
    expect(await connectedAccount(organisationId)).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: { in: [first.donor.email, second.donor.email] } } })).toBe(0);
    expect(await eventsFor(first.account, { type: "customer.subscription.deleted" })).toEqual([]);
  });
});
