/**
 * The appointments' forms: add one, cancel one. Each is read into the body
 * the API takes (POST .../appointments, POST .../cancel), checked by the same
 * schema and made by the same action, as the user. A form the action refuses
 * comes back with what was typed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { addAppointment, cancelAppointment, NewAppointmentSchema, readAppointmentTime } from '../../../actions/index.js';
import { actionContext } from '../../context.js';
import type { PageDeps } from '../../page-deps.js';
import { redirect } from '../../session.js';
import { field, optional, ownPatient } from '../forms.js';
import { failedForm, fieldTable } from '../form-errors.js';
import { cancelAppointmentForm, NEW_APPOINTMENT_FORM } from './appointments.js';
import { patientPageAfter } from './sections.js';
import { patientView } from './view.js';

const APPOINTMENT_FIELDS = fieldTable({
  startsAt: ['startsAt', 'Date and time'],
  withWhom: ['withWhom', 'With'],
  location: ['location', 'Where'],
  purpose: ['purpose', 'What for'],
});

/**
 * The date-time field's value ('2027-01-08T09:30'); where a browser shows a
 * plain text box instead, what was typed there ("1/8/2027 9:30 AM") read the
 * way a CSV cell is. Anything unreadable goes on as typed, for the schema to name.
 */
function typedTime(text: string): string {
  const typed = text.trim();
  const read = readAppointmentTime(typed, undefined, undefined);
  return 'value' in read ? read.value : typed;
}

export const appointmentRoutes: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps } = pageDeps;
  const { pool } = deps.db;
  const show = patientView(pageDeps);

  app.post('/patients/:id/appointments', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const body = request.body;
    try {
      const appointment = NewAppointmentSchema.parse({
        startsAt: typedTime(field(body, 'startsAt')),
        withWhom: field(body, 'withWhom'),
        location: field(body, 'location'),
        ...(optional(body, 'purpose') ? { purpose: optional(body, 'purpose') } : {}),
      });
      await addAppointment(actionContext(deps, request), { patientId: patient.id, appointment });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, NEW_APPOINTMENT_FORM, body, APPOINTMENT_FIELDS));
    }
    return redirect(reply, patientPageAfter(patient.id, { notice: 'appointment_added' }));
  });

  app.post('/patients/:id/appointments/:appointmentId/cancel', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    // Any id: one that cannot exist is "not found", from the action.
    const { appointmentId } = request.params as { appointmentId: string };
    try {
      await cancelAppointment(actionContext(deps, request), { patientId: patient.id, appointmentId });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, cancelAppointmentForm(appointmentId), request.body, APPOINTMENT_FIELDS));
    }
    return redirect(reply, patientPageAfter(patient.id, { notice: 'appointment_cancelled' }));
  });
};
