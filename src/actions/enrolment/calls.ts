/**
 * What a coordinator records after phoning a candidate from the call list:
 * the candidate said no (recorded as theirs, never asked again by a
 * campaign), or the call was made (off the call list). Consent taken on the
 * call is consent.ts's.
 */
import { declineInvitation } from '../../enrolment/index.js';
import { findCandidate, recordCall, type Candidate } from '../../store/candidates.js';
import { withTransaction } from '../../store/sql.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { actingStaff, candidateFor } from './access.js';
import type { CalledBody, PhoneDeclineBody } from './schemas.js';

const DECLINED = auditName('candidate.decline');
const CALLED = auditName('candidate.called');

/**
 * Records a no said to staff by phone ("told Linda Park, RN by phone"). A
 * candidate who consented is a conflict: their consent is revoked on the
 * patient's record instead.
 */
export async function declineForCandidate(ctx: ActionContext, input: { candidateId: string; decline: PhoneDeclineBody }): Promise<Candidate> {
  const { candidate, practice } = await candidateFor(ctx.db.pool, ctx.actor, input.candidateId);
  const by = await actingStaff(ctx.db.pool, ctx.actor, practice.id, input.decline.staffId, 'record a no');
  const note = input.decline.note ? `: ${input.decline.note}` : '';
  return withTransaction(ctx.db.pool, async (tx) => {
    // Locks the candidate, refuses one who consented (409), and takes them off the call list.
    await declineInvitation(tx, { candidate, how: `told ${by.name} by phone${note}`, at: ctx.at });
    await audit(tx, ctx, DECLINED, practice.id);
    return (await findCandidate(tx, candidate.id))!;
  });
}

/** The call was made and settled nothing: who called and what happened are kept, and the candidate leaves the call list. */
export async function markCalled(ctx: ActionContext, input: { candidateId: string; called: CalledBody }): Promise<Candidate> {
  const { candidate, practice } = await candidateFor(ctx.db.pool, ctx.actor, input.candidateId);
  const by = await actingStaff(ctx.db.pool, ctx.actor, practice.id, input.called.staffId, 'record a call');
  return withTransaction(ctx.db.pool, async (tx) => {
    await recordCall(tx, candidate.id, { by: by.name, note: input.called.note || null, at: ctx.at });
    await audit(tx, ctx, CALLED, practice.id);
    return (await findCandidate(tx, candidate.id))!;
  });
}
