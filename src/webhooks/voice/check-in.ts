/**
 * A patient's side of a call: calling the practice, a check-in call, each
 * answer, a message left, the bridge to a nurse after a red flag. Every route
 * is signature-checked (the Twilio plugin's hook) and names the call by the
 * opaque token ccm-bot put in the URL; a repeated request gets the answer it
 * got the first time.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import * as voiceChannel from '../../channels/voice/index.js';
import { toE164 } from '../../phone.js';
import { voiceAnswerer } from './once.js';
import { BridgeQuerySchema, PatientVoiceSchema, StepQuerySchema, TokenQuerySchema } from './schemas.js';

const BODY_LIMIT = 32 * 1024;

export const patientVoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { runtime } = deps;
  const answerOnce = voiceAnswerer(deps);
  // Twilio's calls, not part of the practice API: left out of /docs.
  const schema = { tags: ['twilio webhooks'], hide: true, body: PatientVoiceSchema } as const;

  app.post('/', { bodyLimit: BODY_LIMIT, schema }, (request, reply) => {
    const from = toE164(request.body.From ?? '') ?? '';
    const to = toE164(request.body.To ?? '') ?? '';
    return answerOnce(request, reply, (voice) => voiceChannel.incomingCall(runtime, voice, { callSid: request.body.CallSid, from, to }));
  });

  app.post('/check-in/answer', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, (request, reply) =>
    answerOnce(request, reply, (voice) => voiceChannel.checkInCallAnswered(runtime, voice, request.query.token, request.body.AnsweredBy ?? null)),
  );

  app.post('/check-in/gather', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: StepQuerySchema } }, (request, reply) => {
    const heard = { digits: request.body.Digits ?? '', speech: request.body.SpeechResult ?? null, confidence: request.body.Confidence ?? null };
    return answerOnce(request, reply, (voice) => voiceChannel.checkInAnswered(runtime, voice, request.query.token, request.query.step, heard));
  });

  app.post('/check-in/menu', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, (request, reply) =>
    answerOnce(request, reply, (voice) => voiceChannel.checkInMenuPressed(runtime, voice, request.query.token, request.body.Digits ?? '')),
  );

  app.post('/check-in/bridge', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: BridgeQuerySchema } }, (request, reply) => {
    const dialStatus = request.query.dialed ? (request.body.DialCallStatus ?? 'failed') : null;
    return answerOnce(request, reply, (voice) => voiceChannel.checkInBridge(runtime, voice, request.query.token, request.body.Digits ?? '', dialStatus));
  });

  app.post('/check-in/recording', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, (request, reply) => {
    const recording = { url: request.body.RecordingUrl ?? null, seconds: request.body.RecordingDuration ?? null };
    return answerOnce(request, reply, (voice) => voiceChannel.voiceMessageRecorded(runtime, voice, request.query.token, recording));
  });

  app.post('/check-in/transcription', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, async (request, reply) => {
    await voiceChannel.voiceMessageTranscribed(runtime, request.query.token, request.body.TranscriptionText ?? '');
    return reply.code(204).send();
  });

  app.post('/check-in/voicemail', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, (request, reply) =>
    answerOnce(request, reply, (voice) => voiceChannel.checkInVoicemail(runtime, voice, request.query.token)),
  );

  app.post('/check-in/amd', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, async (request, reply) => {
    await voiceChannel.checkInMachineDetected(runtime, request.query.token, request.body.AnsweredBy ?? '');
    return reply.code(204).send();
  });

  app.post('/check-in/status', { bodyLimit: BODY_LIMIT, schema: { ...schema, querystring: TokenQuerySchema } }, async (request, reply) => {
    const { CallStatus: status, AnsweredBy: answeredBy, CallDuration: duration } = request.body;
    await voiceChannel.checkInCallStatus(runtime, request.query.token, { status: status ?? 'completed', answeredBy: answeredBy ?? null, durationSeconds: duration ?? null });
    return reply.code(204).send();
  });
};
