/**
 * What a text says of the patient's own medicines, beyond the check-in's
 * answer: each one it names, taken or not and why ("took the water pill but
 * not the lisinopril", "stopped the water pill"), and doses missed over days
 * ("no he tomado mis pastillas desde el lunes"). Recorded as adherence, so
 * triage weighs them as it weighs the check-in's own answer.
 */
import { DateTime } from 'luxon';
import type { FlowInput, Observation } from '../flows/index.js';
import { readMedicineMentions, readMissedSpan } from '../flows/understand/index.js';
import type { Medication } from '../store/medications.js';

/** The medicines a conversation asks about: a dose reminder's (one or several), a medication check-in's or refill question's one. */
export const medicinesAskedAbout = (input: FlowInput): string[] =>
  input.medications?.map((m) => m.id) ?? (input.medication ? [input.medication.id] : []);

/** Adherence the check-in's answer already recorded is not recorded twice. */
export function medicineObservations(
  text: string,
  c: { medications: readonly Medication[]; recorded: readonly Observation[]; checkInMedicationIds: readonly string[]; at: Date; timezone: string },
): Observation[] {
  const active = c.medications.filter((m) => m.active);
  const answered = new Set(c.recorded.flatMap((o) => (o.kind === 'medication_adherence' ? [o.value.medicationId] : [])));
  const said: Observation[] = readMedicineMentions(text, active)
    .filter((m) => !answered.has(m.medicationId))
    .map((m) => ({ kind: 'medication_adherence', value: { medicationId: m.medicationId, taken: m.taken, ...(m.reason ? { reason: m.reason } : {}) } }));
  const local = DateTime.fromJSDate(c.at).setZone(c.timezone);
  const days = readMissedSpan(text, { weekday: local.weekday % 7, dayOfMonth: local.day });
  if (days === null || days < 2) return said;
  // Days of missed doses: on the medicine the text says was not taken, else those the check-in asks about, else all of them.
  const notTaken = said.find((o) => o.kind === 'medication_adherence' && !o.value.taken);
  if (notTaken?.kind === 'medication_adherence') {
    notTaken.value.days = days;
    return said;
  }
  const asked = c.checkInMedicationIds.length > 0 ? c.checkInMedicationIds : [''];
  return [...said, ...asked.map((medicationId): Observation => ({ kind: 'medication_adherence', value: { medicationId, taken: false, days } }))];
}
