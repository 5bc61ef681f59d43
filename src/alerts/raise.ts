import { addEvidence, type NewEvidence } from '../store/alert-evidence.js';
import { insertAlert, lockOpenAlert, updateExplanation, type Alert, type AlertJob, type AlertLevel } from '../store/alerts.js';
import { openCaseFor, refreshCase, refreshLockedCase } from '../store/cases.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';

/** Urgent work jumps the job queue. */
export const URGENT_PRIORITY = 20;
const HOUR_MS = 60 * 60 * 1000;

export interface AlertSubject {
  practice: Practice;
  patient: Patient;
  conversationId: string | null;
  /** The message that raised it (a patient's text), when one did. */
  messageId: string | null;
}

export interface AlertRequest {
  level: AlertLevel;
  reason: string;
  /** Why, in words a coordinator reads. */
  explanation: string;
  /** What it rests on; a piece of evidence already on the alert is not added twice. */
  evidence: NewEvidence[];
  /** Elevated alerts: how long it may wait for review (the practice's reviewHours when unset). */
  reviewHours?: number | undefined;
}

/**
 * Puts something in front of the care team. One alert stays open per patient
 * and reason: new evidence joins it instead of opening a second. Every alert
 * belongs to the patient's one unresolved case, opened with the first: a new
 * alert puts an acknowledged case back to open (there is news). A new urgent
 * alert starts its escalation at once (the escalation.step job, queued in the
 * same transaction so it cannot be lost); a new elevated one gets a review
 * deadline, checked by the alert.review_due job.
 */
export async function raiseAlert(tx: Queryable, subject: AlertSubject, request: AlertRequest, at: Date): Promise<{ alert: Alert; opened: boolean }> {
  const { practice, patient } = subject;
  // The case before the alert: the lock order every path keeps (store/cases.ts).
  const patientCase = await openCaseFor(tx, { practiceId: practice.id, patientId: patient.id, level: request.level, at });
  const open = await lockOpenAlert(tx, patient.id, request.reason);
  if (open) return { alert: await joinOpenAlert(tx, open, request, at), opened: false };
  const reviewDueAt = request.level === 'elevated' ? new Date(at.getTime() + (request.reviewHours ?? practice.reviewHours) * HOUR_MS) : null;
  // Urgent: its escalation starts at once, ahead of other work. Elevated: its review deadline is checked when due.
  const job: AlertJob = reviewDueAt ? { name: 'alert.review_due', runAt: reviewDueAt, priority: 0 } : { name: 'escalation.step', step: 0, runAt: at, priority: URGENT_PRIORITY };
  const alert = await insertAlert(
    tx,
    {
      practiceId: practice.id,
      patientId: patient.id,
      caseId: patientCase.id,
      conversationId: subject.conversationId,
      messageId: subject.messageId,
      level: request.level,
      reason: request.reason,
      explanation: request.explanation,
      reviewDueAt,
      createdAt: at,
    },
    request.evidence,
    job,
  );
  if (!alert) {
    // Another transaction opened one for this reason a moment ago: join it.
    const raced = await lockOpenAlert(tx, patient.id, request.reason);
    return { alert: await joinOpenAlert(tx, raced!, request, at), opened: false };
  }
  // The case is locked since openCaseFor; its alerts, the new one among them, are read now.
  await refreshLockedCase(tx, patientCase.id, at);
  return { alert, opened: true };
}

async function joinOpenAlert(tx: Queryable, open: Alert, request: AlertRequest, at: Date): Promise<Alert> {
  const added = await addEvidence(tx, open.id, request.evidence, at);
  if (added.length === 0) return open;
  await updateExplanation(tx, open.id, request.explanation, at);
  // News on the case too: it was updated now (its status stays what its alerts' statuses make it).
  if (open.caseId) await refreshCase(tx, open.caseId, at);
  return open;
}
