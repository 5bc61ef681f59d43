/**
 * Which medicines a dose reminder is for. A reminder is planned per patient
 * and time (src/planning, reminderContacts); when it goes, the medicines are
 * those due at its planned time as the patient's list is now: one stopped
 * since is left out, and every medicine due then is in the one text.
 */
import { reminderContacts } from '../planning/index.js';
import type { Medication } from '../store/medications.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import { patientPlan } from './planning.js';

/** The active medicines with reminders that are due at `plannedFor`, in the order of the patient's list. */
export function medicinesDueAt(practice: Practice, patient: Patient, medications: readonly Medication[], plannedFor: Date): Medication[] {
  const plan = patientPlan(practice, patient, medications);
  const [reminder] = reminderContacts(plan, plannedFor, new Date(plannedFor.getTime() + 1));
  const due = new Set(reminder?.medicationIds ?? []);
  return medications.filter((m) => due.has(m.id));
}
