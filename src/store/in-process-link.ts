/**
 * A `pg` connection's stream wired straight to PGlite on this thread, for an
 * in-memory database (store/database.ts): the same bytes of the PostgreSQL
 * wire protocol the Unix socket would carry, handed to PGlite and back
 * without the socket.
 *
 * Why: through the socket server every query costs two system calls, a turn
 * of the event loop and a trip through the server's queue per protocol
 * message. Measured here: 0.29 ms for `SELECT $1` by socket, 0.1 ms for
 * PGlite to answer it; the panel simulator makes hundreds of thousands of
 * queries. The SQL, the session and the driver are the ones the socket
 * serves: only the pipe differs.
 */
import { Duplex } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';

/** Terminate ('X'): the client is leaving; the session (PGlite's only one) stays for the next connection, as with the socket server. */
const TERMINATE = 0x58;

class PGliteStream extends Duplex {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly db: PGlite) {
    super();
  }

  // What `pg` asks of a net.Socket.
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {}

  /** Splits what the driver wrote into whole messages and has PGlite answer each in turn; the next write waits for the callback. */
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    for (;;) {
      // The startup message has no type byte: its length comes first.
      const length = this.started ? (this.pending.length >= 5 ? 1 + this.pending.readInt32BE(1) : 0) : this.pending.length >= 4 ? this.pending.readInt32BE(0) : 0;
      if (length === 0 || this.pending.length < length) break;
      messages.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
      this.started = true;
    }
    this.answer(messages).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.push(null);
    callback();
  }

  private async answer(messages: Buffer[]): Promise<void> {
    for (const message of messages) {
      if (message[0] === TERMINATE) {
        this.push(null);
        return;
      }
      // The stream form, as the socket server uses: execProtocolRaw() also parses every reply into a list
      // that only execProtocol() ever empties. Each chunk is copied out of PGlite's memory.
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(new Uint8Array(message), { onRawData: (chunk) => void this.push(Buffer.from(chunk)) }),
      );
    }
  }
}

/** A `stream` for pg's client config: each connection gets a pipe of its own to `db`. */
export const inProcessStream = (db: PGlite) => () => new PGliteStream(db);
