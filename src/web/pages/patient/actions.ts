/**
 * What the patient page's outreach forms do: pause and resume outreach, start
 * a check-in. Each form is read into the input the API takes for the same
 * change, and the same action makes it, as the user. The medicines', care
 * plan's and consent's forms are in medicine-routes.ts and record-routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CalendarDateSchema, pausePatient, resumePatient, startCheckIn } from '../../../actions/index.js';
import { patientZone } from '../../../outreach/index.js';
import { DomainError } from '../../../errors.js';
import { FLOW_NAMES } from '../../../flows/types.js';
import { quietHoursEnd } from '../../../jobs/quiet-hours.js';
import { findActiveConversation } from '../../../store/conversations.js';
import { listMedications } from '../../../store/medications.js';
import { findPatient, type Patient } from '../../../store/patients.js';
import type { Queryable } from '../../../store/sql.js';
import { actionContext } from '../../context.js';
import type { PageDeps } from '../../page-deps.js';
import { redirect } from '../../session.js';
import { ownPatient } from '../forms.js';
import { failedForm, fieldTable } from '../form-errors.js';
import { PAUSE_FORM, patientPageAfter, type ErrorKey, type NoticeKey } from './sections.js';
import { patientView } from './view.js';

const PauseForm = z.object({ until: z.string().trim().max(40).optional() });
const CheckInForm = z.object({ flow: z.enum(FLOW_NAMES) });
const PAUSE_FIELDS = fieldTable({ until: ['until', 'Pause until'] });

/** The end of a pause: the start of the chosen day where the patient lives; it must be after now. */
function pauseEnd(until: string | undefined, zone: string, now: Date): Date | null {
  if (!until) return null;
  const day = CalendarDateSchema.safeParse(until);
  if (!day.success) throw new DomainError('validation_failed', day.error.issues[0]!.message, 'until');
  const end = DateTime.fromISO(day.data, { zone }).startOf('day').toJSDate();
  if (end.getTime() <= now.getTime()) throw new DomainError('validation_failed', 'choose a day after today (or leave it empty to pause until resumed)', 'until');
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

export const patientActions: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps, practiceOf } = pageDeps;
  const { pool } = deps.db;
  const show = patientView(pageDeps);
  const back = (patient: Patient, key: { notice: NoticeKey } | { error: ErrorKey }) => patientPageAfter(patient.id, key);

  app.post('/patients/:id/pause', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const practice = await practiceOf(request);
    try {
      const form = PauseForm.parse(request.body ?? {});
      const until = pauseEnd(form.until, patientZone(practice, patient), request.receivedAt);
      await pausePatient(actionContext(deps, request), { patientId: patient.id, until });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, PAUSE_FORM, request.body, PAUSE_FIELDS));
    }
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
    const form = CheckInForm.safeParse(request.body ?? {});
    if (!form.success) throw new DomainError('validation_failed', 'Check-in: choose wellness, medication or symptoms');
    const { flow } = form.data;
    try {
      const started = await startCheckIn(actionContext(deps, request), { patientId: patient.id, flow });
      const held = quietHoursEnd(deps.clock.now(), patientZone(practice, patient), practice.quietHours) !== null;
      return redirect(reply, back(patient, { notice: started.callId ? 'check_in_call' : held ? 'check_in_held' : 'check_in_sent' }));
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'conflict' && error.code !== 'not_found')) throw error;
      return redirect(reply, back(patient, { error: await checkInProblem(pool, patient.id, flow) }));
    }
  });
};
