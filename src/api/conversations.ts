import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, cancelCheckIn, CheckInSchema, startCheckIn } from '../actions/index.js';
import { notFound } from '../errors.js';
import { findConversation, type Conversation } from '../store/conversations.js';
import { listTranscript } from '../store/transcript.js';
import { listObservations } from '../store/observations.js';
import { IdParamsSchema, conflictResponse, errorResponses } from './schemas.js';
import { actionContext } from './context.js';
import { logRead, loadPatient } from './patients/access.js';

const TranscriptEntrySchema = z.object({
  timestamp: z.string(),
  type: z.enum(['message', 'event']),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  channel: z.enum(['sms', 'voice', 'form']).nullable().describe("form: answers sent from the questionnaire's web page"),
  text: z.string(),
  kind: z.string(),
  status: z.string().nullable(),
  errorCode: z.number().nullable(),
  conversationId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

const ConversationSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  flow: z.string(),
  channel: z.string(),
  state: z.string(),
  status: z.string(),
  answers: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  lastActivityAt: z.string(),
  expiresAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

const ObservationSchema = z.object({
  kind: z.string().describe('blood_pressure, pain, wellness, concern, medication_adherence, glucose, oxygen, pulse, weight, ...'),
  value: z
    .record(z.string(), z.unknown())
    .describe('Depends on kind: blood_pressure {systolic, diastolic}, pain {score}, glucose {mgdl}, concern {category, severity?, trend?}, ...')
    .meta({ example: { systolic: 152, diastolic: 96 } }),
  conversationId: z.string().nullable(),
  observedAt: z.string(),
});

export const conversationRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  app.post(
    '/patients/:id/check-ins',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Start a check-in now (a text, or a call for a patient who takes calls)',
        description:
          'Opens a check-in and queues its first text now (held until quiet hours end), or, for a patient who ' +
          'takes calls, places the call. 409 when the patient opted out, declined consent, is disenrolled, or ' +
          'already has a check-in open.',
        params: IdParamsSchema,
        body: CheckInSchema.meta({ example: { flow: 'wellness' } }),
        response: {
          202: z.object({
            conversationId: z.uuid(),
            messageId: z.uuid().nullable().describe('The first text; null for a call'),
            callId: z.uuid().nullable().describe('The call, for a patient who takes calls; null for a text'),
          }),
          ...errorResponses,
          ...conflictResponse,
        },
      },
    },
    async (request, reply) => {
      const started = await startCheckIn(actionContext(deps, request), { patientId: request.params.id, ...request.body });
      return reply.code(202).send(started);
    },
  );

  app.get(
    '/patients/:id/transcript',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Everything said with the patient and what happened, oldest first',
        description: 'Every text to and from the patient and every event around them, oldest first.',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(TranscriptEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const entries = await listTranscript(pool, patient.id);
      await logRead(pool, request, 'transcript.read', patient.practiceId, [patient.id]);
      return { data: entries };
    },
  );

  app.get(
    '/patients/:id/observations',
    {
      schema: {
        tags: ['conversations'],
        summary: 'What the patient reported, oldest first',
        description: 'What the patient reported in check-ins (readings, adherence, concerns), oldest first.',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(ObservationSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const patient = await loadPatient(pool, request, request.params.id);
      const observations = await listObservations(pool, patient.id);
      await logRead(pool, request, 'observations.read', patient.practiceId, [patient.id]);
      return { data: observations };
    },
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: 'One check-in: flow, state, status and answers so far',
        params: IdParamsSchema,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const conversation = await findConversation(pool, request.params.id);
      if (!conversation) throw notFound('conversation');
      authorize(request.principal, conversation.practiceId, 'coordinator', 'conversation');
      await logRead(pool, request, 'conversation.read', conversation.practiceId, [conversation.patientId]);
      return visible(conversation);
    },
  );

  app.post(
    '/conversations/:id/cancel',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Cancel an open check-in',
        description:
          'Ends it at once (status cancelled); its first text, if still held for quiet hours, is not sent. Who cancelled it and ' +
          'when is in the transcript. 409 when it already ended.',
        params: IdParamsSchema,
        response: { 200: ConversationSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => {
      return visible(await cancelCheckIn(actionContext(deps, request), { conversationId: request.params.id }));
    },
  );
};

/** A conversation as the API shows it: no flow internals. */
function visible(conversation: Conversation) {
  const { snapshot: _snapshot, input: _input, practiceId: _practiceId, version: _version, ...shown } = conversation;
  return shown;
}
