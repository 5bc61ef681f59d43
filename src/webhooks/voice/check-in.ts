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
import { RECORDED, TWIML, voiceDoc } from './docs.js';
import { voiceAnswerer } from './once.js';
import { BridgeQuerySchema, PatientVoiceSchema, StepQuerySchema, TokenQuerySchema, WhisperQuerySchema } from './schemas.js';

const BODY_LIMIT = 32 * 1024;

type Body = { Digits?: string | undefined; SpeechResult?: string | undefined; Confidence?: number | undefined };
const heardIn = (body: Body) => ({ digits: body.Digits ?? '', speech: body.SpeechResult ?? null, confidence: body.Confidence ?? null });

const doc = (summary: string, description: string, example: Record<string, string>) => voiceDoc(summary, description, PatientVoiceSchema, example);

export const patientVoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { runtime } = deps;
  const answerOnce = voiceAnswerer(deps);
  const options = <S extends object>(schema: S) => ({ bodyLimit: BODY_LIMIT, schema });

  app.post(
    '/',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        ...doc(
          'A patient calls the practice (Twilio\'s Voice webhook)',
          'Set as "A call comes in" on the practice\'s number. A known caller hears the check-in that is open or due, or the menu ' +
            '(say or press 1, 2, 3); an unknown caller hears whom to call, in English and Spanish.',
          { From: '+15552010001', To: '+15558675310', CallStatus: 'ringing', Direction: 'inbound' },
        ),
        response: TWIML,
      },
    },
    (request, reply) => {
      const from = toE164(request.body.From ?? '') ?? '';
      const to = toE164(request.body.To ?? '') ?? '';
      return answerOnce(request, reply, (voice) => voiceChannel.incomingCall(runtime, voice, { callSid: request.body.CallSid, from, to }));
    },
  );

  app.post(
    '/check-in/answer',
    options({
      ...doc('A check-in call was answered', 'The answer URL of a check-in call ccm-bot placed: a person hears the first question; a machine, only the practice and its number.', {
        CallStatus: 'in-progress',
        AnsweredBy: 'human',
      }),
      querystring: TokenQuerySchema,
      response: TWIML,
    }),
    (request, reply) =>
      answerOnce(request, reply, (voice) => voiceChannel.checkInCallAnswered(runtime, voice, request.query.token, request.body.AnsweredBy ?? null)),
  );

  app.post(
    '/check-in/gather',
    options({
      ...doc('An answer to a check-in question, by keypad or speech', 'Digits, or SpeechResult with Confidence; an empty body is silence (asked again once).', {
        SpeechResult: 'one forty over ninety',
        Confidence: '0.92',
      }),
      querystring: StepQuerySchema,
      response: TWIML,
    }),
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.checkInAnswered(runtime, voice, request.query.token, request.query.step, heardIn(request.body))),
  );

  app.post(
    '/check-in/menu',
    options({
      ...doc('A choice at the menu, by keypad or speech', '1 (how they feel), 2 (medicines) or 3 (a message), pressed or said in English or Spanish; other words are read like a text (a red flag is escalated).', {
        SpeechResult: 'uno',
        Confidence: '0.88',
      }),
      querystring: TokenQuerySchema,
      response: TWIML,
    }),
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.checkInMenuPressed(runtime, voice, request.query.token, heardIn(request.body))),
  );

  app.post(
    '/check-in/bridge',
    options({
      ...doc(
        'After a red flag: the answer to the offer of a nurse, or how a dial to a nurse ended',
        'Without `dialed`: "yes" or 1 dials the on-call chain in order; silence or other words repeat the emergency advice and end the call. ' +
          'With `dialed` and `nurse`: the next nurse is dialed, or the caller hears the advice again and that the care team was alerted.',
        { Digits: '1' },
      ),
      querystring: BridgeQuerySchema,
      response: TWIML,
    }),
    (request, reply) => {
      const { dialed, nurse } = request.query;
      const dial = dialed ? { status: request.body.DialCallStatus ?? 'failed', nurse: nurse ?? null } : null;
      return answerOnce(request, reply, (voice) => voiceChannel.checkInBridge(runtime, voice, request.query.token, heardIn(request.body), dial));
    },
  );

  app.post(
    '/check-in/whisper',
    options({
      ...doc('A nurse answered the dial for a patient in an emergency', 'The <Number url> of that dial: the nurse hears who is calling and why, and presses 1 to take the call.', {
        CallStatus: 'in-progress',
      }),
      querystring: WhisperQuerySchema,
      response: TWIML,
    }),
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.nurseWhisper(runtime, voice, request.query.token, request.query.nurse)),
  );

  app.post(
    '/check-in/whisper/key',
    options({
      ...doc('The nurse\'s key: 1 takes the call', '1 connects the nurse to the patient and acknowledges the alert; silence or another key hangs up, and the next nurse is dialed.', {
        Digits: '1',
      }),
      querystring: WhisperQuerySchema,
      response: TWIML,
    }),
    (request, reply) =>
      answerOnce(request, reply, (voice) => voiceChannel.nurseWhisperKey(runtime, voice, request.query.token, request.query.nurse, request.body.Digits ?? '')),
  );

  app.post(
    '/check-in/recording',
    options({
      ...doc('A voice message was recorded', 'Kept in the transcript and put before the care team as an alert to review.', {
        RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0123/Recordings/RE0123',
        RecordingDuration: '21',
      }),
      querystring: TokenQuerySchema,
      response: TWIML,
    }),
    (request, reply) => {
      const recording = { url: request.body.RecordingUrl ?? null, seconds: request.body.RecordingDuration ?? null };
      return answerOnce(request, reply, (voice) => voiceChannel.voiceMessageRecorded(runtime, voice, request.query.token, recording));
    },
  );

  app.post(
    '/check-in/transcription',
    options({
      ...doc('Twilio\'s transcription of a voice message', 'Added to the transcript beside the recording, once however often it is sent.', {
        TranscriptionText: 'please call me about my water pill',
        TranscriptionStatus: 'completed',
      }),
      querystring: TokenQuerySchema,
      response: RECORDED,
    }),
    async (request, reply) => {
      await voiceChannel.voiceMessageTranscribed(runtime, request.query.token, request.body.TranscriptionText ?? '');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/check-in/voicemail',
    options({
      ...doc('The callback message for an answering machine', 'A check-in call redirected here after a machine was detected: the practice\'s name and number only.', {}),
      querystring: TokenQuerySchema,
      response: TWIML,
    }),
    (request, reply) => answerOnce(request, reply, (voice) => voiceChannel.checkInVoicemail(runtime, voice, request.query.token)),
  );

  app.post(
    '/check-in/amd',
    options({
      ...doc('Answering-machine detection of a check-in call', 'Twilio\'s asynchronous verdict; a machine\'s call is redirected to the callback message.', {
        AnsweredBy: 'machine_end_beep',
      }),
      querystring: TokenQuerySchema,
      response: RECORDED,
    }),
    async (request, reply) => {
      await voiceChannel.checkInMachineDetected(runtime, request.query.token, request.body.AnsweredBy ?? '');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/check-in/status',
    options({
      ...doc('How a patient\'s call ended (status callback)', 'A check-in call not reached (busy, no answer, a machine) is tried again later today; a call in progress keeps its check-in open.', {
        CallStatus: 'completed',
        CallDuration: '42',
      }),
      querystring: TokenQuerySchema,
      response: RECORDED,
    }),
    async (request, reply) => {
      const { CallStatus: status, AnsweredBy: answeredBy, CallDuration: duration } = request.body;
      await voiceChannel.checkInCallStatus(runtime, request.query.token, { status: status ?? 'completed', answeredBy: answeredBy ?? null, durationSeconds: duration ?? null });
      return reply.code(204).send(null);
    },
  );
};
