/**
 * The patient opens the summary's link from their email: the summary as it
 * was sent, while the link lasts. Links that match nothing count against the
 * caller like the questionnaire's (someone guessing gets nowhere).
 */
import { hashToken, looksLikeToken } from '../messaging/index.js';
import type { CareSummary } from '../records/care-summary.js';
import { recordEvent } from '../store/patient-events.js';
import { linkFailures, noteLinkFailure } from '../store/questionnaires.js';
import { findSummaryByToken, markSummaryOpened } from '../store/summaries.js';
import { withTransaction } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { LINK_FAILURE_WINDOW_MS, MAX_LINK_FAILURES } from './questionnaire-form.js';

/**
 * An expired link was a real one, sent to the patient: its page may speak
 * their language and name their practice, so they know whom to call for a
 * copy. A link that matches nothing names nobody.
 */
export type SummaryView =
  | { kind: 'summary'; summary: CareSummary }
  | { kind: 'expired'; locale: CareSummary['locale']; practice: CareSummary['practice'] }
  | { kind: 'invalid' | 'too_many_attempts' };

export async function openSummary(deps: RuntimeDeps, token: string, client: string): Promise<SummaryView> {
  const at = deps.clock.now();
  const since = new Date(at.getTime() - LINK_FAILURE_WINDOW_MS);
  return withTransaction(deps.pool, async (tx) => {
    if ((await linkFailures(tx, client, since)) >= MAX_LINK_FAILURES) return { kind: 'too_many_attempts' };
    const summary = looksLikeToken(token) ? await findSummaryByToken(tx, hashToken(token)) : null;
    if (!summary) {
      const failures = await noteLinkFailure(tx, client, at, since);
      return { kind: failures >= MAX_LINK_FAILURES ? 'too_many_attempts' : 'invalid' };
    }
    // Made by careSummary when it was sent, and kept as it was.
    const content = summary.content as unknown as CareSummary;
    if (Date.parse(summary.expiresAt) <= at.getTime()) return { kind: 'expired', locale: content.locale, practice: content.practice };
    if (await markSummaryOpened(tx, summary.id, at)) {
      await recordEvent(tx, { practiceId: summary.practiceId, patientId: summary.patientId, type: 'summary_opened', at });
    }
    return { kind: 'summary', summary: content };
  });
}
