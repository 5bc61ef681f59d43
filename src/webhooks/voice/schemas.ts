import { z } from 'zod';

/** A Twilio call id: CA and 32 hex digits. */
const callSid = z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'must be a Twilio call id like CA0123...');
const optional = (schema: z.ZodType<string>) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The parameters of Twilio's voice requests that ccm-bot reads; the others are allowed and ignored. */
export const VoiceRequestSchema = z.looseObject({
  CallSid: callSid,
  CallStatus: optional(z.string().max(32)),
  AnsweredBy: optional(z.string().max(32)),
  Digits: optional(z.string().max(32).regex(/^[0-9*#w]*$/, 'must be keypad digits')),
});

const number = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).max(max).optional());

/** A patient's call: who calls whom (an incoming call), what they pressed or said, a recording. */
export const PatientVoiceSchema = VoiceRequestSchema.extend({
  From: optional(z.string().max(32)),
  To: optional(z.string().max(32)),
  SpeechResult: optional(z.string().max(2000)),
  Confidence: number(1),
  DialCallStatus: optional(z.string().max(32)),
  RecordingUrl: optional(z.url().max(500)),
  RecordingDuration: number(86_400),
  TranscriptionText: optional(z.string().max(10_000)),
  CallDuration: number(86_400),
});

export const DialResultSchema = VoiceRequestSchema.extend({
  DialCallStatus: optional(z.string().max(32)),
  DialCallDuration: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(86_400).optional()),
});

export const CallStatusSchema = VoiceRequestSchema.extend({
  CallStatus: z.string().max(32),
});

/** The opaque token ccm-bot put in the call's URLs. */
export const TokenQuerySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be the token ccm-bot put in the URL'),
});

export const GatherQuerySchema = TokenQuerySchema.extend({
  heard: z.coerce.number().int().min(0).max(10).default(0),
});

export const StepQuerySchema = TokenQuerySchema.extend({
  step: z.coerce.number().int().min(0).max(1_000_000),
  turn: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `dialed`: the dial to the `nurse`-th coordinator of the on-call chain ended (absent: the answer to the offer). */
export const BridgeQuerySchema = TokenQuerySchema.extend({
  dialed: z.coerce.number().int().min(0).max(1).optional(),
  nurse: z.coerce.number().int().min(0).max(100).optional(),
});

/** Which coordinator of the on-call chain answered the dial (the whisper before they are connected). */
export const WhisperQuerySchema = TokenQuerySchema.extend({
  nurse: z.coerce.number().int().min(0).max(100),
});
