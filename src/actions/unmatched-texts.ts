/**
 * What a coordinator does with a text from an unknown number: link it to the
 * patient it is about ("this is Ruth's daughter"), and resolve it with what
 * was done ("called back: Ruth's daughter"). The API and the app both call these.
 */
import { fileUnderPatient } from '../alerts/index.js';
import { acknowledgeLocked } from '../escalation/index.js';
import { DomainError, notFound } from '../errors.js';
import { lockAlert } from '../store/alerts.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import { findUnmatchedText, linkUnmatchedText, lockLink, reviewUnmatchedText, type UnmatchedText } from '../store/unmatched-texts.js';
import { actingCoordinator, authorize, isUuid } from './access.js';
import { audit, auditName } from './audit.js';
import { viaWebApp, type ActionContext } from './context.js';

const REVIEWED = auditName('unmatched_text.review');
const LINKED = auditName('unmatched_text.link');

/** The text, if the caller may act on it; another practice's text is "not found". */
export async function unmatchedTextFor(ctx: Pick<ActionContext, 'db' | 'actor'>, textId: string): Promise<UnmatchedText> {
  const text = isUuid(textId) ? await findUnmatchedText(ctx.db.pool, textId) : null;
  if (!text) throw notFound('unmatched text');
  authorize(ctx.actor, text.practiceId, 'coordinator', 'unmatched text');
  return text;
}

/** Resolves the text: who read it, when, what was done. Twice is harmless: the first review (who, when, note) stays. */
export async function reviewText(ctx: ActionContext, input: { textId: string; coordinatorId?: string | undefined; note: string | null }): Promise<UnmatchedText> {
  const text = await unmatchedTextFor(ctx, input.textId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, text.practiceId, input.coordinatorId, 'review texts');
  return withTransaction(ctx.db.pool, async (tx) => {
    await reviewUnmatchedText(tx, text.id, { coordinatorId, note: input.note, at: ctx.at });
    // The sender is no patient: the row is the practice's (or the linked patient's).
    await audit(tx, ctx, REVIEWED, text.practiceId, text.linked ? [text.linked.patient.id] : undefined);
    return (await findUnmatchedText(tx, text.id))!;
  });
}

/**
 * Links the text to the patient it is about: it joins their record, and
 * their case when it needed a person (src/alerts/unknown-texts.ts). An alert
 * it opens is acknowledged by the coordinator who linked it: they are reading
 * it, and ringing the on-call phones about it again would only be noise.
 * Linking again to the same patient is harmless; to another is a conflict.
 */
export async function linkText(ctx: ActionContext, input: { textId: string; patientId: string; coordinatorId?: string | undefined }): Promise<UnmatchedText> {
  const text = await unmatchedTextFor(ctx, input.textId);
  const patient = isUuid(input.patientId) ? await findPatient(ctx.db.pool, input.patientId) : null;
  // Another practice's patient is one this caller cannot name: the same answer as none.
  if (!patient || patient.practiceId !== text.practiceId) throw new DomainError('validation_failed', 'no patient of this practice has this id', 'patientId');
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, text.practiceId, input.coordinatorId, 'link texts');
  return withTransaction(ctx.db.pool, async (tx) => {
    const { patientId: linkedTo } = await lockLink(tx, text.id);
    if (linkedTo && linkedTo !== patient.id) {
      throw new DomainError('conflict', 'This text is already linked to another patient; a text is linked once.');
    }
    if (!linkedTo) {
      await linkUnmatchedText(tx, text.id, { patientId: patient.id, coordinatorId, at: ctx.at });
      const linked = (await findUnmatchedText(tx, text.id))!;
      const practice = (await findPractice(tx, text.practiceId))!;
      const filed = await fileUnderPatient(tx, { practice, patient }, text, linked.linked!.by, ctx.at);
      if (filed?.opened) {
        const alert = await lockAlert(tx, filed.alert.id);
        if (alert) await acknowledgeLocked(tx, alert, { alertId: alert.id, coordinatorId, via: viaWebApp(ctx.actor) ? 'app' : 'api' }, ctx.at);
      }
    }
    await audit(tx, ctx, LINKED, text.practiceId, [patient.id]);
    return (await findUnmatchedText(tx, text.id))!;
  });
}
