/**
 * The patient page's "Identifiers": the practice's medical record number, and
 * the form that records or corrects it. The form is read into the body the
 * API's PATCH /patients/:id takes ({ mrn }), and the same action,
 * changePatient, checks and stores it (one patient per MRN in a practice).
 */
import type { Patient } from '../../../store/patients.js';
import { csrfField, html, type Html } from '../../html.js';
import { field } from '../forms.js';
import { cameBack, fieldTable, formError, invalid, valuesFor, type FailedForm } from '../form-errors.js';

export const MRN_FORM = 'mrn';

/** An empty box clears the number: the patient has none on file. */
export function readMrnForm(body: unknown): { mrn: string | null } {
  const mrn = field(body, 'mrn').trim();
  return { mrn: mrn === '' ? null : mrn };
}

export const MRN_FIELDS = fieldTable({ mrn: ['mrn', 'Medical record number'] });

export function identifierSection(o: { patient: Patient; csrf: string; failed?: FailedForm | undefined }): Html {
  const { patient: p } = o;
  const v = valuesFor(o.failed, MRN_FORM, { mrn: p.mrn ?? '' });
  return html`<section aria-labelledby="identifiers-title"><h2 id="identifiers-title">Identifiers</h2>
    <dl class="facts">
      <dt>Medical record number</dt><dd data-mrn>${p.mrn ?? 'Not on file: the EHR cannot match exports to the chart'}</dd>
    </dl>
    <details class="card"${cameBack(o.failed, MRN_FORM) ? html` open` : ''}><summary>Record or correct the medical record number</summary>
    <form method="post" action="/app/patients/${p.id}/mrn" class="stack">${csrfField(o.csrf)}
      ${formError(o.failed, MRN_FORM)}
      <label for="patient-mrn">Medical record number, as the EHR shows it (leave empty for none)</label>
      <input id="patient-mrn" name="mrn" maxlength="64" autocomplete="off" value="${v.mrn ?? ''}"${invalid(o.failed, MRN_FORM, 'mrn')}>
      <button type="submit">Save medical record number</button>
    </form>
    </details>
  </section>`;
}
