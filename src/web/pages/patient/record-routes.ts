/**
 * The care plan's, the consent's, the email's and the medical record number's forms. Each is read into the body the
 * API takes (PUT .../care-plan, PATCH /patients/:id with { consent }), checked
 * by the same schema, and made by the same action, as the user. A form the
 * action refuses comes back with what was typed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { CarePlanInputSchema, changePatient, patchPatientSchema, writeCarePlan } from '../../../actions/index.js';
import { actionContext } from '../../context.js';
import type { PageDeps } from '../../page-deps.js';
import { redirect } from '../../session.js';
import { ownPatient } from '../forms.js';
import { failedForm } from '../form-errors.js';
import { CARE_PLAN_FORM, carePlanFields, checkProblemRows, readCarePlanForm } from './care-plan-form.js';
import { MRN_FIELDS, MRN_FORM, readMrnForm } from './identifier-form.js';
import { CONSENT_FIELDS, CONSENT_FORM, EMAIL_FIELDS, EMAIL_FORM, readConsentForm, readEmailForm } from './consent-form.js';
import { patientPageAfter } from './sections.js';
import { patientView } from './view.js';

export const recordRoutes: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps } = pageDeps;
  const { pool } = deps.db;
  const show = patientView(pageDeps);

  app.post('/patients/:id/care-plan', async (request, reply) => {
    const patient = await ownPatient(pool, request);
    const { input, rows } = readCarePlanForm(request.body);
    try {
      checkProblemRows(input);
      const plan = CarePlanInputSchema.parse(input);
      await writeCarePlan(actionContext(deps, request), { patientId: patient.id, plan });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, CARE_PLAN_FORM, request.body, carePlanFields(rows)));
    }
    return redirect(reply, patientPageAfter(patient.id, { notice: 'care_plan_saved' }));
  });

  // Forms that change the patient record through the same PATCH action as the API: what each reads, and the notice after.
  const patientForms = [
    { path: 'consent', read: readConsentForm, form: CONSENT_FORM, fields: CONSENT_FIELDS, notice: 'consent_saved' },
    { path: 'mrn', read: readMrnForm, form: MRN_FORM, fields: MRN_FIELDS, notice: 'mrn_saved' },
    { path: 'email', read: readEmailForm, form: EMAIL_FORM, fields: EMAIL_FIELDS, notice: 'email_saved' },
  ] as const;
  for (const f of patientForms) {
    app.post(`/patients/:id/${f.path}`, async (request, reply) => {
      const patient = await ownPatient(pool, request);
      try {
        const changes = patchPatientSchema(deps.clock).parse(f.read(request.body));
        await changePatient(actionContext(deps, request), { patientId: patient.id, changes });
      } catch (error) {
        return show(request, reply, patient, failedForm(error, f.form, request.body, f.fields));
      }
      return redirect(reply, patientPageAfter(patient.id, { notice: f.notice }));
    });
  }
};
