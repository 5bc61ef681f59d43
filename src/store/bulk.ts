import type pg from 'pg';
import { withTransaction } from './sql.js';

/**
 * Bulk work (a CSV import) gets a bounded share of the database: at most
 * `slots` of its transactions run at once, each kept short by the caller.
 * The rest of the pool stays free for what cannot wait, a patient's text
 * above all. A bulk transaction waits for its slot in memory, holding no
 * connection.
 */
export interface BulkLane {
  transaction<T>(work: (tx: pg.PoolClient) => Promise<T>): Promise<T>;
}

export function createBulkLane(pool: pg.Pool, slots: number): BulkLane {
  let running = 0;
  const waiting: Array<() => void> = [];
  const acquire = (): Promise<void> => {
    if (running < slots) {
      running += 1;
      return Promise.resolve();
    }
    // The slot is handed over by release(), so `running` stays counted.
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async transaction(work) {
      await acquire();
      try {
        return await withTransaction(pool, work);
      } finally {
        release();
      }
    },
  };
}
