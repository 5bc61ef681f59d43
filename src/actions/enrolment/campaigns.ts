/**
 * Starting a campaign (admins): the candidates it names, or every listed one
 * whose last visit is recent enough, are invited; the invitations and their
 * reminders are jobs written in the same transaction (src/enrolment). A
 * candidate who needs an initiating visit first is never invited: the answer
 * names them as skipped, and why.
 */
import { startCampaign as runCampaign } from '../../enrolment/index.js';
import { withTransaction } from '../../store/sql.js';
import { practiceFor, writerLabel } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import type { StartCampaignBody } from './schemas.js';

const STARTED = auditName('campaign.create');

export type CampaignStart = Awaited<ReturnType<typeof runCampaign>>;

export async function startCampaign(ctx: ActionContext, input: { practiceId: string; campaign: StartCampaignBody }): Promise<CampaignStart> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { name, candidateIds, reminderDays } = input.campaign;
  return withTransaction(ctx.db.pool, async (tx) => {
    const started = await runCampaign(tx, ctx.runtime, {
      practice,
      name,
      candidateIds,
      ...(reminderDays && { reminderDays }),
      createdBy: writerLabel(ctx.actor),
      at: ctx.at,
    });
    await audit(tx, ctx, STARTED, practice.id);
    return started;
  });
}
