// A donor manages a recurring gift from the link in their receipt: each change goes to Stripe first
// (asserted on the sandbox's subscription), is recorded once per form submission, and is confirmed
// by email. A tampered, expired or other donor's link changes nothing anywhere.
import { beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers({ "x-amply-client-address": "203.0.113.50" })) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { manageUrl, tokenOfManageUrl } = await import("@/lib/recurring/manage-link");
const { donationCharge, feeRateFor, DEFAULT_FEE_RATES } = await import("@/lib/money/fees");
const actions = await import("@/app/(public)/manage/[token]/actions");
const { requestManageLinkAction } = await import("@/app/(public)/manage/actions");
const { cancelRecurringForDonorAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/recurring/actions");
const { control, eventsFor, person, stripeSdk, unique } = await import("../support/fixtures");
const { recurringGift, subscriptionNow } = await import("../support/recurring");

const DAY = 86_400;

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const tokenOf = (giftId: string, now?: Date) => tokenOfManageUrl(manageUrl(giftId, now));

async function mailsTo(email: string) {
  return db.outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

async function updatesOf(account: string, subscriptionId: string) {
  return (await eventsFor(account, { objectId: subscriptionId })).filter((event) => event.type.startsWith("customer.subscription.")).length;
}

beforeEach(() => {
  session.user = null;
});

describe("changing the amount and the interval", () => {
  it("charges 15.00 EUR plus its card fee from the next payment, without proration, and confirms by email", async () => {
    const setup = await recurringGift({ amount: 2000, feeCovered: 56 });
    const token = tokenOf(setup.gift.id);
    const state = await actions.changeGiftAction(
      {},
      form({ token, giftId: setup.gift.id, requestId: unique("req"), amount: "15.00", interval: "month", coverFee: "on" }),
    );
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining("Saved") as string });
    const expected = donationCharge(1500, feeRateFor(DEFAULT_FEE_RATES, "EUR", "card"), true).chargedAmount;
    expect(expected).toBe(1548);
    const subscription = await subscriptionNow(setup);
    expect(subscription.items.data[0]?.price).toMatchObject({ unit_amount: 1548, currency: "eur", recurring: { interval: "month" } });
    expect(subscription.metadata).toMatchObject({ gift_amount: "1500", fee_covered: "48" });
    expect(subscription.status).toBe("active");
    const invoices = await stripeSdk.invoices.list({ subscription: setup.subscription.id }, { stripeAccount: setup.account });
    expect(invoices.data).toHaveLength(1);
    const [mail] = await mailsTo(setup.donor.email);
    expect(mail).toMatchObject({ kind: "recurring_change" });
    expect(mail?.text).toContain("€15.00");
    expect(mail?.text).toContain("http://localhost:3000/manage/");
    expect(await db.recurringChange.count({ where: { recurringDonationId: setup.gift.id, appliedAt: { not: null } } })).toBe(1);
    // The next installment is charged at the new amount.
    const renewal = (await control.advance(setup.subscription.id)) as { invoice: { amount_due: number; status: string } };
    expect(renewal.invoice).toMatchObject({ amount_due: 1548, status: "paid" });
  });

  it("switches monthly to yearly from the end of the current period: a trial until then, nothing charged now", async () => {
    const setup = await recurringGift({ amount: 2000 });
    const periodEnd = Number(setup.subscription.items.data[0]?.current_period_end);
    const state = await actions.changeGiftAction(
      {},
      form({ token: tokenOf(setup.gift.id), giftId: setup.gift.id, requestId: unique("req"), amount: "120", interval: "year" }),
    );
    expect(state.ok).toBe(true);
    const subscription = await subscriptionNow(setup);
    expect(subscription).toMatchObject({ status: "trialing", trial_end: periodEnd });
    expect(subscription.items.data[0]?.price).toMatchObject({ unit_amount: 12000, recurring: { interval: "year" } });
    expect((await stripeSdk.invoices.list({ subscription: setup.subscription.id }, { stripeAccount: setup.account })).data).toHaveLength(1);
  });

  it("sends one change to Stripe for a form submitted twice, even at once", async () => {
    const setup = await recurringGift();
    const values = { token: tokenOf(setup.gift.id), giftId: setup.gift.id, requestId: unique("req"), amount: "25", interval: "month" };
    const before = await updatesOf(setup.account, setup.subscription.id);
    const states = await Promise.all([actions.changeGiftAction({}, form(values)), actions.changeGiftAction({}, form(values))]);
    expect(states.map((state) => state.ok)).toEqual([true, true]);
    await actions.changeGiftAction({}, form(values));
    await control.idle();
    expect((await updatesOf(setup.account, setup.subscription.id)) - before).toBe(1);
    expect(await db.recurringChange.count({ where: { recurringDonationId: setup.gift.id } })).toBe(1);
    expect((await mailsTo(setup.donor.email)).length).toBe(1);
  });

  it("refuses an amount below Stripe's minimum and keeps what was typed", async () => {
    const setup = await recurringGift();
    const state = await actions.changeGiftAction(
      {},
      form({ token: tokenOf(setup.gift.id), giftId: setup.gift.id, requestId: unique("req"), amount: "0.20", interval: "month" }),
    );
    expect(state).toMatchObject({ fieldErrors: { amount: expect.any(String) as string }, values: { amount: "0.20" } });
    expect((await subscriptionNow(setup)).items.data[0]?.price.unit_amount).toBe(2000);
  });
});

describe("pausing, resuming and cancelling", () => {
  it("pauses for two months with pause_collection void (status stays active), resumes, then cancels at once with the reason", async () => {
    const setup = await recurringGift();
    const token = tokenOf(setup.gift.id);
    const started = Math.floor(Date.now() / 1000);
    expect((await actions.pauseGiftAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req"), months: "2" }))).ok).toBe(true);
    const paused = await subscriptionNow(setup);
    expect(paused.status).toBe("active");
    expect(paused.pause_collection?.behavior).toBe("void");
    const resumesAt = Number(paused.pause_collection?.resumes_at);
    expect(resumesAt).toBeGreaterThan(started + 58 * DAY);
    expect(resumesAt).toBeLessThan(started + 63 * DAY);
    await expect(actions.pauseGiftAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req"), months: "4" }))).resolves.toMatchObject({
      fieldErrors: { months: expect.any(String) as string },
    });

    expect((await actions.resumeGiftAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req") }))).ok).toBe(true);
    expect((await subscriptionNow(setup)).pause_collection).toBeNull();

    const cancelled = await actions.cancelGiftAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req"), reason: "Moving abroad" }));
    expect(cancelled.ok).toBe(true);
    expect(await subscriptionNow(setup)).toMatchObject({ status: "canceled", cancellation_details: { comment: "Moving abroad" } });
    const kinds = (await db.recurringChange.findMany({ where: { recurringDonationId: setup.gift.id }, orderBy: { createdAt: "asc" } })).map((c) => c.kind);
    expect(kinds).toEqual(["pause", "resume", "cancel"]);
    expect((await mailsTo(setup.donor.email)).map((mail) => mail.subject)).toEqual([
      expect.stringContaining("paused") as string,
      expect.stringContaining("resumed") as string,
      expect.stringContaining("cancelled") as string,
    ]);
  });
});

describe("the payment method", () => {
  it("saves a new card with a SetupIntent on the organisation's account and makes it the subscription's default", async () => {
    const setup = await recurringGift();
    const token = tokenOf(setup.gift.id);
    const started = await actions.startPaymentMethodAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req") }));
    expect(started).toMatchObject({ ok: true, data: { kind: "setup", stripeAccount: setup.account } });
    const secret = String(started.data?.clientSecret);
    const setupIntentId = secret.split("_secret_")[0] as string;
    const intent = await stripeSdk.setupIntents.retrieve(setupIntentId, undefined, { stripeAccount: setup.account });
    expect(intent).toMatchObject({ customer: setup.customer, usage: "off_session", allowed_payment_method_types: ["card"] });
    const confirmed = await stripeSdk.setupIntents.confirm(setupIntentId, { payment_method: "pm_card_mastercard" }, { stripeAccount: setup.account });
    const finished = await actions.finishPaymentMethodAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req"), setupIntentId }));
    expect(finished.ok).toBe(true);
    expect((await subscriptionNow(setup)).default_payment_method).toBe(confirmed.payment_method);
  });

  it("for a past-due gift, answers the open invoice's confirmation secret; paying it recovers the gift", async () => {
    const setup = await recurringGift();
    await control.advance(setup.subscription.id, "failed");
    expect((await subscriptionNow(setup)).status).toBe("past_due");
    const token = tokenOf(setup.gift.id);
    const started = await actions.startPaymentMethodAction({}, form({ token, giftId: setup.gift.id, requestId: unique("req") }));
    expect(started).toMatchObject({ ok: true, data: { kind: "invoice" } });
    const paymentIntentId = String(started.data?.clientSecret).split("_secret_")[0] as string;
    await stripeSdk.paymentIntents.confirm(paymentIntentId, { payment_method: "pm_card_mastercard" }, { stripeAccount: setup.account });
    const finished = await actions.finishPaymentMethodAction(
      {},
      form({ token, giftId: setup.gift.id, requestId: unique("req"), invoiceId: String(started.data?.invoiceId) }),
    );
    expect(finished.ok).toBe(true);
    const subscription = await subscriptionNow(setup);
    expect(subscription.status).toBe("active");
    const intent = await stripeSdk.paymentIntents.retrieve(paymentIntentId, undefined, { stripeAccount: setup.account });
    expect(subscription.default_payment_method).toBe(intent.payment_method);
  });

  it("refuses to finish with a SetupIntent of another customer", async () => {
    const mine = await recurringGift();
    const theirs = await recurringGift({ org: mine.org });
    const foreign = await stripeSdk.setupIntents.create({ customer: theirs.customer, usage: "off_session" }, { stripeAccount: mine.account });
    await stripeSdk.setupIntents.confirm(foreign.id, { payment_method: "pm_card_visa" }, { stripeAccount: mine.account });
    const state = await actions.finishPaymentMethodAction(
      {},
      form({ token: tokenOf(mine.gift.id), giftId: mine.gift.id, requestId: unique("req"), setupIntentId: foreign.id }),
    );
    expect(state.error).toBeDefined();
    expect((await subscriptionNow(mine)).default_payment_method).toBe(mine.subscription.default_payment_method);
  });
});

describe("links that do not hold", () => {
  it("a tampered, expired or other donor's link changes nothing: not at Stripe, not in Amply, no email", async () => {
    const setup = await recurringGift();
    const other = await recurringGift({ org: setup.org });
    const good = tokenOf(setup.gift.id);
    const [payload, signature] = good.split(".") as [string, string];
    const tampered = `${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    const expired = tokenOf(setup.gift.id, new Date(Date.now() - 31 * DAY * 1000));
    const cases: Array<[string, string]> = [
      [tampered, setup.gift.id],
      [expired, setup.gift.id],
      // The other donor's own valid link, used on this donor's gift.
      [tokenOf(other.gift.id), setup.gift.id],
    ];
    const before = await updatesOf(setup.account, setup.subscription.id);
    for (const [token, giftId] of cases) {
      const base = { token, giftId, requestId: unique("req") };
      const states = [
        await actions.changeGiftAction({}, form({ ...base, amount: "5", interval: "month" })),
        await actions.pauseGiftAction({}, form({ ...base, requestId: unique("req"), months: "1" })),
        await actions.resumeGiftAction({}, form({ ...base, requestId: unique("req") })),
        await actions.startPaymentMethodAction({}, form({ ...base, requestId: unique("req") })),
        await actions.cancelGiftAction({}, form({ ...base, requestId: unique("req") })),
      ];
      for (const state of states) expect(state).toMatchObject({ error: expect.stringMatching(/link/) as string });
    }
    await control.idle();
    expect(await updatesOf(setup.account, setup.subscription.id)).toBe(before);
    expect((await subscriptionNow(setup)).status).toBe("active");
    expect(await db.recurringChange.count({ where: { recurringDonationId: setup.gift.id } })).toBe(0);
    expect(await mailsTo(setup.donor.email)).toHaveLength(0);
  });

  it("a donor's link covers their other gifts to the same organisation, and no other donor's", async () => {
    const first = await recurringGift();
    const second = await recurringGift({ org: first.org, email: first.donor.email });
    const state = await actions.pauseGiftAction({}, form({ token: tokenOf(first.gift.id), giftId: second.gift.id, requestId: unique("req"), months: "1" }));
    expect(state.ok).toBe(true);
    expect((await subscriptionNow(second)).pause_collection?.behavior).toBe("void");
  });
});

describe("asking for a fresh link", () => {
  it("mails links only to the address asked for, answers the same for an unknown address, and is rate-limited", async () => {
    const setup = await recurringGift();
    const known = await requestManageLinkAction({}, form({ email: setup.donor.email.toUpperCase() }));
    const unknown = await requestManageLinkAction({}, form({ email: `${unique("nobody")}@example.org` }));
    expect(known).toEqual(unknown);
    expect(known.ok).toBe(true);
    const [mail] = await mailsTo(setup.donor.email);
    expect(mail).toMatchObject({ kind: "recurring_manage_link" });
    const link = /http:\/\/localhost:3000\/manage\/[\w.-]+/.exec(String(mail?.text))?.[0];
    expect(link).toBeDefined();
    const paused = await actions.pauseGiftAction(
      {},
      form({ token: tokenOfManageUrl(String(link)), giftId: setup.gift.id, requestId: unique("req"), months: "1" }),
    );
    expect(paused.ok).toBe(true);
    for (let i = 0; i < 6; i++) await requestManageLinkAction({}, form({ email: setup.donor.email }));
    expect((await mailsTo(setup.donor.email)).filter((m) => m.kind === "recurring_manage_link").length).toBe(5);
  });
});

describe("admins on the donor's request", () => {
  it("an admin cancels a gift through Stripe; a viewer cannot", async () => {
    const setup = await recurringGift();
    const [admin, viewer] = [await person("admin"), await person("viewer")];
    await db.membership.createMany({
      data: [
        { userId: admin.id, organisationId: setup.org.organisation.id, role: "admin" },
        { userId: viewer.id, organisationId: setup.org.organisation.id, role: "viewer" },
      ],
    });
    const values = { organisationId: setup.org.organisation.id, giftId: setup.gift.id, requestId: unique("req"), reason: "Donor phoned" };
    session.user = viewer;
    expect((await cancelRecurringForDonorAction({}, form(values))).error).toMatch(/admin/);
    expect((await subscriptionNow(setup)).status).toBe("active");
    session.user = admin;
    expect((await cancelRecurringForDonorAction({}, form({ ...values, requestId: unique("req") }))).ok).toBe(true);
    expect((await subscriptionNow(setup)).status).toBe("canceled");
    const change = await db.recurringChange.findFirstOrThrow({ where: { recurringDonationId: setup.gift.id } });
    expect(change).toMatchObject({ kind: "cancel", userId: admin.id });
    expect((await mailsTo(setup.donor.email)).map((mail) => mail.kind)).toEqual(["recurring_change"]);
  });

  it("an admin of another organisation cannot cancel this organisation's gift", async () => {
    const setup = await recurringGift();
    const elsewhere = await recurringGift();
    const admin = await person("admin");
    await db.membership.create({ data: { userId: admin.id, organisationId: elsewhere.org.organisation.id, role: "admin" } });
    session.user = admin;
    const state = await cancelRecurringForDonorAction(
      {},
      form({ organisationId: elsewhere.org.organisation.id, giftId: setup.gift.id, requestId: unique("req") }),
    );
    expect(state.error).toBeDefined();
    expect((await subscriptionNow(setup)).status).toBe("active");
  });
});
