// Embedded PostgreSQL (PGlite, Postgres 17 in WebAssembly) served on loopback, so Amply runs with
// no database server installed.
//
// PGlite is a single session. @electric-sql/pglite-socket serves it, but hands PGlite one protocol
// message at a time: when a statement fails inside an extended-protocol exchange (Parse, Bind,
// Execute ... Sync), PGlite then answers ReadyForQuery too early and the client's connection falls
// out of step ("Received unexpected parseComplete message"). This server instead passes each
// exchange whole, up to its Sync, and lets only one client hold an open transaction at a time, so
// a few clients (the app, the Prisma CLI, psql) can share the database safely. Each should still
// use a small pool: every statement waits its turn on the one session.
import { PGlite } from "@electric-sql/pglite";
import { mkdirSync } from "node:fs";
import { createServer, type Socket } from "node:net";

export type EmbeddedDatabase = {
  /** A PostgreSQL URL for the served database. */
  url: string;
  stop: () => Promise<void>;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
/** Messages after which the client waits for an answer: Sync, simple Query, Flush, Terminate, copy end/fail. */
const BATCH_ENDS = new Set(["S", "Q", "H", "X", "c", "f"].map((c) => c.charCodeAt(0)));

type Work = { connection: number; bytes: Uint8Array; socket: Socket; done: () => void };

/** Iterate over protocol messages (type byte + length) in a buffer. */
function* messages(bytes: Uint8Array): Generator<{ type: number; start: number; end: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 5 <= bytes.length;) {
    const end = at + 1 + view.getInt32(at + 1);
    yield { type: bytes[at] as number, start: at, end };
    at = end;
  }
}

const READY_FOR_QUERY = "Z".charCodeAt(0);

/**
 * After an error inside an exchange PGlite sends ReadyForQuery twice (once when it recovers, once
 * for the Sync), and the client takes the second as the answer to its next query. The client is
 * owed one ReadyForQuery per Sync or Query it sent: send the surplus ones nowhere.
 */
function withOneReadyPerSync(output: Buffer, input: Uint8Array): Buffer {
  let owed = 0;
  for (const message of messages(input)) if (message.type === "S".charCodeAt(0) || message.type === "Q".charCodeAt(0)) owed++;
  let ready = 0;
  for (const message of messages(output)) if (message.type === READY_FOR_QUERY) ready++;
  if (ready <= owed || input[0] === 0) return output;
  let surplus = ready - owed;
  const kept: Buffer[] = [];
  for (const message of messages(output)) {
    if (message.type === READY_FOR_QUERY && surplus > 0) {
      surplus--;
      continue;
    }
    kept.push(output.subarray(message.start, message.end));
  }
  return Buffer.concat(kept);
}

class SessionQueue {
  private queue: Work[] = [];
  private running = false;
  /** The connection with an open transaction: others wait until it ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  push(work: Work) {
    this.queue.push(work);
    void this.drain();
  }

  /** A client went away: drop its waiting work and roll back a transaction it left open. */
  async release(connection: number) {
    this.queue = this.queue.filter((work) => work.connection !== connection);
    if (this.owner === connection) {
      this.owner = null;
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
      void this.drain();
    }
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.queue.findIndex((work) => this.owner === null || work.connection === this.owner);
        if (index < 0) break;
        const [work] = this.queue.splice(index, 1) as [Work];
        const output: Uint8Array[] = [];
        await this.db.runExclusive(() => this.db.execProtocolRawStream(work.bytes, { onRawData: (chunk) => void output.push(chunk.slice()) }));
        if (work.socket.writable) work.socket.write(withOneReadyPerSync(Buffer.concat(output), work.bytes));
        this.owner = this.db.isInTransaction() ? work.connection : null;
        work.done();
      }
    } finally {
      this.running = false;
    }
  }
}

function serve(db: PGlite, host: string, port: number) {
  const queue = new SessionQueue(db);
  const sockets = new Set<Socket>();
  let nextConnection = 1;

  const server = createServer((socket) => {
    const connection = nextConnection++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];

    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          const code = message.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          started = true;
          queue.push({ connection, bytes: new Uint8Array(message), socket, done: () => undefined });
          continue;
        }
        if (buffer.length < 5) return;
        const total = buffer.readInt32BE(1) + 1;
        if (buffer.length < total) return;
        const message = buffer.subarray(0, total);
        buffer = buffer.subarray(total);
        pending.push(message);
        const type = message[0] as number;
        if (BATCH_ENDS.has(type)) {
          const bytes = new Uint8Array(Buffer.concat(pending));
          pending = [];
          const terminate = type === "X".charCodeAt(0);
          queue.push({ connection, bytes, socket, done: () => (terminate ? socket.end() : undefined) });
        }
      }
    });
    const close = () => {
      if (!sockets.delete(socket)) return;
      void queue.release(connection);
    };
    socket.on("close", close);
    socket.on("error", close);
  });

  return new Promise<{ port: number; close: () => Promise<void> }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Start PGlite on a loopback port. `dataDir` keeps the data between runs; without it the
 * database lives in memory. Port 0 picks a free one.
 */
export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const host = "127.0.0.1";
  const server = await serve(db, host, options.port ?? 0);
  return {
    url: `postgresql://postgres:postgres@${host}:${server.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}
