/**
 * What the patient page's forms do: pause and resume outreach, start a
 * check-in, change a medication. Each form is read into the input the API
 * takes for the same change, and the same action makes it, as the user.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  CalendarDateSchema,
  changeMedication,
  NameSchema,
  pausePatient,
  resumePatient,
  startCheckIn,
  TimeOfDaySchema,
} from '../../../actions/index.js';
import { patientZone } from '../../../outreach/index.js';
import { DomainError, notFound } from '../../../errors.js';
import { FLOW_NAMES } from '../../../flows/types.js';
import { quietHoursEnd } from '../../../jobs/quiet-hours.js';
import { findActiveConversation } from '../../../store/conversations.js';
import { findMedication, listMedications, type MedicationChanges } from '../../../store/medications.js';
import { findPatient, type Patient } from '../../../store/patients.js';
import type { Queryable } from '../../../store/sql.js';
import { actionContext } from '../../context.js';
import type { PageDeps } from '../../page-deps.js';
import { redirect } from '../../session.js';
import { ownPatient } from '../forms.js';
import type { ErrorKey, NoticeKey } from './sections.js';

const PauseForm = z.object({ until: z.string().trim().max(40).optional() });
const CheckInForm = z.object({ flow: z.enum(FLOW_NAMES) });
const MedicationParams = z.object({ id: z.uuid(), medicationId: z.uuid() });

/** "8:00, 20:00" as the API's times: 24-hour, at least one, none repeated (sorted later). */
const TimesField = z
  .string()
  .max(200)
  .transform((text) => text.split(/[,\s]+/).filter(Boolean).map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t)))
  .pipe(
    z
      .array(TimeOfDaySchema)
      .min(1, 'give at least one time of day, like 08:00')
      .max(12)
      .refine((times) => new Set(times).size === times.length, { message: 'must not repeat a time' }),
  );
const MedicationForm = z.object({
  dose: NameSchema,
  times: TimesField,
  refillDueOn: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null)
    .pipe(CalendarDateSchema.nullable()),
  active: z.literal('on').optional(),
  reminders: z.literal('on').optional(),
});

const FIELD_NAMES: Record<string, string> = { dose: 'Dose', times: 'Times', refillDueOn: 'Refill due', until: 'Pause until', flow: 'Check-in' };

/** A form's fields, or a 400 page naming the field at fault. */
function parseForm<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new DomainError('validation_failed', `${FIELD_NAMES[field] ?? field}: ${issue.message}`.replace(/^: /, ''));
}

/** The end of a pause: the start of the chosen day where the patient lives; it must be after now. */
function pauseEnd(until: string | undefined, zone: string, now: Date): Date | null {
  if (!until) return null;
  const day = CalendarDateSchema.safeParse(until);
  if (!day.success) throw new DomainError('validation_failed', `Pause until: ${day.error.issues[0]!.message}`);
  const end = DateTime.fromISO(day.data, { zone }).startOf('day').toJSDate();
  if (end.getTime() <= now.getTime()) throw new DomainError('validation_failed', 'Pause until: choose a day after today (or leave it empty to pause until resumed)');
  return end;
}

/** Why a check-in could not start, as a notice key (never the error's text: the URL carries only the key). */
async function checkInProblem(db: Queryable, patientId: string, flow: string): Promise<ErrorKey> {
  const p = (await findPatient(db, patientId)) as Patient;
  if (p.status === 'disenrolled') return 'check_in_disenrolled';
  if (p.consent.status !== 'granted') return 'check_in_no_consent';
  if (p.smsOptedOutAt) return 'check_in_opted_out';
  if (p.phoneInvalidAt) return 'check_in_phone_invalid';
  if (await findActiveConversation(db, p.id)) return 'check_in_open';
  if (flow === 'medication' && !(await listMedications(db, p.id)).some((m) => m.active)) return 'check_in_no_medication';
  return 'check_in_failed';
}

export const patientActions: FastifyPluginAsync<PageDeps> = async (app, { deps, practiceOf }) => {
  const { pool } = deps.db;
  const back = (patient: Patient, key: { notice: NoticeKey } | { error: ErrorKey }) =>
    `/app/patients/${patient.id}?${'notice' in key ? `notice=${key.notice}` : `error=${key.error}`}`;

  app.post('/patients/:id/pause', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const practice = await practiceOf(request);
    const form = parseForm(PauseForm, request.body);
    const until = pauseEnd(form.until, patientZone(practice, patient), request.receivedAt);
    await pausePatient(actionContext(deps, request), { patientId: patient.id, until });
    return redirect(reply, back(patient, { notice: 'paused' }));
  });

  app.post('/patients/:id/resume', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    await resumePatient(actionContext(deps, request), { patientId: patient.id });
    return redirect(reply, back(patient, { notice: 'resumed' }));
  });

  app.post('/patients/:id/check-ins', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const practice = await practiceOf(request);
    const { flow } = parseForm(CheckInForm, request.body);
    try {
      const started = await startCheckIn(actionContext(deps, request), { patientId: patient.id, flow });
      const held = quietHoursEnd(deps.clock.now(), patientZone(practice, patient), practice.quietHours) !== null;
      return redirect(reply, back(patient, { notice: started.callId ? 'check_in_call' : held ? 'check_in_held' : 'check_in_sent' }));
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'conflict' && error.code !== 'not_found')) throw error;
      return redirect(reply, back(patient, { error: await checkInProblem(pool, patient.id, flow) }));
    }
  });

  app.post('/patients/:id/medications/:medicationId', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const params = MedicationParams.safeParse(request.params);
    const current = params.success ? await findMedication(pool, patient.id, params.data.medicationId) : null;
    if (!current) throw notFound('medication');
    const form = parseForm(MedicationForm, request.body);
    // Only what changed, as a PATCH through the API would send it.
    const times = [...form.times].sort();
    const changes: MedicationChanges = {};
    if (form.dose !== current.dose) changes.dose = form.dose;
    if (times.join(',') !== [...current.times].sort().join(',')) changes.times = times;
    if (form.refillDueOn !== current.refillDueOn) changes.refillDueOn = form.refillDueOn;
    if ((form.active === 'on') !== current.active) changes.active = form.active === 'on';
    if ((form.reminders === 'on') !== current.reminders) changes.reminders = form.reminders === 'on';
    if (Object.keys(changes).length > 0) {
      await changeMedication(actionContext(deps, request), { patientId: patient.id, medicationId: current.id, changes });
    }
    return redirect(reply, back(patient, { notice: 'medication_saved' }));
  });
};
