import { coordinatorSms } from '../../prompts/coordinator.js';
import { markOverdue } from '../store/alerts.js';
import { listCoordinators, listOnCall } from '../store/coordinators.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { describeReason } from '../alerts/index.js';
import { queueOutreach } from '../messaging/index.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * An elevated alert's review deadline came. Still waiting (not acknowledged,
 * not resolved): it is marked overdue, once, and the first on-call
 * coordinator (everyone active when nobody is on call) is texted.
 */
export async function checkReviewDeadline(deps: RuntimeDeps, alertId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const alert = await markOverdue(tx, alertId, at);
    if (!alert) return;
    const [practice, patient] = await Promise.all([findPractice(tx, alert.practiceId), findPatient(tx, alert.patientId)]);
    if (!practice || !patient) return;
    const onCall = await listOnCall(tx, practice.id);
    const recipients = onCall.length > 0 ? onCall.slice(0, 1) : (await listCoordinators(tx, practice.id)).filter((c) => c.active);
    const hours = Math.round((at.getTime() - Date.parse(alert.createdAt)) / HOUR_MS);
    const body = coordinatorSms('coordinator.review_overdue', {
      practiceName: practice.name,
      patientName: `${patient.firstName} ${patient.lastName}`,
      reason: describeReason(alert.reason),
      waiting: `${hours} hours`,
      alertId: alert.id.slice(0, 8),
    });
    for (const coordinator of recipients) {
      await queueOutreach(tx, { practice, patient, kind: 'review_overdue', body, coordinator, at, about: { alertId: alert.id } });
    }
    await recordEvent(tx, {
      practiceId: practice.id,
      patientId: patient.id,
      conversationId: alert.conversationId,
      type: 'alert.overdue',
      detail: { alertId: alert.id, texted: recipients.map((c) => c.id) },
      at,
    });
  });
}
