/**
 * The 'summary.email' job: the month's summary (made by
 * conversation/summary-make.ts) rendered as an email and queued — the whole
 * summary to a patient who chose that knowing plain email is not private,
 * otherwise a note that it is ready with a link to it. Once: a summary that
 * has its email is left alone, and a patient who can no longer be emailed
 * gets none.
 */
import { emailBlock, queueEmail, summaryLinkShown, unsubscribeLinkShown } from '../../messaging/index.js';
import type { CareSummary } from '../../records/care-summary.js';
import { recordEvent } from '../../store/patient-events.js';
import { findPatient } from '../../store/patients.js';
import { findPractice } from '../../store/practices.js';
import { withTransaction } from '../../store/sql.js';
import { findSummary, setSummaryEmail } from '../../store/summaries.js';
import type { RuntimeDeps } from '../../runtime.js';
import { renderSummaryEmail } from './summary.js';

export async function emailSummary(deps: RuntimeDeps, summaryId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const summary = await findSummary(tx, summaryId, { lock: true });
    if (!summary || summary.emailId) return;
    const [practice, patient] = await Promise.all([findPractice(tx, summary.practiceId), findPatient(tx, summary.patientId)]);
    if (!practice || !patient || emailBlock(patient)) return;
    const full = patient.emailConsent === 'full';
    // Made by careSummary and kept as it was.
    const content = summary.content as unknown as CareSummary;
    const email = renderSummaryEmail(content, { full, link: summaryLinkShown(deps.publicUrl), unsubscribe: unsubscribeLinkShown(deps.publicUrl) });
    const queued = await queueEmail(tx, { practice, patient, kind: 'summary', ...email, at, full });
    await setSummaryEmail(tx, summary.id, queued.id);
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'summary_sent', detail: { full }, at });
  });
}
