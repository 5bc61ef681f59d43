/**
 * The ehr.writeback job: sends one queued document (an approved month, or
 * an addendum) to the practice's EHR and records what came of it. No
 * database transaction is open while the EHR is talked to. A transient
 * failure is retried with backoff; a refusal, a setting to fix or retries
 * run out leave the row 'failed' with the EHR's answer, on the practice
 * admin's list (GET /practices/:id/ehr/write-backs), from where it can be sent
 * again. Logs carry ids and statuses, never the bundle, the key or a token.
 */
import type { Bundle } from '@medplum/fhirtypes';
import type { RuntimeDeps } from '../runtime.js';
import { findCareMonth, listAddenda } from '../store/care-months.js';
import { findEhrConnection } from '../store/ehr-connections.js';
import { addendumSeqs, findWriteBack, settleWriteBack, type WriteBack } from '../store/ehr-writebacks.js';
import { enqueueJob } from '../store/job-queue.js';
import { withTransaction } from '../store/sql.js';
import { writeBackBundle } from './bundle.js';
import { EhrFailure } from './failure.js';
import type { SmartAuth } from './smart-auth.js';
import { documentLocation, postTransaction } from './transaction.js';

/** Sends per document before it is raised for the admin: about 2 h 50 min of backoff at the default base (30 s, x4 each time). */
export const MAX_WRITEBACK_ATTEMPTS = 6;
const BACKOFF_FACTOR = 4;

export type WriteBackDeps = Pick<RuntimeDeps, 'pool' | 'clock' | 'logger' | 'sendRetryBaseMs'> & { auth: SmartAuth };

export async function deliverWriteBack(deps: WriteBackDeps, writeBackId: string): Promise<void> {
  const row = await findWriteBack(deps.pool, writeBackId);
  if (!row || row.status !== 'pending') return;
  let location: string | null = null;
  try {
    const { connection, bundle } = await prepare(deps, row);
    const response = await postTransaction(deps.auth, connection, bundle);
    location = documentLocation(bundle, response);
  } catch (error) {
    if (!(error instanceof EhrFailure)) throw error;
    await recordFailure(deps, row, error);
    return;
  }
  await settleWriteBack(deps.pool, row.id, { status: 'sent', attempted: true, httpStatus: 200, error: null, documentReference: location, at: deps.clock.now() });
  deps.logger.info({ writeBackId: row.id, practiceId: row.practiceId, kind: row.kind, attempt: row.attempts + 1 }, 'ehr write-back sent');
}

/** The connection and the bundle: read in one short transaction, before any network. */
async function prepare(deps: WriteBackDeps, row: WriteBack): Promise<{ connection: NonNullable<Awaited<ReturnType<typeof findEhrConnection>>>; bundle: Bundle }> {
  return withTransaction(deps.pool, async (tx) => {
    const connection = await findEhrConnection(tx, row.practiceId);
    if (!connection) throw new EhrFailure('config', 'the practice has no EHR connection any more');
    if (!connection.enabled) throw new EhrFailure('config', 'the practice\'s EHR connection is turned off');
    const careMonth = await findCareMonth(tx, row.patientId, row.month);
    if (careMonth.status !== 'approved' || !careMonth.approvedRecord) throw new EhrFailure('config', `the month ${row.month} is not approved`);
    const record = careMonth.approvedRecord;
    if (row.kind === 'month') return { connection, bundle: writeBackBundle({ record, identifierSystem: connection.identifierSystem }) };
    const seqs = await addendumSeqs(tx, row.patientId, row.month);
    const addenda = await listAddenda(tx, row.patientId, row.month);
    const index = seqs.indexOf(row.addendumSeq!);
    if (index < 0 || !addenda[index]) throw new EhrFailure('config', 'the addendum is no longer in the record');
    const addendum = { ...addenda[index]!, number: index + 1 };
    return { connection, bundle: writeBackBundle({ record, identifierSystem: connection.identifierSystem, addendum }) };
  });
}

async function recordFailure(deps: WriteBackDeps, row: WriteBack, failure: EhrFailure): Promise<void> {
  const at = deps.clock.now();
  const attempt = row.attempts + 1;
  const retry = failure.retryable && attempt < MAX_WRITEBACK_ATTEMPTS;
  const line = { writeBackId: row.id, practiceId: row.practiceId, kind: failure.kind, httpStatus: failure.httpStatus, attempt };
  await withTransaction(deps.pool, async (tx) => {
    const error = retry || !failure.retryable ? failure.message : `${failure.message} (gave up after ${attempt} attempts)`;
    await settleWriteBack(tx, row.id, { status: retry ? 'pending' : 'failed', attempted: true, httpStatus: failure.httpStatus, error, at });
    if (retry) {
      const delay = deps.sendRetryBaseMs * BACKOFF_FACTOR ** (attempt - 1);
      await enqueueJob(tx, 'ehr.writeback', { writeBackId: row.id }, { runAt: new Date(at.getTime() + delay), now: at });
    }
  });
  // The EHR's words may quote the record: they stay in the row for the admin, out of the log.
  if (retry) deps.logger.warn(line, 'ehr write-back failed; will retry');
  else deps.logger.error(line, 'ehr write-back failed; raised for the practice admin');
}
