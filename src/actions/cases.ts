/**
 * What coordinators do with a patient's case: acknowledge it (every open alert
 * in it, so their escalations stop), resolve it with a note (every alert in
 * it), or text the patient (which takes it). Written to the access log as the
 * one who acted, in the same transaction.
 */
import { endOpenCheckInByStaff } from '../conversation/index.js';
import { acknowledgeCaseLocked, resolveCaseLocked, textPatientOfCase } from '../escalation/index.js';
import { DomainError, notFound } from '../errors.js';
import { findCase, type Case } from '../store/cases.js';
import { findCoordinator } from '../store/coordinators.js';
import type { Message } from '../store/messages.js';
import { lockPatient, type Patient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import { actingCoordinator, authorize, isUuid } from './access.js';
import { audit, auditEntry, auditName } from './audit.js';
import { viaWebApp, type ActionContext } from './context.js';

const ACKNOWLEDGED = auditName('case.acknowledge');
const RESOLVED = auditName('case.resolve');
const TEXTED = auditName('case.text');

/** The case, if the caller may act on it; another practice's case is "not found". */
export async function caseFor(ctx: Pick<ActionContext, 'db' | 'actor'>, caseId: string): Promise<Case> {
  const found = isUuid(caseId) ? await findCase(ctx.db.pool, caseId) : null;
  if (!found) throw notFound('case');
  authorize(ctx.actor, found.practiceId, 'coordinator', 'case');
  return found;
}

const via = (ctx: ActionContext) => (viaWebApp(ctx.actor) ? 'app' : 'api');

/** Takes the whole case: each open alert in it is acknowledged. Twice is harmless: the first acknowledgements stay. */
export async function acknowledgeCase(ctx: ActionContext, input: { caseId: string; coordinatorId?: string | undefined }): Promise<Case> {
  const target = await caseFor(ctx, input.caseId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, target.practiceId, input.coordinatorId, 'act on cases');
  return withTransaction(ctx.db.pool, async (tx) => {
    await acknowledgeCaseLocked(tx, target.id, { coordinatorId, via: via(ctx) }, ctx.at);
    await audit(tx, ctx, ACKNOWLEDGED, target.practiceId, [target.patientId]);
    return (await findCase(tx, target.id))!;
  });
}

/** Closes the case with a note: every alert in it is resolved with it (acknowledged too, if nobody had). Twice is harmless. */
export async function resolveCase(ctx: ActionContext, input: { caseId: string; coordinatorId?: string | undefined; note: string }): Promise<Case> {
  const target = await caseFor(ctx, input.caseId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, target.practiceId, input.coordinatorId, 'act on cases');
  return withTransaction(ctx.db.pool, async (tx) => {
    await resolveCaseLocked(tx, target.id, { coordinatorId, via: via(ctx), note: input.note }, ctx.at);
    await audit(tx, ctx, RESOLVED, target.practiceId, [target.patientId]);
    return (await findCase(tx, target.id))!;
  });
}

/** Why a text cannot go to this patient, in words for the coordinator; null when it can. */
function whyNoText(patient: Patient): string | null {
  if (patient.status === 'disenrolled') return 'The patient is no longer enrolled: nothing is sent to them.';
  if (patient.smsOptedOutAt) return 'The patient stopped texts (they replied STOP): call them instead.';
  if (patient.phoneInvalidAt) return "The patient's phone cannot take texts: call them instead.";
  return null;
}

/**
 * Texts the case's patient her words, signed with her name, and takes the case (escalation/case-text.ts);
 * a check-in still open ends (conversation/cancel-check-in.ts).
 * Refused (409) when nothing may be texted to the patient. The same words again within minutes are the
 * same text: the first is returned, `repeated`. Outside the patient's hours it waits for the morning.
 */
export async function textCasePatient(
  ctx: ActionContext,
  input: { caseId: string; coordinatorId?: string | undefined; words: string },
): Promise<{ case: Case; message: Message; repeated: boolean }> {
  const target = await caseFor(ctx, input.caseId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, target.practiceId, input.coordinatorId, 'act on cases');
  return withTransaction(ctx.db.pool, async (tx) => {
    // The patient first, as a text's turn takes it, then the case (textPatientOfCase). One after another: a transaction is one connection.
    const patient = await lockPatient(tx, target.patientId);
    const practice = await findPractice(tx, target.practiceId);
    const coordinator = await findCoordinator(tx, target.practiceId, coordinatorId);
    if (!patient || !practice || !coordinator) throw notFound('case');
    const refused = whyNoText(patient);
    if (refused) throw new DomainError('conflict', refused);
    const sent = await textPatientOfCase(tx, { caseId: target.id, practice, patient, coordinator, words: input.words }, { via: via(ctx) }, ctx.at);
    if (!sent.repeated) {
      // Her text and an open check-in's question would both wait for the patient's next words: the check-in ends.
      await endOpenCheckInByStaff(tx, patient.id, { by: auditEntry(ctx, TEXTED, target.practiceId).actor, reason: 'care_team_text' }, ctx.at);
      await audit(tx, ctx, TEXTED, target.practiceId, [target.patientId]);
    }
    return { case: (await findCase(tx, target.id))!, ...sent };
  });
}
