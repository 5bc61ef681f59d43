/** Who the care team should call today, and why. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { notFound } from '../errors.js';
import { CALL_REASONS, callList, invitationCalls, INVITATION_CALL_REASONS } from '../alerts/index.js';
import { recordAccess } from '../store/audit.js';
import { findPractice } from '../store/practices.js';
import { authorize } from '../actions/index.js';
import { logRead, readEntry } from './patients/access.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

/** Who to call, patient or candidate: enough to dial and greet them. */
const PersonToCallSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  language: z.enum(['en', 'es']),
  preferredChannel: z.enum(['sms', 'voice']),
});

const EntrySchema = z.object({
  patient: PersonToCallSchema,
  reasons: z.array(
    z.object({
      code: z.enum(CALL_REASONS),
      detail: z.string(),
      since: z.string().nullable(),
    }),
  ),
  lastContactAt: z.string().nullable().describe('When the patient last wrote or answered'),
  lastAttempts: z.array(z.object({ at: z.string(), kind: z.string(), outcome: z.string() })).describe('The service\'s last tries, newest first'),
});

const InvitationEntrySchema = z.object({
  kind: z.literal('invitation').describe('A candidate (not enrolled yet) to call about joining CCM; their page: GET /candidates/:id'),
  candidate: PersonToCallSchema,
  reason: z.object({
    code: z.enum(Object.keys(INVITATION_CALL_REASONS) as [keyof typeof INVITATION_CALL_REASONS, ...Array<keyof typeof INVITATION_CALL_REASONS>]),
    detail: z.string().describe('In words: "did not answer the invitation", "said yes but has not signed", ...'),
    since: z.string(),
  }),
});

export const callListRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;
  app.get(
    '/practices/:id/call-list',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Who to call today and why, most pressing first',
        description:
          'Urgent alerts, patients the texts cannot reach, call-backs asked for, refills, alerts waiting for review, patients not heard from this month (from the non-responder day). ' +
          'Beside them, `invitations`: candidates an enrolment campaign left for a person to call (no answer, a yes not signed, a text a person should read), longest waiting first.',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(EntrySchema), invitations: z.array(InvitationEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'coordinator', 'practice');
      const practice = await findPractice(pool, request.params.id);
      if (!practice) throw notFound('practice');
      const data = await callList(pool, practice, request.receivedAt);
      await logRead(pool, request, 'call_list.read', practice.id, data.map((e) => e.patient.id));
      const invitations = await invitationCalls(pool, practice);
      // Candidates are no patients yet: their names and numbers are read for the practice.
      if (invitations.length > 0) await recordAccess(pool, readEntry(request, 'call_list.read', practice.id), [null]);
      return { data, invitations };
    },
  );
};
