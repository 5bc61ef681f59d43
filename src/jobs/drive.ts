import type pg from 'pg';
import type { ManualClock } from '../clock.js';
import { nextDueAt } from '../store/job-queue.js';
import type { JobRunner } from './runner.js';

/**
 * Moves a manual clock forward to `target`, stopping at each moment a job
 * falls due and running it then: a text held for quiet hours goes out at
 * 08:00 and is recorded at 08:00, a retry runs at its backoff time, a 24-hour
 * timeout fires 24 hours after its question. Jobs queued on the way run in
 * their turn. Returns how many jobs ran. For tests and simulations; the
 * running service uses Agenda's workers on the machine's clock.
 */
export async function advanceClock(runner: JobRunner, pool: pg.Pool, clock: ManualClock, target: Date): Promise<number> {
  if (target < clock.now()) throw new RangeError(`cannot advance to ${target.toISOString()}: it is before ${clock.now().toISOString()}`);
  let ran = await runner.runDue();
  for (;;) {
    const next = await nextDueAt(pool, runner.jobs);
    if (!next || next > target) break;
    if (next > clock.now()) clock.set(next);
    const step = await runner.runDue();
    // A due job nobody could take (another worker holds it): stop rather than spin.
    if (step === 0) break;
    ran += step;
  }
  clock.set(target);
  return ran + (await runner.runDue());
}
