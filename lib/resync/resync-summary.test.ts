import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translator";
import { RESYNC_STOP_MESSAGES, resyncResult, resyncState } from "./resync-summary";

const t = translator("en", "resync");
const run = {
  state: "done" as const,
  phase: "events",
  eventsListed: 0,
  eventsNew: 0,
  objectsReread: 0,
  objectsChanged: 0,
  lastError: null as string | null,
  leaseToken: null,
  since: null,
  reason: "manual" as const,
};

describe("what the payments page says of a re-sync", () => {
  it("names what was missing, counting objects found changed as missed events", () => {
    expect(resyncResult(t, { ...run, eventsListed: 40, eventsNew: 2, objectsChanged: 1 })).toBe("3 missed events applied (40 events checked)");
    expect(resyncResult(t, { ...run, eventsListed: 1, eventsNew: 1 })).toBe("1 missed event applied (1 event checked)");
    expect(resyncResult(t, { ...run, eventsListed: 12 })).toBe("Nothing was missing (12 events checked)");
  });

  it("shows progress while running, and that it is retrying", () => {
    expect(resyncResult(t, { ...run, state: "running", eventsListed: 200 })).toBe("200 events checked so far");
    expect(resyncResult(t, { ...run, state: "running", phase: "refunds", eventsListed: 5, objectsReread: 1 })).toBe(
      "5 events checked; 1 open payment, refund or recurring gift read again so far",
    );
    expect(resyncState(t, { ...run, state: "running", lastError: "socket hang up" })).toBe("Running (trying again after an error)");
    expect(resyncState(t, { ...run, state: "queued" })).toBe("Waiting to start");
  });

  it("says what to do when it stopped, never the technical error", () => {
    expect(resyncResult(t, { ...run, state: "failed", lastError: RESYNC_STOP_MESSAGES.revoked })).toMatch(
      /^Stripe no longer lets Amply read this account\. Connect it again/,
    );
    expect(resyncResult(t, { ...run, state: "failed", lastError: RESYNC_STOP_MESSAGES.disconnected })).toMatch(/no longer connected/);
    const generic = resyncResult(t, { ...run, state: "failed", lastError: "ECONNRESET at 10.0.0.7" });
    expect(generic).toMatch(/Try again in a while/);
    expect(generic).not.toContain("ECONNRESET");
  });
});
