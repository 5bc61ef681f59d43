import { DateTime } from 'luxon';
import { coordinatorSms } from '../../prompts/coordinator.js';
import { listCoordinators } from '../store/coordinators.js';
import { claimDigestDelivery, queueCounts, setDigestMessage } from '../store/digests.js';
import { enqueueJob } from '../store/job-queue.js';
import { findPractice, listPractices, type Practice } from '../store/practices.js';
import { cancelPendingRuns, claimRun, scheduleRun } from '../store/scheduled-runs.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { callList, invitationCalls } from '../alerts/index.js';
import { queueOutreach } from '../messaging/index.js';

const DIGEST = 'digest';
const runKey = (practiceId: string, date: string) => `${practiceId}:${date}`;

/**
 * The first digest time of the practice strictly after `after`: its digest
 * time on a local calendar day, so 07:30 stays 07:30 across daylight-saving
 * changes (a time that does not exist that day moves to the first minute after).
 */
export function nextDigestAt(practice: Pick<Practice, 'timezone' | 'digestTime'>, after: Date): { date: string; at: Date } {
  const [hour, minute] = practice.digestTime.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(after, { zone: practice.timezone });
  for (let days = 0; ; days += 1) {
    const day = local.plus({ days }).startOf('day');
    const at = day.set({ hour, minute });
    if (at.toMillis() > after.getTime()) return { date: day.toISODate()!, at: at.toJSDate() };
  }
}

/** Makes sure the practice's next digest is scheduled, once, whoever asks (a restart, a second instance). */
export async function scheduleDigest(tx: Queryable, practice: Practice, after: Date): Promise<void> {
  const next = nextDigestAt(practice, after);
  if (await scheduleRun(tx, DIGEST, runKey(practice.id, next.date), next.at)) {
    await enqueueJob(tx, 'digest.send', { practiceId: practice.id, date: next.date }, { runAt: next.at, now: after });
  }
}

/** The practice changed its digest time: the digests not yet sent are planned again. */
export async function rescheduleDigest(tx: Queryable, practice: Practice, at: Date): Promise<void> {
  await cancelPendingRuns(tx, DIGEST, `${practice.id}:`);
  await scheduleDigest(tx, practice, at);
}

/** At start: every practice's next digest is scheduled (those created before this version too). */
export async function scheduleAllDigests(deps: RuntimeDeps): Promise<void> {
  const at = deps.clock.now();
  for (const practice of await listPractices(deps.pool)) {
    await withTransaction(deps.pool, (tx) => scheduleDigest(tx, practice, at));
  }
}

/**
 * Sends a practice's morning digest for `date` to each active coordinator who
 * gets it: counts only (open urgent alerts, reviews waiting and overdue,
 * patients and candidates to call), no names. Runs once per practice and
 * day, and each coordinator gets at most one per day, whatever restarts,
 * repeated jobs or second instances happen. Then the next day's is scheduled.
 */
export async function sendDigest(deps: RuntimeDeps, job: { practiceId: string; date: string }): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const practice = await findPractice(tx, job.practiceId);
    if (!practice) return;
    if (await claimRun(tx, DIGEST, runKey(practice.id, job.date), at)) {
      const counts = await queueCounts(tx, practice.id);
      // The call list as Today shows it: the patients, and the candidates a campaign left for a person to call.
      const patients = (await callList(tx, practice, at)).length;
      const invitations = (await invitationCalls(tx, practice)).length;
      const vars = { practiceName: practice.name, ...counts, toCall: patients + invitations, invitations };
      const body = coordinatorSms(invitations > 0 ? 'coordinator.digest_with_invitations' : 'coordinator.digest', vars);
      const coordinators = (await listCoordinators(tx, practice.id)).filter((c) => c.active && c.receivesDigest);
      for (const coordinator of coordinators) {
        if (!(await claimDigestDelivery(tx, coordinator.id, job.date))) continue;
        const message = await queueOutreach(tx, { practice, patient: null, kind: 'digest', body, coordinator, at });
        await setDigestMessage(tx, coordinator.id, job.date, message.id);
      }
    }
    await scheduleDigest(tx, practice, at);
  });
}
