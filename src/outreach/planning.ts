/**
 * Planning outreach: what each patient is due (src/outreach, pure) stored as
 * outreach rows, once per slot, and a dispatch run for each due time. The
 * whole practice is planned every night; a patient is planned again whenever
 * something that decides their plan changes (enrolment, a medication, a pause,
 * an opt-in, a reply from an unreachable patient).
 */
import { DateTime } from 'luxon';
import type pg from 'pg';
import { cadenceContacts, emailStandingBlock, goesDespite, outreachBlock, PHONE_ONLY_BLOCKS, refillContacts, reminderContacts, type OutreachBlock, type PatientPlan, type PlannedContact } from '../planning/index.js';
import { enqueueJob } from '../store/job-queue.js';
import { listMedications, listMedicationsOf, type Medication } from '../store/medications.js';
import { planContacts, unplan, type PatientContacts } from '../store/outreach.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient, findPatients, lockPatient, type Patient } from '../store/patients.js';
import { findPractice, listPractices, type Practice } from '../store/practices.js';
import { scheduleJobRuns, scheduleRun } from '../store/scheduled-runs.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { assessPatient } from '../alerts/index.js';
import type { ChannelChoice } from '../planning/index.js';
import { byChoice, channelChoices } from './channel.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Check-ins and refill questions are planned this far ahead: this month and the next. */
const CADENCE_HORIZON_MS = 40 * DAY_MS;
/** Dose reminders are planned two days ahead; the nightly run keeps the window full. */
const REMINDER_HORIZON_MS = 2 * DAY_MS;
/** Local time of the nightly planning run. */
const NIGHTLY_PLAN_TIME = { hour: 0, minute: 30 };
/** Patients planned per statement when the whole practice is planned. */
const PLAN_BATCH = 500;

export const patientZone = (practice: Practice, patient: Patient) => patient.timezone ?? practice.timezone;

/** Why the service will not contact the patient by itself now, or null. */
export function blockOf(patient: Patient, now: Date): OutreachBlock | null {
  return outreachBlock(
    {
      status: patient.status,
      consentGranted: patient.consent.status === 'granted',
      smsOptedOutAt: patient.smsOptedOutAt,
      phoneInvalidAt: patient.phoneInvalidAt,
      pausedAt: patient.pausedAt,
      pausedUntil: patient.pausedUntil,
      unreachableAt: patient.unreachableAt,
    },
    now,
  );
}

/** Whether anything may be planned for the patient: all of it, or (when only the phone is closed) the summary email. */
const mayPlan = (patient: Patient, now: Date) => {
  const block = blockOf(patient, now);
  return !block || PHONE_ONLY_BLOCKS.includes(block);
};

/**
 * The contacts that may go despite why the patient is not contacted by phone,
 * if they are not: the summary, when it can be emailed.
 */
function allowed(patient: Patient, now: Date, contacts: PlannedContact[]): PlannedContact[] {
  const block = blockOf(patient, now);
  if (!block) return contacts;
  return emailable(patient) ? contacts.filter((c) => goesDespite(block, c.kind)) : [];
}

/** Whether the patient may be emailed (the same test as the email channel's). */
export const emailable = (patient: Patient) => !emailStandingBlock({ ...patient, consentGranted: patient.consent.status === 'granted' });

export function patientPlan(practice: Practice, patient: Patient, medications: readonly Medication[]): PatientPlan {
  return { zone: patientZone(practice, patient), cadence: practice.outreach.cadence, window: patient.contactWindow, medications };
}

/**
 * Check-in times by time zone, contact window and time of day, for one
 * planning run: most of a panel shares a few, and working out local times is
 * the costly part.
 */
export type CadenceCache = Map<string, PlannedContact[]>;

/**
 * What the patient is due from `now`, for as far ahead as the service plans:
 * the cadence's touchpoints by the channel and at the hour chosen for them.
 */
export function dueContacts(
  practice: Practice,
  patient: Patient,
  medications: readonly Medication[],
  now: Date,
  choice: ChannelChoice,
  cache: CadenceCache = new Map(),
): PlannedContact[] {
  const plan = patientPlan(practice, patient, medications);
  const cadenceEnd = new Date(now.getTime() + CADENCE_HORIZON_MS);
  const key = `${plan.zone}|${choice.time}|${JSON.stringify(plan.window)}`;
  let checkIns = cache.get(key);
  if (!checkIns) cache.set(key, (checkIns = cadenceContacts({ ...plan, cadence: { ...plan.cadence, time: choice.time } }, now, cadenceEnd)));
  // Dose reminders are texts: a patient who takes calls gets the check-ins by phone, not a call at every dose.
  const texts = patient.preferredChannel === 'sms';
  const reminders = texts ? reminderContacts(plan, now, new Date(now.getTime() + REMINDER_HORIZON_MS)) : [];
  return [...checkIns.map((contact) => byChoice(contact, choice)), ...reminders, ...refillContacts(plan, now, cadenceEnd)];
}

/** Makes sure a dispatch run exists for each due time, once, whoever asks (one statement for all of them). */
export async function scheduleDispatches(tx: Queryable, practiceId: string, dueTimes: readonly Date[], now: Date): Promise<void> {
  const times = [...new Set(dueTimes.map((t) => t.getTime()))].map((t) => new Date(t));
  const runs = times.map((dueAt) => ({ key: `${practiceId}:${dueAt.toISOString()}`, dueAt }));
  await scheduleJobRuns(tx, 'outreach.dispatch', runs, { practiceId }, now);
}

/**
 * Plans one patient from `now`, in the caller's transaction: what no longer
 * applies is forgotten, what is due is added. A patient the service may not
 * contact has nothing planned.
 */
export async function planPatient(tx: Queryable, practice: Practice, patient: Patient, now: Date): Promise<void> {
  await unplan(tx, { patientId: patient.id });
  if (!mayPlan(patient, now)) return;
  const choice = (await channelChoices(tx, practice, [patient], now)).get(patient.id)!;
  const contacts = allowed(patient, now, dueContacts(practice, patient, await listMedications(tx, patient.id), now, choice));
  const due = await planContacts(tx, [{ practiceId: practice.id, patientId: patient.id, contacts }], now);
  await scheduleDispatches(tx, practice.id, due, now);
}

/** Plans the patient again after a change made elsewhere in the transaction (reads them afresh). */
export async function replanPatient(tx: Queryable, practice: Practice, patientId: string, now: Date): Promise<void> {
  const patient = await findPatient(tx, patientId);
  if (patient) await planPatient(tx, practice, patient, now);
}

/**
 * An automated contact the patient never answered was their `limit`th in a
 * row: nothing more goes out by itself, and they are on the call list.
 */
export async function markedUnreachable(tx: Queryable, practice: Practice, patient: Patient, at: Date): Promise<void> {
  await unplan(tx, { patientId: patient.id });
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'patient.unreachable', detail: { after: practice.outreach.unreachableAfter }, at });
}

/**
 * Plans the whole practice from `now` (the nightly run, or a changed cadence
 * with `replan`), a batch of patients per transaction; then makes sure the
 * next nightly run is scheduled.
 */
export async function planPractice(
  pool: pg.Pool,
  practice: Practice,
  now: Date,
  options: { replan?: boolean } = {},
): Promise<{ patients: number; contacts: number }> {
  if (options.replan) await unplan(pool, { practiceId: practice.id, kinds: ['check_in', 'refill_prompt', 'questionnaire', 'summary'] });
  let after = '';
  let patients = 0;
  let contacts = 0;
  const cache: CadenceCache = new Map();
  for (;;) {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM patients WHERE practice_id = $1 AND id::text > $2 AND status = 'enrolled' ORDER BY id::text LIMIT $3`,
      [practice.id, after, PLAN_BATCH],
    );
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    contacts += await withTransaction(pool, async (tx) => {
      const batch = await findPatients(tx, rows.map((r) => r.id));
      const open = batch.filter((patient) => mayPlan(patient, now));
      const medications = await listMedicationsOf(tx, open.map((p) => p.id));
      const choices = await channelChoices(tx, practice, open, now);
      const plans: PatientContacts[] = open.map((patient) => ({
        practiceId: practice.id,
        patientId: patient.id,
        contacts: allowed(patient, now, dueContacts(practice, patient, medications.get(patient.id) ?? [], now, choices.get(patient.id)!, cache)),
      }));
      const due = await planContacts(tx, plans, now);
      await scheduleDispatches(tx, practice.id, due, now);
      return plans.reduce((n, p) => n + p.contacts.length, 0);
    });
    patients += rows.length;
  }
  await assessPassedRefills(pool, practice, now);
  await scheduleNightlyPlan(pool, practice, now);
  return { patients, contacts };
}

/** Days after a refill date that the nightly run still looks for it unconfirmed (a missed night catches up). */
const REFILL_LOOKBACK_DAYS = 3;

/**
 * A refill date passed with no confirmation: the patients are assessed again,
 * so triage's refill rule raises it although they sent nothing new.
 */
async function assessPassedRefills(pool: pg.Pool, practice: Practice, now: Date): Promise<void> {
  const today = DateTime.fromJSDate(now, { zone: practice.timezone }).toISODate()!;
  const { rows } = await pool.query<{ patient_id: string }>(
    `SELECT DISTINCT m.patient_id FROM medications m JOIN patients p ON p.id = m.patient_id
     WHERE p.practice_id = $1 AND p.status = 'enrolled' AND m.active
       AND m.refill_due_on >= $2::date - $3::int AND m.refill_due_on < $2::date`,
    [practice.id, today, REFILL_LOOKBACK_DAYS],
  );
  for (const { patient_id: patientId } of rows) {
    await withTransaction(pool, async (tx) => {
      const patient = await lockPatient(tx, patientId);
      if (patient) await assessPatient(tx, { practice, patient, conversationId: null, messageId: null }, now, 'refill_date');
    });
  }
}

/** The practice's next nightly planning run, scheduled once. */
export async function scheduleNightlyPlan(db: Queryable, practice: Practice, after: Date): Promise<void> {
  let next = DateTime.fromJSDate(after, { zone: practice.timezone }).set({ ...NIGHTLY_PLAN_TIME, second: 0, millisecond: 0 });
  if (next.toMillis() <= after.getTime()) next = next.plus({ days: 1 });
  const at = next.toJSDate();
  if (await scheduleRun(db, 'outreach.plan', `${practice.id}:${next.toISODate()}`, at)) {
    await enqueueJob(db, 'outreach.plan', { practiceId: practice.id }, { runAt: at, now: after });
  }
}

/** The 'outreach.plan' job: one patient (a pause ended), or the whole practice (nightly, or its cadence changed). */
export async function runPlanJob(pool: pg.Pool, now: Date, job: { practiceId: string; patientId?: string; replan?: boolean }): Promise<void> {
  const practice = await findPractice(pool, job.practiceId);
  if (!practice) return;
  if (job.patientId) {
    const patientId = job.patientId;
    await withTransaction(pool, (tx) => replanPatient(tx, practice, patientId, now));
    return;
  }
  await planPractice(pool, practice, now, { replan: job.replan ?? false });
}

/**
 * At start: every practice's nightly run is scheduled, and each practice is
 * planned once today (practices that existed before outreach was planned).
 */
export async function scheduleAllPlans(pool: pg.Pool, now: Date): Promise<void> {
  for (const practice of await listPractices(pool)) {
    await withTransaction(pool, async (tx) => {
      await scheduleNightlyPlan(tx, practice, now);
      const today = DateTime.fromJSDate(now, { zone: practice.timezone }).toISODate()!;
      if (await scheduleRun(tx, 'outreach.plan', `${practice.id}:start:${today}`, now)) {
        await enqueueJob(tx, 'outreach.plan', { practiceId: practice.id }, { runAt: now });
      }
    });
  }
}
