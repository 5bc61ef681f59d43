/**
 * The patient page's "Revoke consent": read into the body the API's
 * POST /patients/:id/consent/revoke takes and made by the same action, as the
 * signed-in user; a refused form comes back on the patient's page.
 */
import type { FastifyPluginAsync } from 'fastify';
import { revokeConsent, RevokeConsentSchema } from '../../actions/index.js';
import { actionContext } from '../context.js';
import type { PageDeps } from '../page-deps.js';
import { redirect } from '../session.js';
import { field, optional, ownPatient } from './forms.js';
import { failedForm, fieldTable } from './form-errors.js';
import { REVOKE_FORM } from './patient-revoke-view.js';
import { patientView } from './patient/view.js';

const REVOKE_FIELDS = fieldTable({ how: ['how', 'How they asked'], on: ['on', 'The day they asked'] });

export const patientRevoke: FastifyPluginAsync<PageDeps> = async (app, pageDeps) => {
  const { deps } = pageDeps;
  const show = patientView(pageDeps);

  app.post('/patients/:id/consent/revoke', async (request, reply) => {
    const patient = await ownPatient(deps.db.pool, request);
    try {
      const revocation = RevokeConsentSchema(deps.clock).parse({ how: field(request.body, 'how'), on: optional(request.body, 'on') });
      await revokeConsent(actionContext(deps, request), { patientId: patient.id, revocation });
    } catch (error) {
      return show(request, reply, patient, failedForm(error, REVOKE_FORM, request.body, REVOKE_FIELDS));
    }
    return redirect(reply, `/app/patients/${patient.id}?notice=consent_revoked`);
  });
};
