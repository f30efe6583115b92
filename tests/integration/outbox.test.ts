// Email goes through the outbox: a failed send is retried later and never lost, a deduplicated
// message is sent once, and concurrent workers never send the same message twice.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const delivered: string[] = [];
let failNext = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      if (failNext > 0) {
        failNext--;
        const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
        return callback(error);
      }
      delivered.push(body);
      callback();
    });
  },
});

let modules: {
  db: typeof import("@/lib/db/client").db;
  enqueueEmail: typeof import("@/lib/email/enqueue-email").enqueueEmail;
  drainOutbox: typeof import("@/lib/email/outbox-worker").drainOutbox;
};

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  const [{ db }, { enqueueEmail }, { drainOutbox }] = await Promise.all([import("@/lib/db/client"), import("@/lib/email/enqueue-email"), import("@/lib/email/outbox-worker")]);
  modules = { db, enqueueEmail, drainOutbox };
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function dueNow(id: string) {
  await modules.db.outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date() } });
}

describe("the email outbox", () => {
  it("keeps a message whose send failed and delivers it on the retry, once", async () => {
    const { db, enqueueEmail, drainOutbox } = modules;
    const dedupeKey = `receipt:test-${Date.now()}`;
    const to = `retry-${Date.now()}@example.org`;
    await enqueueEmail(db, { to, subject: "Thank you", text: "Receipt", kind: "receipt", dedupeKey });
    await enqueueEmail(db, { to, subject: "Thank you", text: "Receipt", kind: "receipt", dedupeKey });
    expect(await db.outboxEmail.count({ where: { dedupeKey } })).toBe(1);

    failNext = 1;
    delivered.length = 0;
    expect(await drainOutbox()).toMatchObject({ failed: 1 });
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey } });
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toMatch(/try again later/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(delivered).toHaveLength(0);

    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0 }); // not due yet
    await dueNow(failed.id);
    expect(await drainOutbox()).toMatchObject({ sent: 1 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: "sent", transport: "smtp", attempts: 2 });
    expect(delivered.filter((m) => m.includes(to))).toHaveLength(1);
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0 });
  });

  it("never sends a message twice when workers drain at the same time", async () => {
    const { db, enqueueEmail, drainOutbox } = modules;
    const batch = `batch-${Date.now()}`;
    for (let i = 0; i < 12; i++) await enqueueEmail(db, { to: `${batch}-${i}@example.org`, subject: batch, text: "Hello", kind: "receipt" });
    delivered.length = 0;
    failNext = 0;
    await Promise.all([drainOutbox(5), drainOutbox(5), drainOutbox(5), drainOutbox(5)]);
    while ((await drainOutbox(5)).sent > 0);
    const mine = delivered.filter((m) => m.includes(batch));
    expect(mine).toHaveLength(12);
    expect(await db.outboxEmail.count({ where: { subject: batch, status: "sent" } })).toBe(12);
  });
});
