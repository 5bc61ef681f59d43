/**
 * The patient page's "Appointments": those to come, each on the clock it was
 * entered on with the zone named, with whom and where, and a button to cancel
 * it; and a form to add one. Plain forms: nothing needs a script.
 */
import { appointmentWhen } from '../../../documentation/appointments.js';
import type { Appointment } from '../../../store/appointments.js';
import { csrfField, html, type Html } from '../../html.js';
import { cameBack, formError, invalid, valuesFor, type FailedForm } from '../form-errors.js';

export const NEW_APPOINTMENT_FORM = 'appointment-new';
export const cancelAppointmentForm = (id: string) => `appointment-${id}-cancel`;

export interface AppointmentsOptions {
  patientId: string;
  appointments: readonly Appointment[];
  /** Where the patient lives: the zone a typed time is read in. */
  zone: string;
  csrf: string;
  failed?: FailedForm | undefined;
}

function appointmentItem(a: Appointment, o: AppointmentsOptions): Html {
  const when = appointmentWhen(a);
  return html`<li class="appointment">
    <span><strong>${when}</strong> with ${a.withWhom}</span>
    <span class="meta">${a.location}${a.purpose ? ` · ${a.purpose}` : ''}</span>
    <form method="post" action="/app/patients/${o.patientId}/appointments/${a.id}/cancel" class="inline">${csrfField(o.csrf)}
      ${formError(o.failed, cancelAppointmentForm(a.id))}<button type="submit" class="secondary" aria-label="Cancel the appointment of ${when} with ${a.withWhom}">Cancel</button></form>
  </li>`;
}

function addForm(o: AppointmentsOptions): Html {
  const form = NEW_APPOINTMENT_FORM;
  const v = valuesFor(o.failed, form, { startsAt: '', withWhom: '', location: '', purpose: '' });
  const bad = (input: string) => invalid(o.failed, form, input);
  return html`<details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Add an appointment</summary>
    <form method="post" action="/app/patients/${o.patientId}/appointments" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <label for="new-appt-when">Date and time</label>
      <input id="new-appt-when" name="startsAt" type="datetime-local" required value="${v.startsAt}"${invalid(o.failed, form, 'startsAt', 'new-appt-when-help')}>
      <p class="meta" id="new-appt-when-help">On the patient's clock (${o.zone}), like 2027-01-08 09:30.</p>
      <label for="new-appt-with">With</label><input id="new-appt-with" name="withWhom" required maxlength="200" value="${v.withWhom}" placeholder="e.g. Dr. Patel"${bad('withWhom')}>
      <label for="new-appt-where">Where</label><input id="new-appt-where" name="location" required maxlength="200" value="${v.location}" placeholder="e.g. Maple Family Medicine, 2nd floor, or Telehealth"${bad('location')}>
      <label for="new-appt-purpose">What for (optional)</label><input id="new-appt-purpose" name="purpose" maxlength="200" value="${v.purpose}" placeholder="e.g. blood pressure follow-up"${bad('purpose')}>
      <button type="submit">Add the appointment</button>
    </form>
  </details>`;
}

/** A cancel refused for an appointment no longer listed (it has begun meanwhile): its message goes atop the section. */
function unlistedCancel(o: AppointmentsOptions): Html | string {
  const form = o.failed?.form;
  if (!form || !/^appointment-.+-cancel$/.test(form) || o.appointments.some((a) => cancelAppointmentForm(a.id) === form)) return '';
  return formError(o.failed, form);
}

export function appointmentsSection(o: AppointmentsOptions): Html {
  return html`<section aria-labelledby="appointments-title"><h2 id="appointments-title">Appointments</h2>
    ${unlistedCancel(o)}
    ${o.appointments.length
      ? html`<ul class="list">${o.appointments.map((a) => appointmentItem(a, o))}</ul>`
      : html`<p class="empty">No upcoming appointments.</p>`}
    ${addForm(o)}
  </section>`;
}
