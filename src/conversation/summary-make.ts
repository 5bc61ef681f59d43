/**
 * The week-4 summary is made: from the patient's care plan, medicines,
 * upcoming appointments and the month so far, kept as it will be sent, and
 * handed to the email channel to send. A patient with no address, no email
 * consent, who stopped emails, or whose address bounced gets none (the
 * contact is recorded as skipped, and why).
 */
import { DateTime } from 'luxon';
import { emailBlock } from '../messaging/index.js';
import { careSummary } from '../records/care-summary.js';
import { upcomingAppointments } from '../store/appointments.js';
import { findCarePlan } from '../store/care-plans.js';
import type { Medication } from '../store/medications.js';
import { answeredSince, observationsIn } from '../store/month-activity.js';
import { enqueueJob } from '../store/job-queue.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import { insertSummary } from '../store/summaries.js';
import type { Queryable } from '../store/sql.js';

/** The summary's link works this long. */
export const SUMMARY_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Makes the month's summary and asks for its email; returns why it cannot go, or null. */
export async function makeSummary(
  tx: Queryable,
  c: { practice: Practice; patient: Patient; outreachId: string; medications: readonly Medication[]; at: Date },
): Promise<string | null> {
  const { practice, patient, at } = c;
  const block = emailBlock(patient);
  if (block) return block;
  const zone = patient.timezone ?? practice.timezone;
  const monthStart = DateTime.fromJSDate(at, { zone }).startOf('month');
  const locale = patient.language;
  const content = careSummary({
    month: monthStart.toFormat('yyyy-MM'),
    locale,
    zone,
    firstName: patient.firstName,
    practice: { name: practice.name, phone: practice.contactPhone },
    carePlan: await findCarePlan(tx, patient.id),
    medicines: c.medications,
    appointments: await upcomingAppointments(tx, patient.id, at),
    observations: (await observationsIn(tx, patient.id, { from: monthStart.toJSDate(), to: at })).map((o) => ({ kind: o.kind, value: o.value, observedAt: o.at })),
    answered: await answeredSince(tx, patient.id, monthStart.toJSDate()),
  });
  const summary = await insertSummary(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    outreachId: c.outreachId,
    month: content.month,
    content,
    createdAt: at,
    expiresAt: new Date(at.getTime() + SUMMARY_LIFETIME_MS),
  });
  // The email channel renders and queues it (src/channels/email/send-summary.ts), in a job of its own.
  if (summary) await enqueueJob(tx, 'summary.email', { summaryId: summary.id }, { runAt: at });
  return null;
}
