/**
 * Twilio's requests to come, as events at their instants: a phone picked up,
 * a key pressed, a call ended, a text's delivery reported. One queue for
 * calls and texts, so the simulation loop (panel.ts) moves the clock to the
 * next one whatever it is, and nothing sleeps. Ties run in the order they
 * were queued: deterministic.
 */
import type { Clock } from '../src/clock.js';

export class EventQueue {
  private events: Array<{ at: number; seq: number; run: () => Promise<void> }> = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  nextAt(): Date | undefined {
    return this.events[0] ? new Date(this.events[0].at) : undefined;
  }

  /** Runs every event due by the service clock's now, in order (an event may queue the next). */
  async runDue(): Promise<void> {
    while (this.events[0] && this.events[0].at <= this.clock.now().getTime()) await this.events.shift()!.run();
  }

  after(ms: number, run: () => Promise<void> | void): void {
    this.at(this.clock.now().getTime() + Math.round(ms), async () => run());
  }

  at(at: number, run: () => Promise<void>): void {
    const event = { at, seq: this.seq++, run };
    // After every event due by then (ties keep their order), found from the end: a new event (a delivery
    // report seconds on) almost always goes last, and a search from the front read every queued event.
    let i = this.events.length;
    while (i > 0 && this.events[i - 1]!.at > at) i -= 1;
    this.events.splice(i, 0, event);
  }
}
