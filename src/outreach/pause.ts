/**
 * Pausing a patient's automated outreach (a hospital stay, a trip) and
 * resuming it. A pause with an end is lifted by itself then: the patient is
 * planned again at that moment.
 */
import { enqueueJob } from '../store/job-queue.js';
import { unplan } from '../store/outreach.js';
import { recordEvent } from '../store/patient-events.js';
import { setPause, type Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { planPatient } from './planning.js';

export async function pausePatient(tx: Queryable, practice: Practice, patient: Patient, until: Date | null, at: Date): Promise<Patient> {
  const paused = (await setPause(tx, patient.id, { until }, at))!;
  await unplan(tx, { patientId: patient.id });
  if (until) await enqueueJob(tx, 'outreach.plan', { practiceId: practice.id, patientId: patient.id }, { runAt: until, now: at });
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'outreach.paused', detail: { until: until?.toISOString() ?? null }, at });
  return paused;
}

export async function resumePatient(tx: Queryable, practice: Practice, patient: Patient, at: Date): Promise<Patient> {
  const resumed = (await setPause(tx, patient.id, null, at))!;
  await planPatient(tx, practice, resumed, at);
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'outreach.resumed', at });
  return resumed;
}
