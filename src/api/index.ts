import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticate, type Principal } from './auth.js';
import { emptyBodyAsObject, requireJsonBody } from './body-type.js';
import type { ApiOptions } from './options.js';
import { practiceRoutes } from './practices.js';
import { apiKeyRoutes } from './api-keys.js';
import { coordinatorRoutes } from './coordinators.js';
import { patientRoutes } from './patients/routes.js';
import { patientImportRoutes } from './patients/import-route.js';
import { medicationRoutes } from './medications.js';
import { conversationRoutes } from './conversations.js';
import { alertRoutes } from './alerts.js';
import { caseRoutes } from './cases.js';
import { triageRuleRoutes } from './triage-rules.js';
import { unmatchedTextRoutes } from './unmatched-texts.js';
import { frontDeskRoutes } from './front-desk.js';
import { callListRoutes } from './call-list.js';
import { patientOutreachRoutes } from './patients/outreach-routes.js';
import { appointmentRoutes } from './patients/appointment-routes.js';
import { appointmentImportRoutes } from './patients/appointment-import-route.js';
import { staffRoutes } from './staff.js';
import { timeEntryRoutes } from './time-entries.js';
import { carePlanRoutes } from './care-plans.js';
import { monthRoutes } from './months.js';
import { userRoutes } from './users.js';
import { ehrRoutes } from './ehr.js';
import { ehrChartRoutes } from './ehr-chart.js';
import { enrolmentRoutes } from './enrolment.js';
import { campaignRoutes } from './enrolment-campaigns.js';
import { candidateImportRoutes } from './enrolment-import.js';
import { enrolmentConsentRoutes } from './enrolment-consent.js';

export type { ApiOptions } from './options.js';

/** The practice-facing REST API: every route needs a bearer token. */
export const apiRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  app.decorateRequest<Principal | null>('principal', null);
  app.decorateRequest<Date | null>('receivedAt', null);
  app.addHook('onRequest', async (request, reply) => {
    request.receivedAt = deps.clock.now();
    // Answers carry patient data: no browser, proxy or CDN may keep a copy.
    reply.header('cache-control', 'no-store');
    request.principal = await authenticate(request, deps.db.pool, deps.config.adminToken);
    // A body that is not JSON is named as such, instead of "every field is missing" (body-type.ts).
    requireJsonBody(request);
  });
  app.addHook('preValidation', async (request) => emptyBodyAsObject(request));
  await app.register(practiceRoutes, { deps });
  await app.register(apiKeyRoutes, { deps });
  await app.register(coordinatorRoutes, { deps });
  await app.register(patientRoutes, { deps });
  await app.register(patientImportRoutes, { deps });
  await app.register(medicationRoutes, { deps });
  await app.register(conversationRoutes, { deps });
  await app.register(alertRoutes, { deps });
  await app.register(caseRoutes, { deps });
  await app.register(triageRuleRoutes, { deps });
  await app.register(unmatchedTextRoutes, { deps });
  await app.register(frontDeskRoutes, { deps });
  await app.register(callListRoutes, { deps });
  await app.register(patientOutreachRoutes, { deps });
  await app.register(appointmentRoutes, { deps });
  await app.register(appointmentImportRoutes, { deps });
  await app.register(staffRoutes, { deps });
  await app.register(timeEntryRoutes, { deps });
  await app.register(carePlanRoutes, { deps });
  await app.register(monthRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(ehrRoutes, { deps });
  await app.register(ehrChartRoutes, { deps });
  await app.register(enrolmentRoutes, { deps });
  await app.register(campaignRoutes, { deps });
  await app.register(candidateImportRoutes, { deps });
  await app.register(enrolmentConsentRoutes, { deps });
};
