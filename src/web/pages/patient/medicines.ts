/**
 * The patient page's "Medicines": each medicine with its times, reminders,
 * refill date and how many reported doses were taken lately; a form to change
 * one, a button to stop one, and a form to add one. A form that came back
 * shows what was typed, opened, with its error.
 */
import type { Medication } from '../../../store/medications.js';
import type { StoredObservation } from '../../../store/observations.js';
import { csrfField, html, type Html } from '../../html.js';
import { cameBack, formError, invalid, valuesFor, type FailedForm } from '../form-errors.js';

export const ADHERENCE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The forms' names: the add form, and each medicine's edit and stop forms. */
export const NEW_MEDICINE_FORM = 'medicine-new';
export const medicineForm = (id: string) => `medicine-${id}`;
export const stopForm = (id: string) => `medicine-${id}-stop`;

export interface MedicinesOptions {
  patientId: string;
  medications: readonly Medication[];
  observations: readonly StoredObservation[];
  csrf: string;
  now: Date;
  failed?: FailedForm | undefined;
}

/** Doses taken / reported in the last 30 days, per medication. */
function adherence(observations: readonly StoredObservation[], medicationId: string, now: Date): { taken: number; reported: number } {
  const since = now.getTime() - ADHERENCE_DAYS * DAY_MS;
  const doses = observations.filter((o) => o.kind === 'medication_adherence' && o.value.medicationId === medicationId && Date.parse(o.observedAt) >= since);
  return { taken: doses.filter((o) => o.value.taken === true).length, reported: doses.length };
}

const checked = (value: string | undefined) => (value ? html` checked` : '');

function editForm(m: Medication, o: MedicinesOptions): Html {
  const form = medicineForm(m.id);
  const v = valuesFor(o.failed, form, {
    dose: m.dose,
    times: m.times.join(', '),
    refillDueOn: m.refillDueOn ?? '',
    active: m.active ? 'on' : '',
    reminders: m.reminders ? 'on' : '',
  });
  const id = (field: string) => `med-${m.id}-${field}`;
  const bad = (input: string) => invalid(o.failed, form, input);
  return html`<details${cameBack(o.failed, form) ? html` open` : ''}><summary>Edit ${m.name}</summary>
    <form method="post" action="/app/patients/${o.patientId}/medications/${m.id}" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <label for="${id('dose')}">Dose</label><input id="${id('dose')}" name="dose" required maxlength="200" value="${v.dose}"${bad('dose')}>
      <label for="${id('times')}">Times (24-hour, comma-separated)</label><input id="${id('times')}" name="times" required value="${v.times}"${bad('times')}>
      <label for="${id('refill')}">Refill due</label><input id="${id('refill')}" name="refillDueOn" type="date" value="${v.refillDueOn}"${bad('refillDueOn')}>
      <label><input type="checkbox" name="active"${checked(v.active)}> Active</label>
      <label><input type="checkbox" name="reminders"${checked(v.reminders)}> Reminder texts</label>
      <button type="submit">Save</button>
    </form>
  </details>`;
}

function medicationItem(m: Medication, o: MedicinesOptions): Html {
  const a = adherence(o.observations, m.id, o.now);
  // Stopping is one click: it is undone by ticking "Active" again, and a stopped medicine gets no more reminders at once.
  const stop = m.active
    ? html`<form method="post" action="/app/patients/${o.patientId}/medications/${m.id}/stop" class="inline">${csrfField(o.csrf)}
        ${formError(o.failed, stopForm(m.id))}<button type="submit" class="secondary" aria-label="Stop ${m.name}">Stop</button></form>`
    : '';
  return html`<li class="medication${m.active ? '' : ' stopped'}">
    <span><strong>${m.name}</strong> ${m.dose}${m.active ? '' : html` <span class="badge">stopped</span>`}</span>
    <span class="meta">At ${m.times.join(', ')} · reminders ${m.reminders ? 'on' : 'off'} · refill ${m.refillDueOn ? `due ${m.refillDueOn}` : 'date not set'}
      · last ${ADHERENCE_DAYS} days: ${a.reported ? `${a.taken} of ${a.reported} reported doses taken` : 'no doses reported'}</span>
    ${stop}
    ${editForm(m, o)}
  </li>`;
}

function addForm(o: MedicinesOptions): Html {
  const form = NEW_MEDICINE_FORM;
  const v = valuesFor(o.failed, form, { name: '', dose: '', times: '', refillDueOn: '', reminders: 'on' });
  const bad = (input: string) => invalid(o.failed, form, input);
  return html`<details class="card"${cameBack(o.failed, form) ? html` open` : ''}><summary>Add a medicine</summary>
    <form method="post" action="/app/patients/${o.patientId}/medications" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, form)}
      <label for="new-med-name">Medicine</label><input id="new-med-name" name="name" required maxlength="200" value="${v.name}" placeholder="e.g. lisinopril"${bad('name')}>
      <label for="new-med-dose">Dose</label><input id="new-med-dose" name="dose" required maxlength="200" value="${v.dose}" placeholder="e.g. 10 mg"${bad('dose')}>
      <label for="new-med-times">Times (24-hour, comma-separated)</label>
      <input id="new-med-times" name="times" required value="${v.times}" placeholder="e.g. 08:00, 20:00"${invalid(o.failed, form, 'times', 'new-med-times-help')}>
      <p class="meta" id="new-med-times-help">Each time gets a reminder text, so none may fall in the practice's quiet hours.</p>
      <label for="new-med-refill">Refill due (optional)</label><input id="new-med-refill" name="refillDueOn" type="date" value="${v.refillDueOn}"${bad('refillDueOn')}>
      <label><input type="checkbox" name="reminders"${checked(v.reminders)}> Reminder texts</label>
      <button type="submit">Add the medicine</button>
    </form>
  </details>`;
}

export function medicinesSection(o: MedicinesOptions): Html {
  return html`<section aria-labelledby="medicines-title"><h2 id="medicines-title">Medicines</h2>
    ${o.medications.length
      ? html`<ul class="list">${o.medications.map((m) => medicationItem(m, o))}</ul>`
      : html`<p class="empty">No medications on file.</p>`}
    ${addForm(o)}
  </section>`;
}
