/**
 * The service's one source of time. Every instant that carries meaning (when
 * a text came or went, when an answer, alert or opt-out happened, when a job
 * is due, which day it is in a practice's timezone) is read from the clock the
 * service was built with, never from `new Date()` or the database's `now()`.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock: what production runs on. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that only moves when told to. Tests and simulations set it, move it
 * forward, and run the jobs that became due (see jobs/drive.ts), so nothing
 * waits in real time and a run does not depend on the hour it starts.
 */
export class ManualClock implements Clock {
  private instant: number;

  constructor(start: Date | string) {
    this.instant = toMillis(start);
  }

  now(): Date {
    return new Date(this.instant);
  }

  /** Moves the clock to `instant`; time never runs backwards. */
  set(instant: Date | string): void {
    const next = toMillis(instant);
    if (next < this.instant) {
      throw new RangeError(`the clock cannot go back from ${this.now().toISOString()} to ${new Date(next).toISOString()}`);
    }
    this.instant = next;
  }

  advance(ms: number): void {
    this.set(new Date(this.instant + ms));
  }
}

function toMillis(value: Date | string): number {
  const millis = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(millis)) throw new RangeError(`not an instant: ${String(value)}`);
  return millis;
}
