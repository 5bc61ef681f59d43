/**
 * Consent as staff record it: consent taken by phone with the script, a no
 * said by phone, a call made from the call list, the practice's consent text
 * (read and publish a new version), and a patient's revocation.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import {
  CalledSchema,
  ConsentTextSchema,
  consentTextFor,
  declineForCandidate,
  markCalled,
  practiceFor,
  publishConsentText,
  recordVerbalConsent,
  revokeConsent,
  RevokeConsentSchema,
  PhoneDeclineSchema,
  VerbalConsentSchema,
  withStanding,
} from '../actions/index.js';
import type { Candidate } from '../store/candidates.js';
import { findPractice } from '../store/practices.js';
import { actionContext } from './context.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';
import { CandidateSchema, CcmConsentSchema, ConsentTextResponseSchema } from './enrolment-schemas.js';
import { PatientSchema } from './patients/schemas.js';

const LanguageQuerySchema = z.object({ language: z.enum(['en', 'es']).default('en').describe('en or es (default en)') });

const TEXT_EXAMPLE = {
  language: 'en',
  elements: {
    offered: '{practice} offers you Chronic Care Management (CCM) with {practitioner}: a care plan, check-ins by text or call, and a care team you can reach at any hour.',
    cost_sharing: 'There may be a monthly charge for CCM; your usual copay, coinsurance or deductible may apply.',
    one_practitioner: 'Only one practitioner can bill CCM for you in a month.',
    stop_any_time: 'You can stop CCM at any time by telling {practice}; it stops at the end of that month.',
  },
};

export const enrolmentConsentRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  const RevokeSchema = RevokeConsentSchema(deps.clock);

  /** A candidate as the routes answer with them: with their standing. */
  const present = async (candidate: Candidate, at: Date) => withStanding(candidate, (await findPractice(pool, candidate.practiceId))!, at);

  app.post(
    '/candidates/:id/consent',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Record consent taken by phone with the script: the candidate is enrolled',
        description:
          'The staff member read the practice\'s current consent text (GET /practices/:id/consent-text, in the candidate\'s language) and the ' +
          'candidate acknowledged each element: send the text\'s id and all four elements. The consent is recorded as verbal, obtained by the ' +
          'staff member (the one the key belongs to, or staffId), with the text\'s hash; the candidate becomes an enrolled patient and outreach starts.',
        params: IdParamsSchema,
        body: VerbalConsentSchema.meta({
          example: { consentTextId: '0b7c4c1e-5d7a-4b8e-9f21-6a3d2c1b0e9f', elements: ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'] },
        }),
        response: { 201: z.object({ patient: PatientSchema, consent: CcmConsentSchema }), ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await recordVerbalConsent(actionContext(deps, request), { candidateId: request.params.id, consent: request.body })),
  );

  app.post(
    '/candidates/:id/decline',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Record a no the candidate said by phone: never asked again by a campaign',
        params: IdParamsSchema,
        body: PhoneDeclineSchema.meta({ example: { note: 'Sees a cardiologist for this already' } }),
        response: { 200: CandidateSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => {
      const ctx = actionContext(deps, request);
      return present(await declineForCandidate(ctx, { candidateId: request.params.id, decline: request.body }), ctx.at);
    },
  );

  app.post(
    '/candidates/:id/called',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'The candidate was called: off the call list',
        description: 'For a call that settled nothing (no answer, a message left). Consent or a no taken on the call have their own routes.',
        params: IdParamsSchema,
        body: CalledSchema.meta({ example: { note: 'No answer; left a message with our number' } }),
        response: { 200: CandidateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = actionContext(deps, request);
      return present(await markCalled(ctx, { candidateId: request.params.id, called: request.body }), ctx.at);
    },
  );

  app.get(
    '/practices/:id/consent-text',
    {
      schema: {
        tags: ['enrolment'],
        summary: "The practice's current CCM consent text for a language",
        description: 'The version the consent page shows and the script reads; version 1 is ccm-bot\'s wording until the practice publishes its own.',
        params: IdParamsSchema,
        querystring: LanguageQuerySchema,
        response: { 200: ConsentTextResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const practice = await practiceFor(pool, request.principal, request.params.id, 'coordinator');
      return consentTextFor(pool, practice, request.query.language, request.receivedAt);
    },
  );

  app.put(
    '/practices/:id/consent-text',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Publish a new version of the CCM consent text for a language (admin)',
        description:
          'The wording of each required element; {practice} and {practitioner} are filled in when shown. A new version is made: earlier ' +
          'versions, and what earlier patients agreed to, are kept as they were.',
        params: IdParamsSchema,
        body: ConsentTextSchema.meta({ example: TEXT_EXAMPLE }),
        response: { 201: ConsentTextResponseSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await publishConsentText(actionContext(deps, request), { practiceId: request.params.id, text: request.body })),
  );

  app.post(
    '/patients/:id/consent/revoke',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Record that the patient asked to stop CCM: it stops at the end of that month',
        description: 'how: how they asked; on: the day they asked (default today). The patient is disenrolled; the consent keeps its revocation.',
        params: IdParamsSchema,
        body: RevokeSchema.meta({ example: { how: 'by phone to Linda Park, RN', on: '2026-11-20' } }),
        response: { 200: CcmConsentSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => revokeConsent(actionContext(deps, request), { patientId: request.params.id, revocation: request.body }),
  );
};
