/**
 * Queueing write-backs, inside the caller's transaction: the approval (or
 * the addendum) and the promise to send it to the EHR commit together, so a
 * crash between them can neither lose nor invent a document.
 */
import { findEhrConnection } from '../store/ehr-connections.js';
import { addendumSeqs, insertWriteBack, reopenWriteBack, type WriteBack } from '../store/ehr-writebacks.js';
import { enqueueJob } from '../store/job-queue.js';
import type { Queryable } from '../store/sql.js';

interface MonthOf {
  practiceId: string;
  patientId: string;
  month: string;
  at: Date;
}

/** True when the practice sends approved months to its EHR. */
async function writesBack(tx: Queryable, practiceId: string): Promise<boolean> {
  return (await findEhrConnection(tx, practiceId))?.enabled === true;
}

/** The approved month, to be sent as the note and its observations; nothing without an enabled connection. */
export async function queueMonthWriteBack(tx: Queryable, m: MonthOf): Promise<void> {
  if (!(await writesBack(tx, m.practiceId))) return;
  const row = await insertWriteBack(tx, { ...m, addendumSeq: null });
  if (row) await enqueueJob(tx, 'ehr.writeback', { writeBackId: row.id }, { runAt: m.at });
}

/**
 * Every addendum of the month not queued yet, each to go as a new version of
 * the note. Called after an addendum is written (by a person, or for time
 * logged after the approval); one already queued is left alone.
 */
export async function queueAddendaWriteBacks(tx: Queryable, m: MonthOf): Promise<void> {
  if (!(await writesBack(tx, m.practiceId))) return;
  for (const seq of await addendumSeqs(tx, m.patientId, m.month)) {
    const row = await insertWriteBack(tx, { ...m, addendumSeq: seq });
    if (row) await enqueueJob(tx, 'ehr.writeback', { writeBackId: row.id }, { runAt: m.at });
  }
}

/** A failed write-back queued again (the admin fixed the cause); null when there is no failed one of that id. */
export async function requeueWriteBack(tx: Queryable, practiceId: string, writeBackId: string, at: Date): Promise<WriteBack | null> {
  const row = await reopenWriteBack(tx, practiceId, writeBackId, at);
  if (row) await enqueueJob(tx, 'ehr.writeback', { writeBackId: row.id }, { runAt: at });
  return row;
}
