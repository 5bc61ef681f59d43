/** A coordinator has read a text from an unknown number, and says what was done ("called back: Ruth's daughter"). */
import { notFound } from '../errors.js';
import { withTransaction } from '../store/sql.js';
import { findUnmatchedText, reviewUnmatchedText, type UnmatchedText } from '../store/unmatched-texts.js';
import { actingCoordinator, authorize, isUuid } from './access.js';
import { audit, auditName } from './audit.js';
import type { ActionContext } from './context.js';

const REVIEWED = auditName('unmatched_text.review');

/** Marks the text read. Twice is harmless: the first review (who, when, note) stays. */
export async function reviewText(ctx: ActionContext, input: { textId: string; coordinatorId?: string | undefined; note: string | null }): Promise<UnmatchedText> {
  const text = isUuid(input.textId) ? await findUnmatchedText(ctx.db.pool, input.textId) : null;
  if (!text) throw notFound('unmatched text');
  authorize(ctx.actor, text.practiceId, 'coordinator', 'unmatched text');
  const coordinatorId = await actingCoordinator(ctx.db.pool, ctx.actor, text.practiceId, input.coordinatorId, 'review texts');
  return withTransaction(ctx.db.pool, async (tx) => {
    await reviewUnmatchedText(tx, text.id, { coordinatorId, note: input.note, at: ctx.at });
    // The sender is no patient: the row is the practice's.
    await audit(tx, ctx, REVIEWED, text.practiceId);
    return (await findUnmatchedText(tx, text.id))!;
  });
}
