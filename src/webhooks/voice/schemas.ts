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
