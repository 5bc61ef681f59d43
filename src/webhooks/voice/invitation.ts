/**
 * An invitation call to a candidate (enrolment campaigns): answered (a
 * person hears the invitation and its keys, a machine the practice's number),
 * a key pressed, and how the call ended. Signature-checked like every Twilio
 * route; the call is named by the id ccm-bot put in its URLs.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import * as voiceChannel from '../../channels/voice/index.js';
import { RECORDED, TWIML, voiceDoc } from './docs.js';
import { voiceAnswerer } from './once.js';
import { CallStatusSchema, PatientVoiceSchema, TokenQuerySchema } from './schemas.js';

const BODY_LIMIT = 32 * 1024;

const TurnQuerySchema = TokenQuerySchema.extend({ turn: z.coerce.number().int().min(0).max(10).default(0) });

export const invitationVoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { runtime } = deps;
  const answerOnce = voiceAnswerer(deps);

  app.post(
    '/invitation/answer',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc(
          'An invitation call was answered',
          'The answer URL of a campaign\'s invitation call: a person hears who is calling and why, then 1 (hear more), 2 (not interested), 9 (no more calls); a machine, only the practice and its number.',
          PatientVoiceSchema,
          { CallStatus: 'in-progress', AnsweredBy: 'human' },
        ),
        querystring: TokenQuerySchema,
        response: TWIML,
      },
    },
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.invitationCallAnswer(runtime, voice, request.query.token, request.body.AnsweredBy ?? null)),
  );

  app.post(
    '/invitation/gather',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc('A key pressed on an invitation call', '1: interested (a coordinator calls to take consent by phone); 2: not interested; 9: no more calls; silence: the invitation once more.', PatientVoiceSchema, {
          Digits: '1',
        }),
        querystring: TurnQuerySchema,
        response: TWIML,
      },
    },
    (request, reply) =>
      answerOnce(request, reply, (voice) => voiceChannel.invitationCallKey(runtime, voice, request.query.token, request.body.Digits ?? '', request.query.turn)),
  );

  app.post(
    '/invitation/status',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...voiceDoc('How an invitation call ended (status callback)', 'Recorded on the call; an unanswered call was the step\'s attempt, and the campaign\'s next step goes on its day.', CallStatusSchema, {
          CallStatus: 'completed',
        }),
        querystring: TokenQuerySchema,
        response: RECORDED,
      },
    },
    async (request, reply) => {
      await voiceChannel.invitationCallStatus(runtime, request.query.token, request.body.CallStatus);
      return reply.code(204).send(null);
    },
  );
};
