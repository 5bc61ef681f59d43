import { renderSms } from '../../prompts/index.js';
import { formatForReading } from '../phone.js';
import { claimEscalation, insertAlert, type Alert, type AlertLevel } from '../store/alerts.js';
import { listCoordinators, listOnCall } from '../store/coordinators.js';
import { enqueueJob } from '../store/job-queue.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { BotDeps } from './deps.js';
import { queueOutreach } from './outbox.js';

/** Urgent work jumps the job queue. */
const URGENT_PRIORITY = 20;

/** What a coordinator reads in an alert text, by reason code. */
const REASON_TEXT: Record<string, string> = {
  chest_pain: 'chest pain',
  breathing: 'trouble breathing',
  stroke: 'possible stroke signs',
  fainting: 'fainting',
  fall: 'a fall (hurt or unable to get up)',
  self_harm: 'thoughts of self-harm',
  severe_bleeding: 'severe bleeding',
  seizure: 'a seizure',
  allergic_reaction: 'a severe allergic reaction',
  confusion: 'sudden confusion',
  overdose: 'a possible overdose',
  severe_symptom: 'a severe symptom',
  bp_crisis: 'a very high blood pressure reading',
};

export const describeReason = (reason: string) => REASON_TEXT[reason.replace(/^red_flag:/, '')] ?? reason.replace(/_/g, ' ');

export interface AlertSubject {
  practice: Practice;
  patient: Patient;
  conversationId: string | null;
  messageId: string | null;
}

/**
 * Opens an alert for the care team. An urgent one is escalated at once by the
 * alert.escalate job, queued in the same transaction so it cannot be lost;
 * an elevated one waits in the review queue.
 */
export async function raiseAlert(tx: Queryable, subject: AlertSubject, level: AlertLevel, reason: string, at: Date): Promise<Alert> {
  const alert = await insertAlert(tx, {
    practiceId: subject.practice.id,
    patientId: subject.patient.id,
    conversationId: subject.conversationId,
    messageId: subject.messageId,
    level,
    reason,
    createdAt: at,
  });
  await recordEvent(tx, {
    practiceId: subject.practice.id,
    patientId: subject.patient.id,
    conversationId: subject.conversationId,
    messageId: subject.messageId,
    type: 'alert.raised',
    detail: { alertId: alert.id, level, reason },
    at,
  });
  if (level === 'urgent') await enqueueJob(tx, 'alert.escalate', { alertId: alert.id }, { runAt: at, priority: URGENT_PRIORITY });
  return alert;
}

/**
 * Texts the on-call coordinators about an urgent alert (everyone active when
 * nobody is on call). Quiet hours never apply to coordinators. Runs once per
 * alert however often the job is delivered.
 */
export async function escalateAlert(deps: BotDeps, alertId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const alert = await claimEscalation(tx, alertId, at);
    if (!alert) return;
    const [practice, patient] = await Promise.all([findPractice(tx, alert.practiceId), findPatient(tx, alert.patientId)]);
    if (!practice || !patient) return;
    const onCall = await listOnCall(tx, practice.id);
    const recipients = onCall.length > 0 ? onCall : (await listCoordinators(tx, practice.id)).filter((c) => c.active);
    const body = renderSms(
      [
        {
          prompt: 'coordinator.urgent_alert',
          params: {
            patientName: `${patient.firstName} ${patient.lastName}`,
            patientPhone: formatForReading(patient.phone),
            reason: describeReason(alert.reason),
            alertId: alert.id.slice(0, 8),
          },
        },
      ],
      'en',
      { firstName: '', practiceName: practice.name, practicePhone: formatForReading(practice.contactPhone) },
    );
    for (const coordinator of recipients) {
      await queueOutreach(tx, { practice, patient, kind: 'alert', body, coordinator, at }, URGENT_PRIORITY);
    }
    await recordEvent(tx, {
      practiceId: practice.id,
      patientId: patient.id,
      conversationId: alert.conversationId,
      type: recipients.length > 0 ? 'alert.escalated' : 'alert.unrouted',
      detail: { alertId: alert.id, coordinators: recipients.map((c) => c.id) },
      at,
    });
    if (recipients.length === 0) {
      deps.logger.error({ alertId: alert.id, practiceId: practice.id }, 'urgent alert: the practice has no coordinator to notify');
    }
  });
}
