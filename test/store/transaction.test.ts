/**
 * withTransaction (store/sql.ts) on both databases: statements commit together
 * or not at all, and on the server's pipelining pool BEGIN, and any write sent
 * by writeLater, goes out in the same write to the socket as the transaction's
 * next statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, testDbKind } from '../helpers/database.js';
import type { Database } from '../../src/store/database.js';
import { withTransaction, writeLater } from '../../src/store/sql.js';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query('CREATE TABLE tx_probe (n int PRIMARY KEY)');
});
afterAll(() => db.close());

const count = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_probe')).rows[0]!.n;

describe('withTransaction', () => {
  it('commits every statement, and none when one fails; the connection serves the next transaction', async () => {
    await withTransaction(db.pool, async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES (1)');
      await tx.query('INSERT INTO tx_probe VALUES (2)');
    });
    await expect(
      withTransaction(db.pool, async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (3)');
        await tx.query('INSERT INTO tx_probe VALUES (1)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(2);
    await expect(withTransaction(db.pool, async () => Promise.reject(new Error('before any statement')))).rejects.toThrow('before any statement');
    expect(await withTransaction(db.pool, async () => 'nothing asked')).toBe('nothing asked');
    await withTransaction(db.pool, (tx) => tx.query('INSERT INTO tx_probe VALUES (4)'));
    expect(await count()).toBe(3);
  });

  it('commits a write sent for later with the rest; one that fails undoes them all, and its own error is the one heard', async () => {
    const before = await count();
    await withTransaction(db.pool, async (tx) => {
      await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (20)' });
      await tx.query('INSERT INTO tx_probe VALUES (21)');
      await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (22)' });
    });
    expect(await count()).toBe(before + 3);
    await expect(
      withTransaction(db.pool, async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (23)');
        // A duplicate, sent for later: the statement after it meets an aborted transaction (25P02) on the server.
        await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (20)' });
        await tx.query('SELECT 1');
        await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (24)' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(before + 3);
    // The connection serves the next transaction.
    await withTransaction(db.pool, (tx) => writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (25)' }));
    expect(await count()).toBe(before + 4);
  });

  it.runIf(testDbKind() === 'server')('sends BEGIN in one write with the first statement on a pipelining connection', async () => {
    const client = await db.pool.connect();
    const pipelined = (client as { pipeline?: boolean }).pipeline;
    const stream = (client as pg.PoolClient & { connection: { stream: { _write: unknown; _writev: unknown } } }).connection.stream;
    client.release();
    expect(pipelined).toBe(true);
    let writes = 0;
    const count = <F extends (...args: never[]) => unknown>(original: F) =>
      function (this: unknown, ...args: Parameters<F>) {
        writes += 1;
        return original.apply(this, args);
      };
    const [write, writev] = [stream._write as (...args: never[]) => unknown, stream._writev as (...args: never[]) => unknown];
    stream._write = count(write);
    stream._writev = count(writev);
    try {
      // The pool has one idle client after the connect above: the transaction takes it.
      await withTransaction(db.pool, async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (10)');
        await tx.query('INSERT INTO tx_probe VALUES (11)');
      });
    } finally {
      stream._write = write;
      stream._writev = writev;
    }
    // BEGIN with the first insert, the second insert, COMMIT.
    expect(writes).toBe(3);
    writes = 0;
    stream._write = count(write);
    stream._writev = count(writev);
    try {
      await withTransaction(db.pool, async (tx) => {
        await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (12)' });
        await tx.query('SELECT 1');
        await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (13)' });
        await writeLater(tx, { text: 'INSERT INTO tx_probe VALUES (14)' });
      });
    } finally {
      stream._write = write;
      stream._writev = writev;
    }
    // BEGIN, the first insert and the SELECT; the two inserts after it with COMMIT.
    expect(writes).toBe(2);
  });
});
