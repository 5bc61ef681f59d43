/**
 * The forms of a patient's month: the note, the decisions, approval (asked
 * first when alerts or cases are open), an addendum, and logging time. Each
 * calls the action the API calls; a form the action refuses comes back on the
 * month page with what was typed and what to fix.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { addAddendum, AddendumSchema, approveMonth, changeMonth, logTime, MonthChangesSchema, MonthSchema, NewEntrySchema } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import { currentRecord } from '../../records/index.js';
import { findCareMonth } from '../../store/care-months.js';
import { actionContext } from '../context.js';
import type { PageDeps } from '../page-deps.js';
import { redirect } from '../session.js';
import { failedForm, fieldTable } from './form-errors.js';
import { actingStaff, field, lf, optional, ownPatient, ticked } from './forms.js';
import { confirmationOf, needsAsking, openItems } from './month-approval.js';
import { monthView, ownMonth } from './month-page.js';
import { ADDENDUM_FORM, APPROVE_FORM, DECISIONS_FORM, NOTE_FORM, TIME_FORM } from './month-view-forms.js';

const PatientParams = z.object({ id: z.uuid() });

const NOTE_FIELDS = fieldTable({ note: ['note', 'Note'] });
const ADDENDUM_FIELDS = fieldTable({ text: ['text', 'Addendum'] });
const NO_FIELDS = fieldTable({});
// An entry's end is worked out from its minutes: a problem with the end is one with the minutes.
const TIME_FIELDS = fieldTable({
  activity: ['activity', 'Activity'],
  start: ['start', 'Started'],
  minutes: ['minutes', 'Minutes'],
  end: ['minutes', 'Minutes'],
  note: ['note', 'What was done'],
});

/** The minutes typed, as a number, or what is wrong with them. */
function minutesTyped(text: string): number {
  if (text === '') throw new DomainError('validation_failed', 'enter how many minutes, like 20', 'minutes');
  const minutes = Number(text);
  if (!Number.isFinite(minutes)) throw new DomainError('validation_failed', `${text} is not a number of minutes; write it like 20 or 12.5`, 'minutes');
  return minutes;
}

export const monthForms: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps, practiceOf } = pageDeps;
  const { pool } = deps.db;
  const showMonth = monthView(pageDeps);

  app.post('/patients/:id/months/:month/note', async (request, reply) => {
    const { patient, month, url } = await ownMonth(pool, request);
    try {
      const text = lf(field(request.body, 'note')).trim();
      const { note } = MonthChangesSchema.parse({ note: text === '' ? null : text });
      // The drafted note sent back unchanged stays a draft, so it keeps following the record.
      const current = await currentRecord(pool, patient, month, request.receivedAt);
      if (current.status === 'draft' && !current.note.edited && note === current.note.text.trim()) return redirect(reply, url);
      await changeMonth(actionContext(deps, request), { patientId: patient.id, month, changes: { note: note ?? null } });
    } catch (error) {
      return showMonth(request, reply, patient, month, { failed: failedForm(error, NOTE_FORM, request.body, NOTE_FIELDS) });
    }
    return redirect(reply, url);
  });

  app.post('/patients/:id/months/:month/decisions', async (request, reply) => {
    const { patient, month, url } = await ownMonth(pool, request);
    const decisions = { complex: ticked(request.body, 'complex'), carePlanRevised: ticked(request.body, 'carePlanRevised') };
    try {
      await changeMonth(actionContext(deps, request), { patientId: patient.id, month, changes: decisions });
    } catch (error) {
      return showMonth(request, reply, patient, month, { failed: failedForm(error, DECISIONS_FORM, request.body, NO_FIELDS) });
    }
    return redirect(reply, url);
  });

  app.post('/patients/:id/months/:month/approve', async (request, reply) => {
    const { patient, month, url } = await ownMonth(pool, request);
    // Whether the user may approve at all comes first: a login that cannot is not asked a question it cannot answer.
    actingStaff(request, 'approve a month');
    // An approved month is not asked about: the action refuses it, and says so.
    const draft = (await findCareMonth(pool, patient.id, month)).status === 'draft';
    const items = await openItems(pool, patient.practiceId, patient.id, month, (await practiceOf(request)).timezone);
    if (draft && needsAsking(items) && field(request.body, 'confirm') !== confirmationOf(items)) {
      return showMonth(request, reply, patient, month, { question: items });
    }
    try {
      await approveMonth(actionContext(deps, request), { patientId: patient.id, month });
    } catch (error) {
      return showMonth(request, reply, patient, month, { failed: failedForm(error, APPROVE_FORM, request.body, NO_FIELDS) });
    }
    return redirect(reply, url);
  });

  app.post('/patients/:id/months/:month/addenda', async (request, reply) => {
    const { patient, month, url } = await ownMonth(pool, request);
    try {
      const { text } = AddendumSchema.parse({ text: lf(field(request.body, 'text')) });
      await addAddendum(actionContext(deps, request), { patientId: patient.id, month, text });
    } catch (error) {
      return showMonth(request, reply, patient, month, { failed: failedForm(error, ADDENDUM_FORM, request.body, ADDENDUM_FIELDS) });
    }
    return redirect(reply, url);
  });

  app.post('/patients/:id/time-entries', async (request, reply) => {
    const params = PatientParams.safeParse(request.params);
    if (!params.success) throw new DomainError('not_found', 'patient was not found');
    const patient = await ownPatient(pool, request, params.data.id);
    const staffId = actingStaff(request, 'log time');
    const zone = (await practiceOf(request)).timezone;
    const body = request.body;
    try {
      const entry = NewEntrySchema.parse({
        staffId,
        activity: field(body, 'activity'),
        start: field(body, 'start').trim(),
        minutes: minutesTyped(field(body, 'minutes').trim()),
        note: optional(body, 'note'),
      });
      const logged = await logTime(actionContext(deps, request), { patientId: patient.id, entry });
      return redirect(reply, `/app/patients/${patient.id}/months/${DateTime.fromISO(logged.start, { zone }).toFormat('yyyy-MM')}`);
    } catch (error) {
      const failed = failedForm(error, TIME_FORM, body, TIME_FIELDS);
      // Back on the month the form was on (or this month, if the form did not say).
      const month = MonthSchema.safeParse(field(body, 'month')).data ?? DateTime.fromJSDate(deps.clock.now(), { zone }).toFormat('yyyy-MM');
      return showMonth(request, reply, patient, month, { failed });
    }
  });
};
