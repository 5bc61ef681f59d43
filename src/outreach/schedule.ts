/**
 * What is planned for a patient over the next weeks, and why nothing is when
 * nothing is: what the practice sees before a patient is surprised by a text.
 */
import { isoInZone, plannedContacts, type OutreachBlock, type OutreachKind } from '../planning/index.js';
import { listMedications } from '../store/medications.js';
import { listPatientContacts } from '../store/outreach.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { blockOf, byPhone, patientPlan, patientZone } from './planning.js';

export const SCHEDULE_DAYS = 35;

export interface ScheduleItem {
  /** ISO with the patient's offset. */
  at: string;
  kind: OutreachKind;
  flow: string;
  medicationId: string | null;
  channel: 'sms' | 'voice';
  /** planned; or, for a contact already due, what became of it. */
  status: string;
}

export interface PatientSchedule {
  timezone: string;
  /** Why the service will contact the patient by itself no more (for now); null when it will. */
  reason: OutreachBlock | null;
  items: ScheduleItem[];
}

export async function patientSchedule(db: Queryable, practice: Practice, patient: Patient, now: Date): Promise<PatientSchedule> {
  const zone = patientZone(practice, patient);
  const block = blockOf(patient, now);
  if (block) return { timezone: zone, reason: block, items: [] };
  const to = new Date(now.getTime() + SCHEDULE_DAYS * 24 * 60 * 60 * 1000);
  // What is stored (planned, or already settled) wins; beyond the planning horizon the plan is computed.
  const stored = new Map((await listPatientContacts(db, patient.id, now, to)).map((row) => [row.slot, row]));
  // Dose reminders are texts: a patient who takes calls has none (see dueContacts).
  const computed = plannedContacts(patientPlan(practice, patient, await listMedications(db, patient.id)), now, to)
    .filter((contact) => contact.kind !== 'reminder' || patient.preferredChannel === 'sms')
    .map((contact) => (patient.preferredChannel === 'sms' ? contact : byPhone(contact)));
  const items = computed.map((contact): ScheduleItem => {
    const row = stored.get(contact.slot);
    stored.delete(contact.slot);
    return {
      at: isoInZone(row ? new Date(row.dueAt) : contact.at, zone),
      kind: contact.kind,
      flow: contact.flow,
      medicationId: contact.medicationId ?? null,
      channel: patient.preferredChannel,
      status: row?.status ?? 'planned',
    };
  });
  for (const row of stored.values()) {
    items.push({ at: isoInZone(new Date(row.dueAt), zone), kind: row.kind, flow: row.flow, medicationId: row.medicationId, channel: patient.preferredChannel, status: row.status });
  }
  items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { timezone: zone, reason: null, items };
}
