/**
 * Reading a patient's chart in from the practice's EHR by medical record
 * number (admins): a preview that saves nothing, and an import of what the
 * admin ticked. The import reads the chart again rather than trusting what
 * the browser sends back, so only what the EHR holds is saved. A new patient
 * is created WITHOUT granted consent: CCM needs the patient's own consent,
 * which a chart does not give, so nothing is sent until staff record it.
 * Importing twice adds nothing twice. No EHR traffic happens inside a
 * database transaction.
 */
import { z } from 'zod';
import { icd10For } from '../../documentation/icd10.js';
import { createSmartAuth, EhrFailure, readChart, type ChartCondition, type ChartPreview, type SmartAuth } from '../../ehr/index.js';
import { DomainError } from '../../errors.js';
import { replanPatient } from '../../outreach/index.js';
import { inQuietHours } from '../../planning/index.js';
import { findEhrConnection } from '../../store/ehr-connections.js';
import { insertMedication, listMedications, type Medication } from '../../store/medications.js';
import { findPatientByMrn, lockPatient, updatePatient, type Patient } from '../../store/patients.js';
import type { Practice } from '../../store/practices.js';
import { withTransaction, type Queryable } from '../../store/sql.js';
import { practiceFor } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { MrnSchema } from '../input/identifiers.js';
import { PhoneSchema } from '../input/primitives.js';
import { insertEnrolment } from '../patients/enrolment.js';

const READ = auditName('ehr_chart.read');
const IMPORTED = auditName('ehr_chart.import');
/** A patient holds at most this many conditions (the enrolment schema's limit). */
const MAX_CONDITIONS = 50;
/** Who "recorded" the placeholder consent of an imported patient: the chart gives none. */
export const CONSENT_NOT_ASKED = 'Not yet asked (imported from the EHR)';

export const ChartImportSchema = z
  .object({
    mrn: MrnSchema,
    conditions: z.array(z.string().trim().min(1).max(20)).max(MAX_CONDITIONS).default([]).describe('ICD-10-CM codes from the preview to add (its conditions[].key)'),
    medications: z.array(z.string().trim().min(1).max(128)).max(100).default([]).describe('Medication keys from the preview to add (its medications[].key)'),
    phone: PhoneSchema.optional().describe("For a new patient whose chart has no phone texts can reach; the chart's own phone is used otherwise"),
  })
  .strict();
export type ChartImportBody = z.infer<typeof ChartImportSchema>;

export interface ChartReview {
  mrn: string;
  preview: ChartPreview;
  /** The practice's patient with this MRN already; null: the import would create one. */
  existingPatientId: string | null;
  /** Keys of the preview's items the patient has on file already (they would not be added again). */
  onFile: { conditions: string[]; medications: string[] };
}

export interface ChartImportResult {
  patient: Patient;
  created: boolean;
  added: { conditions: string[]; medications: Medication[] };
}

/** One token cache per running service: tokens are kept until shortly before they expire. */
const auths = new WeakMap<object, SmartAuth>();
function authFor(ctx: ActionContext): SmartAuth {
  let auth = auths.get(ctx.runtime);
  if (!auth) auths.set(ctx.runtime, (auth = createSmartAuth({ clock: ctx.clock })));
  return auth;
}

/** How a condition is kept on the patient: its words, with the code when the words alone would not give it back. */
export const conditionText = (c: Pick<ChartCondition, 'display' | 'icd10'>) => (c.icd10 && icd10For(c.display) !== c.icd10 ? `${c.display} (${c.icd10})` : c.display);

/** The ICD-10 code a stored condition stands for: written in brackets, or known from its words. */
const codeOf = (stored: string) => /\(([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)\)\s*$/i.exec(stored)?.[1]?.toUpperCase() ?? icd10For(stored);
const conditionOnFile = (patient: Patient | null, c: ChartCondition) =>
  !!patient && patient.conditions.some((stored) => (c.icd10 && codeOf(stored) === c.icd10) || stored.trim().toLowerCase() === c.display.toLowerCase());
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

async function chartOf(ctx: ActionContext, practice: Practice, mrn: string) {
  const connection = await findEhrConnection(ctx.db.pool, practice.id);
  if (!connection) throw new DomainError('conflict', 'the practice has no EHR connection; set one up first (PUT /practices/:id/ehr/connection)');
  if (!connection.enabled) throw new DomainError('conflict', "the practice's EHR connection is turned off; turn it on to read charts");
  try {
    return await readChart(authFor(ctx), connection, mrn, practice.mrnSystem);
  } catch (error) {
    if (!(error instanceof EhrFailure)) throw error;
    // Ids and statuses only: the MRN and the EHR's words stay out of the log.
    ctx.runtime.logger.warn({ practiceId: practice.id, kind: error.kind, httpStatus: error.httpStatus }, 'ehr chart read failed');
    throw new DomainError(
      'ehr_unavailable',
      error.retryable
        ? `the EHR could not be reached (${error.message}); nothing was saved, try again shortly`
        : `the EHR refused to give the chart (${error.message}); check the connection, and that its scopes include system/Patient.rs system/Condition.rs system/MedicationRequest.rs`,
    );
  }
}

/** What the EHR holds for this MRN, beside what the practice has on file. Saves nothing but the access-log row. */
export async function previewChart(ctx: ActionContext, input: { practiceId: string; mrn: string }): Promise<ChartReview> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const mrn = MrnSchema.parse(input.mrn);
  const { preview } = await chartOf(ctx, practice, mrn);
  const existing = await findPatientByMrn(ctx.db.pool, practice.id, mrn);
  const medicines = existing ? (await listMedications(ctx.db.pool, existing.id)).filter((m) => m.active) : [];
  await audit(ctx.db.pool, ctx, READ, practice.id, existing ? [existing.id] : undefined);
  return {
    mrn,
    preview,
    existingPatientId: existing?.id ?? null,
    onFile: {
      conditions: preview.conditions.filter((c) => conditionOnFile(existing, c)).map((c) => c.key),
      medications: preview.medications.filter((m) => medicines.some((had) => sameName(had.name, m.name))).map((m) => m.key),
    },
  };
}

/** Saves what the admin ticked: a new patient (no consent yet), or what an existing one lacks. */
export async function importChart(ctx: ActionContext, input: { practiceId: string; body: ChartImportBody }): Promise<ChartImportResult> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { body } = input;
  const { preview } = await chartOf(ctx, practice, body.mrn);
  const conditions = body.conditions.map((key) => {
    const found = preview.conditions.find((c) => c.key === key.toUpperCase() && c.importable);
    if (!found) throw new DomainError('validation_failed', `${key} is not among the chart's active ICD-10 conditions`, 'conditions');
    return found;
  });
  const medications = body.medications.map((key) => {
    const found = preview.medications.find((m) => m.key === key);
    if (!found) throw new DomainError('validation_failed', `${key} is not among the chart's active medications`, 'medications');
    return found;
  });

  return withTransaction(ctx.db.pool, async (tx) => {
    const known = await findPatientByMrn(tx, practice.id, body.mrn);
    const before = known ? await lockPatient(tx, known.id) : null;
    const newConditions = [...new Map(conditions.filter((c) => !conditionOnFile(before, c)).map((c) => [c.key, conditionText(c)])).values()];
    let patient: Patient;
    if (before) {
      const all = [...before.conditions, ...newConditions];
      if (all.length > MAX_CONDITIONS) throw new DomainError('validation_failed', `a patient holds at most ${MAX_CONDITIONS} conditions`, 'conditions');
      patient = newConditions.length ? (await updatePatient(tx, before.id, { conditions: all }, ctx.at))! : before;
    } else {
      patient = await createFromChart(tx, ctx, practice, body, preview, newConditions);
    }
    const added = await addMedicines(tx, practice, patient.id, medications);
    if (added.length) await replanPatient(tx, practice, patient.id, ctx.at);
    await audit(tx, ctx, IMPORTED, practice.id, [patient.id]);
    return { patient, created: !before, added: { conditions: newConditions, medications: added } };
  });
}

async function createFromChart(tx: Queryable, ctx: ActionContext, practice: Practice, body: ChartImportBody, preview: ChartPreview, conditions: string[]): Promise<Patient> {
  const phone = body.phone ?? preview.phone;
  if (!phone) throw new DomainError('validation_failed', 'the chart has no phone number texts can reach; give the patient\'s mobile number', 'phone');
  if (!preview.firstName || !preview.lastName) throw new DomainError('validation_failed', 'the chart has no name for the patient; enrol them by hand', 'mrn');
  return insertEnrolment(
    tx,
    practice.id,
    {
      coordinatorId: null,
      firstName: preview.firstName,
      lastName: preview.lastName,
      phone,
      dateOfBirth: preview.dateOfBirth,
      mrn: body.mrn,
      timezone: null,
      language: preview.language ?? 'en',
      preferredChannel: 'sms',
      conditions,
      // Not granted: the store knows granted or declined only, and outreach waits for granted.
      consent: { status: 'declined', method: 'verbal', recordedAt: ctx.at.toISOString(), recordedBy: CONSENT_NOT_ASKED },
      status: 'enrolled',
      contactWindow: null,
      email: null,
      emailConsent: 'none',
      emailFullConsent: null,
    },
    ctx.at,
  );
}

/** The ticked medicines the patient does not take already (by name); reminders only at times a text may go. */
async function addMedicines(tx: Queryable, practice: Practice, patientId: string, chosen: ChartPreview['medications']): Promise<Medication[]> {
  const had = (await listMedications(tx, patientId)).filter((m) => m.active);
  const added: Medication[] = [];
  for (const m of chosen) {
    if ([...had, ...added].some((h) => sameName(h.name, m.name))) continue;
    const reminders = m.times.length > 0 && !m.times.some((t) => inQuietHours(t, practice.quietHours));
    added.push(await insertMedication(tx, patientId, { name: m.name, dose: m.dose, times: m.times, reminders }));
  }
  return added;
}
