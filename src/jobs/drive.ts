import type pg from 'pg';
import type { ManualClock } from '../clock.js';
import type { JobRunner } from './runner.js';

/**
 * Moves a manual clock forward to `target`, stopping at each moment a job
 * falls due and running it then: a text held for quiet hours goes out at
 * 08:00 and is recorded at 08:00, a retry runs at its backoff time, a 24-hour
 * timeout fires 24 hours after its question. Jobs queued on the way run in
 * their turn. Returns how many jobs ran. For tests and simulations; the
 * running service uses Agenda's workers on the machine's clock.
 * (`pool` is no longer read: the runner's own claims say when the next job is due.)
 */
export async function advanceClock(runner: JobRunner, _pool: pg.Pool, clock: ManualClock, target: Date): Promise<number> {
  if (target < clock.now()) throw new RangeError(`cannot advance to ${target.toISOString()}: it is before ${clock.now().toISOString()}`);
  let ran = 0;
  for (;;) {
    const step = await runner.runDueJobs();
    ran += step.ran;
    const next = step.nextDueAt;
    // A due job nobody could take (another worker holds it; next <= now): stop rather than spin.
    if (!next || next > target || next <= clock.now()) break;
    clock.set(next);
  }
  if (clock.now() < target) {
    clock.set(target);
    ran += (await runner.runDueJobs()).ran;
  }
  return ran;
}

/**
 * One step of a clock-driven loop that has its own events besides jobs (the
 * panel simulator): runs the jobs due now; if none was, moves the clock to the
 * first instant a job falls due, or to `limit` if that comes first, and runs
 * the jobs due then. It stops there so the caller can see what those jobs
 * started (a text's delivery report, a phone ringing) before time moves on.
 * Returns how many jobs ran and when the next is due, as the last claim saw it.
 * A caller that knows nothing has touched the database since the last step
 * passes that back as `known`: no job can have been queued, and the claim at
 * `now` would only say so again. A job due now that nobody can take (another
 * worker holds it) does not hold the clock back.
 */
export async function advanceToNextJob(
  runner: JobRunner,
  clock: ManualClock,
  limit: Date,
  known?: { nextDueAt: Date | null },
): Promise<{ ran: number; nextDueAt: Date | null }> {
  const now = clock.now();
  if (limit < now) throw new RangeError(`cannot advance to ${limit.toISOString()}: it is before ${now.toISOString()}`);
  const first = known ? { ran: 0, nextDueAt: known.nextDueAt } : await runner.runDueJobs();
  // What these jobs started may be due now: the caller looks before time moves.
  if (first.ran > 0) return first;
  const next = first.nextDueAt;
  const stop = next && next > now && next < limit ? next : limit;
  if (stop.getTime() === now.getTime()) return first;
  clock.set(stop);
  // Stopped at the limit with the first job due after it (or none queued): nothing can be due there, and a
  // claim would only say so again. Most steps of a simulated month end so, at a text or a phone's event.
  if (stop === limit && (next === null || next > limit)) return { ran: 0, nextDueAt: next };
  return runner.runDueJobs();
}
