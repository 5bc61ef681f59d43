/**
 * The monthly CCM record of one patient: drafted from what the service
 * recorded, recomputed on every read until a coordinator or practitioner
 * approves it; then frozen, with later changes shown as addenda.
 */
import { monthBounds } from '../documentation/billing.js';
import { buildMonthRecord, type MonthSources } from '../documentation/record.js';
import { monthLabel } from '../documentation/narrative.js';
import type { MonthAppointment, MonthAppointments, MonthRecord, MonthTimeEntry } from '../documentation/types.js';
import { DomainError } from '../errors.js';
import { appointmentsIn, upcomingAppointments, type Appointment } from '../store/appointments.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { findCarePlan } from '../store/care-plans.js';
import { listMonthConsents } from '../store/consents.js';
import {
  addAddendum,
  approveCareMonth,
  changeCareMonth,
  ensureCareMonth,
  findCareMonth,
  listAddenda,
  type CareMonth,
  type CareMonthChanges,
} from '../store/care-months.js';
import { listMedications } from '../store/medications.js';
import { alertsIn, callsIn, eventsIn, messagesIn, observationsIn, patientsInContact, questionnairesIn } from '../store/month-activity.js';
import { findPatient, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { findStaff, staffLabel } from '../store/staff.js';
import { countingEntries, type TimeEntry } from '../store/time-entries.js';
import type { RecordDeps } from '../runtime.js';
import { queueAddendaWriteBacks, queueMonthWriteBack } from '../ehr/index.js';

/** A stored entry as the month counts it. */
export const toMonthEntry = (e: TimeEntry): MonthTimeEntry => ({
  id: e.id,
  staffId: e.staffId,
  staffName: e.staffName,
  credential: e.credential,
  npi: e.npi,
  staffRole: e.staffRole,
  activity: e.activity,
  start: e.start,
  end: e.end,
  source: e.source,
  capturedFrom: e.capturedFrom,
  note: e.note,
});

/** The record lists this many appointments to come at most; the next one is what the note says. */
const UPCOMING_IN_RECORD = 10;

const toMonthAppointment = (a: Appointment): MonthAppointment => ({
  id: a.id,
  startsAt: a.startsAt,
  timezone: a.timezone,
  withWhom: a.withWhom,
  location: a.location,
  purpose: a.purpose,
  status: a.status,
});

/** The month's appointments, and those to come at `now`: the drafting (or the approval, which keeps what it saw). */
async function appointmentsOf(tx: Queryable, patientId: string, period: { from: Date; to: Date }, now: Date): Promise<MonthAppointments> {
  const inMonth = await appointmentsIn(tx, patientId, period);
  const upcoming = await upcomingAppointments(tx, patientId, now, UPCOMING_IN_RECORD);
  return { inMonth: inMonth.map(toMonthAppointment), upcoming: upcoming.map(toMonthAppointment), asOf: now.toISOString() };
}

async function loadSources(tx: Queryable, patient: Patient, practice: Practice, month: string, careMonth: CareMonth, now: Date): Promise<MonthSources> {
  const bounds = monthBounds(month, practice.timezone);
  const period = { from: bounds.start, to: bounds.end };
  // One connection runs one query at a time: these are read in turn.
  const entries = await countingEntries(tx, patient.id, period.from, period.to);
  const messages = await messagesIn(tx, patient.id, period);
  const calls = await callsIn(tx, patient.id, period);
  const events = await eventsIn(tx, patient.id, period);
  const observations = await observationsIn(tx, patient.id, period);
  const medications = await listMedications(tx, patient.id);
  const alerts = await alertsIn(tx, patient.id, period);
  const questionnaires = await questionnairesIn(tx, patient.id, period);
  const contact = await patientsInContact(tx, [patient.id], period);
  const carePlan = await findCarePlan(tx, patient.id);
  const appointments = await appointmentsOf(tx, patient.id, period, now);
  const ccmConsents = await listMonthConsents(tx, patient.id, period.to);
  return {
    month,
    period: bounds,
    practice: { id: practice.id, name: practice.name, timezone: practice.timezone, phone: practice.contactPhone, mrnSystem: practice.mrnSystem, billing: practice.billing },
    patient: {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: patient.dateOfBirth,
      phone: patient.phone,
      language: patient.language,
      mrn: patient.mrn,
    },
    consent: patient.consent,
    ccmConsents,
    conditions: patient.conditions,
    carePlan,
    decisions: { complex: careMonth.complex, carePlanRevised: careMonth.carePlanRevised, noteText: careMonth.noteText },
    entries: entries.map(toMonthEntry),
    messages,
    calls,
    events,
    observations,
    medications: medications.map((m) => ({ id: m.id, name: m.name })),
    alerts,
    questionnaires,
    appointments,
    twoWayContact: contact.has(patient.id),
  };
}

/** The record as it stands: the frozen one once approved (with addenda), else computed as of `now` (the service clock). */
export async function currentRecord(tx: Queryable, patient: Patient, month: string, now: Date): Promise<MonthRecord> {
  const practice = (await findPractice(tx, patient.practiceId))!;
  const careMonth = await findCareMonth(tx, patient.id, month);
  const addenda = await listAddenda(tx, patient.id, month);
  if (careMonth.status === 'approved' && careMonth.approvedRecord) {
    return withCurrentIdentifiers({ ...careMonth.approvedRecord, addenda }, patient, practice);
  }
  const record = buildMonthRecord(await loadSources(tx, patient, practice, month, careMonth, now));
  return { ...record, status: 'draft', approval: null, addenda };
}

/**
 * An approved record with the patient's and practice's identifiers as they are
 * now. The approval freezes what the month says, not how the EHR finds the
 * chart: an MRN recorded (or corrected) after approval must still reach the
 * export, or the approved note could never be matched to its patient.
 */
function withCurrentIdentifiers(record: MonthRecord, patient: Patient, practice: Practice): MonthRecord {
  return {
    ...record,
    practice: { ...record.practice, mrnSystem: practice.mrnSystem },
    patient: { ...record.patient, mrn: patient.mrn },
  };
}

/** Reads a patient's month; the read is written to the access log. */
export async function readMonth(deps: RecordDeps, patientId: string, month: string, audit: AuditEntry): Promise<MonthRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const patient = (await findPatient(tx, patientId))!;
    const now = deps.clock.now();
    const record = await currentRecord(tx, patient, month, now);
    await recordAccess(tx, { ...audit, at: now }, [patientId]);
    return record;
  });
}

const approvedAlready = (month: string) =>
  new DomainError('conflict', `${monthLabel(month)} is approved and locked; add an addendum (POST .../addenda) instead`);

/** People's decisions about the month: complexity, care-plan revision, the note. Refused once approved. */
export function changeMonth(deps: RecordDeps, patientId: string, month: string, changes: CareMonthChanges, audit: AuditEntry): Promise<MonthRecord> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const patient = (await findPatient(tx, patientId))!;
    await ensureCareMonth(tx, patient.practiceId, patientId, month, at);
    if ((await findCareMonth(tx, patientId, month, { lock: true })).status === 'approved') throw approvedAlready(month);
    await changeCareMonth(tx, patientId, month, changes, at);
    await recordAccess(tx, { ...audit, at }, [patientId]);
    return currentRecord(tx, patient, month, at);
  });
}

/** Approves and locks the month as it stands, recording who (a staff member) and when. */
export function approveMonth(deps: RecordDeps, patientId: string, month: string, staffId: string, audit: AuditEntry): Promise<MonthRecord> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const patient = (await findPatient(tx, patientId))!;
    const staff = await findStaff(tx, patient.practiceId, staffId);
    if (!staff || !staff.active) throw new DomainError('validation_failed', 'no active staff member with this id works at this practice', 'staffId');
    await ensureCareMonth(tx, patient.practiceId, patientId, month, at);
    if ((await findCareMonth(tx, patientId, month, { lock: true })).status === 'approved') throw approvedAlready(month);
    const draft = await currentRecord(tx, patient, month, at);
    const approval = { approvedAt: at.toISOString(), approvedBy: staffLabel(staff), staffId: staff.id, npi: staff.npi };
    const record: MonthRecord = { ...draft, status: 'approved', approval, addenda: [] };
    await approveCareMonth(tx, patientId, month, { record, staffId, by: approval.approvedBy, at });
    // To the practice's EHR, when it has one: committed with the approval or not at all.
    await queueMonthWriteBack(tx, { practiceId: patient.practiceId, patientId, month, at });
    await recordAccess(tx, { ...audit, at }, [patientId]);
    return { ...record, addenda: draft.addenda };
  });
}

/** A note added to an approved month: the record stays as approved, the addendum is shown beside it. */
export function addMonthAddendum(deps: RecordDeps, patientId: string, month: string, text: string, by: string, audit: AuditEntry): Promise<MonthRecord> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const patient = (await findPatient(tx, patientId))!;
    if ((await findCareMonth(tx, patientId, month)).status !== 'approved') {
      throw new DomainError('conflict', `${monthLabel(month)} is not approved yet; change the draft (PATCH the month) instead of adding an addendum`);
    }
    await addAddendum(tx, { patientId, month, text, by, at });
    await queueAddendaWriteBacks(tx, { practiceId: patient.practiceId, patientId, month, at });
    await recordAccess(tx, { ...audit, at }, [patientId]);
    return currentRecord(tx, patient, month, at);
  });
}
