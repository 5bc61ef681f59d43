/**
 * Staff time the service saw happen, recorded so nobody has to type it: a
 * coordinator's escalation call bridged to the patient (its length), and the
 * time from acknowledging an alert to resolving it when both happen in one
 * sitting (staff correct it like any entry). Captured once per source, and never over time the staff
 * member already logged: only the longest free stretch is kept.
 */
import type { Alert } from '../store/alerts.js';
import type { Queryable } from '../store/sql.js';
import { lockStaff } from '../store/staff.js';
import { insertTimeEntry, overlappingEntries, type NewTimeEntry } from '../store/time-entries.js';

/** Acknowledging to resolving an alert counts only when it took at most this long. */
export const ALERT_HANDLING_CAP_MS = 30 * 60_000;

/** The longest part of [start, end) that no other entry of theirs covers; null when none is left. */
async function freeStretch(tx: Queryable, staffId: string, start: Date, end: Date): Promise<{ start: Date; end: Date } | null> {
  const taken = await overlappingEntries(tx, staffId, start, end);
  let best: { start: Date; end: Date } | null = null;
  let cursor = start.getTime();
  const consider = (from: number, to: number) => {
    if (to - from >= 1000 && (!best || to - from > best.end.getTime() - best.start.getTime())) best = { start: new Date(from), end: new Date(to) };
  };
  for (const entry of taken) {
    consider(cursor, Math.min(Date.parse(entry.start), end.getTime()));
    cursor = Math.max(cursor, Date.parse(entry.end));
  }
  consider(cursor, end.getTime());
  return best;
}

type Capture = Pick<NewTimeEntry, 'practiceId' | 'patientId' | 'staffId' | 'activity' | 'start' | 'end'> & {
  /** What the time came from: it is captured once. */
  from: string;
  note: string;
  at: Date;
};

async function capture(tx: Queryable, c: Capture): Promise<void> {
  await lockStaff(tx, c.staffId);
  const stretch = await freeStretch(tx, c.staffId, c.start, c.end);
  if (!stretch) return;
  await insertTimeEntry(tx, {
    practiceId: c.practiceId,
    patientId: c.patientId,
    staffId: c.staffId,
    activity: c.activity,
    start: stretch.start,
    end: stretch.end,
    note: c.note,
    source: 'captured',
    capturedFrom: c.from,
    recordedBy: 'ccm-bot (captured)',
    recordedAt: c.at,
  });
}

/** A coordinator's escalation call was bridged to the patient for `seconds`, ending at `at`. */
export function captureBridgedCall(tx: Queryable, alert: Alert, attemptId: string, coordinatorId: string, seconds: number, at: Date) {
  if (seconds <= 0) return Promise.resolve();
  return capture(tx, {
    practiceId: alert.practiceId,
    patientId: alert.patientId,
    staffId: coordinatorId,
    activity: 'call',
    start: new Date(at.getTime() - seconds * 1000),
    end: at,
    from: `escalation_call:${attemptId}`,
    note: `Call with the patient about an urgent alert (${alert.reason}), bridged by ccm-bot`,
    at,
  });
}

/**
 * A coordinator resolved an alert they (or a colleague) acknowledged at the
 * desk within ALERT_HANDLING_CAP_MS: one sitting, counted as their time (an
 * acknowledgement by key on the ring starts none: escalation/alert-actions.ts). An alert
 * acknowledged on Monday and resolved on Wednesday says nothing of how long
 * anyone worked on it in between, and billing must rest on time actually
 * spent (DOMAIN.md): nothing is captured, and the coordinator logs what
 * they did.
 */
export function captureAlertHandling(tx: Queryable, alert: Alert, resolverId: string, at: Date) {
  if (!alert.acknowledgedAt) return Promise.resolve();
  const start = new Date(alert.acknowledgedAt);
  const end = at;
  if (end <= start || end.getTime() - start.getTime() > ALERT_HANDLING_CAP_MS) return Promise.resolve();
  return capture(tx, {
    practiceId: alert.practiceId,
    patientId: alert.patientId,
    staffId: resolverId,
    activity: 'data_review',
    start,
    end,
    from: `alert:${alert.id}`,
    note: `Reviewing and acting on an alert (${alert.reason}), from acknowledgement to resolution in one sitting`,
    at,
  });
}
