// Prisma's interactive transactions, made to survive a database restart. When PostgreSQL goes away
// with transactions open, Prisma's ROLLBACK (or COMMIT) fails on the dead connection and Prisma
// then never hands the connection back to the pool: after a restart every connection was leaked
// and the app hung until it was restarted by hand. Here a transaction whose connection broke, or
// whose COMMIT/ROLLBACK failed, gives its connection back as broken (the pool drops it and opens a
// fresh one), exactly once. (@prisma/adapter-pg 6.19.3, with @prisma/client's TransactionManager.)
import "server-only";
import type { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
/** What adapter-pg's transaction object holds besides its interface (read, never replaced). */
type PgTransaction = Transaction & { client: pg.PoolClient & { _queryable?: boolean; _ending?: boolean }; cleanup?: () => void };

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

function guard(transaction: Transaction): Transaction {
  const tx = transaction as PgTransaction;
  const client = tx.client;
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    tx.cleanup?.();
    client.release(error);
  };
  const broken = () => client._queryable === false || client._ending === true;

  const wrap =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>, sqlOf: (...args: A) => string) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } catch (error) {
        // The transaction is over either way: give the connection back, marked broken.
        if (ENDS_TRANSACTION.test(sqlOf(...args)) || broken()) release(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    };
  const executeRaw = tx.executeRaw.bind(tx);
  const queryRaw = tx.queryRaw.bind(tx);
  tx.executeRaw = wrap(executeRaw, (query) => query.sql);
  tx.queryRaw = wrap(queryRaw, (query) => query.sql);
  tx.commit = () => Promise.resolve(release());
  tx.rollback = () => Promise.resolve(release());
  return tx;
}

/** The adapter factory, with every transaction it starts guarded as above. */
export function withResilientTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => guard(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}
