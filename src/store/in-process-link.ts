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

  /** Splits what the driver wrote into whole messages and has PGlite answer them; the next write waits for the callback. */
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

  /**
   * Hands PGlite every whole message of one write at once: a query's Parse, Bind, Describe, Execute and
   * Sync arrive together, and PGlite reads them in turn from one buffer (after an error it skips to the
   * Sync, as a server does). One call instead of one per message: each call costs a lock and a turn of
   * the event loop around it, about a third of a simple query's time here.
   */
  private async answer(messages: Buffer[]): Promise<void> {
    const end = messages.findIndex((m) => m[0] === TERMINATE);
    const batch = end === -1 ? messages : messages.slice(0, end);
    if (batch.length > 0) {
      const whole = batch.length === 1 ? batch[0]! : Buffer.concat(batch);
      // The stream form, as the socket server uses: execProtocolRaw() also parses every reply into a list
      // that only execProtocol() ever empties. Each chunk is copied out of PGlite's memory. No syncToFs:
      // this link serves only an in-memory database (store/database.ts), where there is nothing to sync,
      // and asking for it is one more lock and promise per call.
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength), {
          syncToFs: false,
          onRawData: (chunk) => void this.push(Buffer.from(chunk)),
        }),
      );
    }
    if (end !== -1) this.push(null);
  }
}

/** A `stream` for pg's client config: each connection gets a pipe of its own to `db`. */
export const inProcessStream = (db: PGlite) => () => new PGliteStream(db);
