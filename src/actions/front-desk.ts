/**
 * What the front desk does with a patient's text for the office (a new
 * number, when the office opens): resolve it with what was done ("updated
 * the address"), or pass it on to the care team when it turns out to be
 * theirs, where it joins the patient's case as a message for the care team.
 * The API and the app both call these.
 */
import { raiseAlert } from '../alerts/index.js';
import { DomainError, notFound } from '../errors.js';
import { findFrontDeskText, lockFrontDeskText, resolveFrontDeskText, type FrontDeskText } from '../store/front-desk.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import { actingCoordinator, authorize, isUuid } from './access.js';
import { audit, auditName } from './audit.js';
import type { ActionContext } from './context.js';

const RESOLVED = auditName('front_desk_text.resolve');
const PASSED = auditName('front_desk_text.pass_to_care_team');

/** The text, if the caller may act on it; another practice's text is "not found". */
export async function frontDeskTextFor(ctx: Pick<ActionContext, 'db' | 'actor'>, textId: string): Promise<FrontDeskText> {
  const text = isUuid(textId) ? await findFrontDeskText(ctx.db.pool, textId) : null;
  if (!text) throw notFound('front desk text');
  authorize(ctx.actor, text.practiceId, 'coordinator', 'front desk text');
  return text;
}

/** Resolves the text with what was done. Twice is harmless: the first (who, when, note) stays. */
export async function resolveFrontDeskTextAction(ctx: ActionContext, input: { textId: string; coordinatorId?: string | undefined; note: string }): Promise<FrontDeskText> {
  const text = await frontDeskTextFor(ctx, input.textId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, text.practiceId, input.coordinatorId, 'resolve front desk texts');
  return withTransaction(ctx.db.pool, async (tx) => {
    await lockFrontDeskText(tx, text.id);
    await resolveFrontDeskText(tx, text.id, { coordinatorId, note: input.note, at: ctx.at });
    await audit(tx, ctx, RESOLVED, text.practiceId, [text.patient.id]);
    return (await findFrontDeskText(tx, text.id))!;
  });
}

/**
 * Passes the text on to the care team: it raises (or joins) a message for the
 * care team in the patient's case, with the text as its evidence, and leaves
 * the front desk's list. A text resolved already is not passed on (409).
 */
export async function passToCareTeam(ctx: ActionContext, input: { textId: string; coordinatorId?: string | undefined; note?: string | undefined }): Promise<FrontDeskText> {
  const text = await frontDeskTextFor(ctx, input.textId);
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, text.practiceId, input.coordinatorId, 'pass texts to the care team');
  return withTransaction(ctx.db.pool, async (tx) => {
    const locked = await lockFrontDeskText(tx, text.id);
    if (locked?.resolved) {
      const now = (await findFrontDeskText(tx, text.id))!;
      if (now.passedAlertId) return now;
      throw new DomainError('conflict', 'This text was resolved at the front desk already; it can no longer be passed on.');
    }
    const [practice, patient] = [await findPractice(tx, text.practiceId), await findPatient(tx, text.patient.id)];
    const explanation = `The front desk passed on the patient's text${input.note ? `: ${input.note}` : ''}`;
    const { alert } = await raiseAlert(
      tx,
      { practice: practice!, patient: patient!, conversationId: null, messageId: text.id },
      { level: 'elevated', reason: 'message_for_team', explanation, evidence: [{ key: `message:${text.id}`, messageId: text.id, explanation, at: new Date(text.receivedAt) }] },
      ctx.at,
    );
    await resolveFrontDeskText(tx, text.id, { coordinatorId, note: input.note ?? 'Passed to the care team', at: ctx.at, passedAlertId: alert.id });
    await audit(tx, ctx, PASSED, text.practiceId, [text.patient.id]);
    return (await findFrontDeskText(tx, text.id))!;
  });
}
