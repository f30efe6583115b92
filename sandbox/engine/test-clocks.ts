// Test clocks (/v1/test_helpers/test_clocks), as on Stripe's test mode: customers created with a
// `test_clock` live at the clock's frozen time, and so do their subscriptions. Advancing the clock
// renews every subscription whose period ends on the way: an invoice per period, paid off-session
// with the default payment method (invoice.paid, or invoice.payment_failed and past_due). Advancing
// is asynchronous: the clock answers `advancing`, then `ready` (test_helpers.test_clock.ready).
import type { Engine } from "../engine";
import { newId, now, present } from "../store";
import { invalid, notFound } from "../wire";
import { eventAccount, type Obj, type Subscription } from "./objects";
import { retryInvoice } from "./invoices";
import { periodEnd, renewSubscription, resumeIfDue } from "./subscriptions";

export function createTestClock(engine: Engine, accountId: string, input: { frozenTime: number; name?: string }) {
  const clock: Obj = {
    id: newId("clock", 24),
    object: "test_helpers.test_clock",
    created: now(),
    deletes_after: now() + 30 * 86_400,
    frozen_time: input.frozenTime,
    livemode: false,
    name: input.name ?? null,
    status: "ready",
    status_details: {},
  };
  engine.store.put(accountId, clock);
  engine.webhooks.emit("test_helpers.test_clock.created", present(clock), eventAccount(accountId));
  return clock;
}

export function getTestClock(engine: Engine, accountId: string, id: string) {
  const clock = engine.store.get(accountId, id, "test_helpers.test_clock");
  if (!clock) throw notFound("test_helpers.test_clock", id);
  return clock;
}

/** The time objects on this clock live at: the clock's frozen time. */
export function clockTime(engine: Engine, accountId: string, clockId: unknown) {
  return typeof clockId === "string" ? Number(getTestClock(engine, accountId, clockId).frozen_time) : now();
}

export function advanceTestClock(engine: Engine, accountId: string, id: string, frozenTime: number) {
  const clock = getTestClock(engine, accountId, id);
  if (clock.status !== "ready") throw invalid(`The test clock ${id} is ${String(clock.status)}; wait until it is ready to advance it again.`);
  if (!Number.isInteger(frozenTime) || frozenTime <= Number(clock.frozen_time)) {
    throw invalid("The frozen_time must be after the test clock's current frozen_time.", "frozen_time");
  }
  const limit = furthest(engine, accountId, clock);
  if (frozenTime > limit) {
    throw invalid(
      `The frozen_time cannot be more than two intervals of the shortest subscription on this test clock (or two years without one) in the future: at most ${limit}.`,
      "frozen_time",
    );
  }
  clock.status = "advancing";
  clock.status_details = { advancing: { target_frozen_time: frozenTime } };
  engine.store.touch();
  engine.webhooks.emit("test_helpers.test_clock.advancing", present(clock), eventAccount(accountId));
  const answer = present(clock);
  setImmediate(() => {
    try {
      runUntil(engine, accountId, clock, frozenTime);
    } catch (error) {
      console.error("[stripe-sandbox] test clock advance failed", error);
    }
    clock.frozen_time = frozenTime;
    clock.status = "ready";
    clock.status_details = {};
    engine.store.touch();
    engine.webhooks.emit("test_helpers.test_clock.ready", present(clock), eventAccount(accountId));
  });
  return answer;
}

/** How far Stripe lets a clock advance at once: two intervals of its shortest subscription, else two years. */
function furthest(engine: Engine, accountId: string, clock: Obj) {
  const from = Number(clock.frozen_time);
  const limits = onClock(engine, accountId, clock)
    .filter((subscription) => subscription.status !== "canceled")
    .map((subscription) => {
      const interval = ((subscription.items.data[0] as Obj & { price: Obj }).price.recurring as { interval: string }).interval;
      return periodEnd(periodEnd(from, interval), interval);
    });
  return limits.length ? Math.min(...limits) : periodEnd(periodEnd(from, "year"), "year");
}

function onClock(engine: Engine, accountId: string, clock: Obj) {
  return engine.store.all<Subscription>(accountId, "subscription").filter((subscription) => subscription.test_clock === clock.id);
}

/**
 * Run each subscription on this clock up to the target time, event by event: the retries of a failed
 * renewal when their time comes, and a renewal at the end of each period.
 */
function runUntil(engine: Engine, accountId: string, clock: Obj, target: number) {
  for (const subscription of onClock(engine, accountId, clock)) {
    const periodEnd = () => Number((subscription.items.data[0] as Obj).current_period_end);
    for (;;) {
      const open = subscription.latest_invoice ? engine.store.get(accountId, String(subscription.latest_invoice), "invoice") : undefined;
      const retryAt = open?.status === "open" && typeof open.next_payment_attempt === "number" ? open.next_payment_attempt : Infinity;
      const renewAt = ["active", "past_due", "trialing"].includes(subscription.status) ? periodEnd() : Infinity;
      const at = Math.min(retryAt, renewAt);
      if (at > target || subscription.status === "canceled") break;
      clock.frozen_time = at;
      if (retryAt <= renewAt) {
        retryInvoice(engine, accountId, String(open?.id));
        continue;
      }
      if (subscription.cancel_at_period_end) {
        subscription.status = "canceled";
        subscription.canceled_at = periodEnd();
        subscription.ended_at = periodEnd();
        engine.store.touch();
        engine.webhooks.emit("customer.subscription.deleted", present(subscription), accountId);
        break;
      }
      renewSubscription(engine, accountId, subscription.id);
    }
    if (subscription.status !== "canceled") resumeIfDue(engine, accountId, subscription, target);
  }
}

export function deleteTestClock(engine: Engine, accountId: string, id: string) {
  const clock = getTestClock(engine, accountId, id);
  clock._deleted = true;
  engine.store.put(`${accountId}|deleted`, clock);
  engine.webhooks.emit("test_helpers.test_clock.deleted", present(clock), eventAccount(accountId));
  return { id, object: "test_helpers.test_clock", deleted: true };
}
