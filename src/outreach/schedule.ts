/**
 * What is planned for a patient over the next weeks, and why nothing is when
 * nothing is: what the practice sees before a patient is surprised by a text.
 */
import { goesDespite, isoInZone, PHONE_ONLY_BLOCKS, plannedContacts, type ChoiceReason, type OutreachBlock, type OutreachKind } from '../planning/index.js';
import { listMedications } from '../store/medications.js';
import { listPatientContacts } from '../store/outreach.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { byChoice, channelChoices } from './channel.js';
import { blockOf, emailable, patientPlan, patientZone } from './planning.js';

export const SCHEDULE_DAYS = 35;

export interface ScheduleItem {
  /** ISO with the patient's offset. */
  at: string;
  kind: OutreachKind;
  flow: string;
  medicationId: string | null;
  /** 'email' for the summary. */
  channel: 'sms' | 'voice' | 'email';
  /** Why this channel and hour, for the month's touchpoints (null for reminders and refill questions). */
  channelReason: ChoiceReason | null;
  /** planned; or, for a contact already due, what became of it. */
  status: string;
}

export interface PatientSchedule {
  timezone: string;
  /**
   * Why the service will contact the patient by itself no more (for now); null when it will.
   * A reason that is the phone's (opted out, number invalid, unreachable) leaves the summary email in `items`.
   */
  reason: OutreachBlock | null;
  items: ScheduleItem[];
}

const byTime = (a: ScheduleItem, b: ScheduleItem) => Date.parse(a.at) - Date.parse(b.at);

export async function patientSchedule(db: Queryable, practice: Practice, patient: Patient, now: Date): Promise<PatientSchedule> {
  const zone = patientZone(practice, patient);
  const block = blockOf(patient, now);
  if (block && !(PHONE_ONLY_BLOCKS.includes(block) && emailable(patient))) return { timezone: zone, reason: block, items: [] };
  const to = new Date(now.getTime() + SCHEDULE_DAYS * 24 * 60 * 60 * 1000);
  // What is stored (planned, or already settled) wins; beyond the planning horizon the plan is computed.
  const stored = new Map((await listPatientContacts(db, patient.id, now, to)).map((row) => [row.slot, row]));
  const medications = await listMedications(db, patient.id);
  const choice = (await channelChoices(db, practice, [patient], now)).get(patient.id)!;
  const plan = patientPlan(practice, patient, medications);
  // Dose reminders are texts: a patient who takes calls has none (see dueContacts).
  const computed = plannedContacts({ ...plan, cadence: { ...plan.cadence, time: choice.time } }, now, to)
    .filter((contact) => contact.kind !== 'reminder' || patient.preferredChannel === 'sms')
    .map((contact) => (contact.kind === 'check_in' || contact.kind === 'questionnaire' ? byChoice(contact, choice) : contact));
  const channelOf = (kind: OutreachKind, channel: 'sms' | 'voice' | null | undefined) => (kind === 'summary' ? 'email' : (channel ?? patient.preferredChannel));
  const items = computed.map((contact): ScheduleItem => {
    const row = stored.get(contact.slot);
    stored.delete(contact.slot);
    return {
      at: isoInZone(row ? new Date(row.dueAt) : contact.at, zone),
      kind: row?.kind ?? contact.kind,
      flow: row?.flow ?? contact.flow,
      medicationId: contact.medicationId ?? null,
      channel: row ? channelOf(row.kind, row.channel) : channelOf(contact.kind, contact.channel),
      channelReason: row ? row.channelReason : (contact.reason ?? null),
      status: row?.status ?? 'planned',
    };
  });
  for (const row of stored.values()) {
    items.push({
      at: isoInZone(new Date(row.dueAt), zone),
      kind: row.kind,
      flow: row.flow,
      medicationId: row.medicationId,
      channel: channelOf(row.kind, row.channel),
      channelReason: row.channelReason,
      status: row.status,
    });
  }
  // Closed by phone, the patient still gets the summary by email.
  if (block) return { timezone: zone, reason: block, items: items.filter((i) => goesDespite(block, i.kind) && i.status === 'planned').sort(byTime) };
  items.sort(byTime);
  return { timezone: zone, reason: null, items };
}
