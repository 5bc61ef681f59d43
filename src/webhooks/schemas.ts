import { z } from 'zod';
import { toE164 } from '../phone.js';

/**
 * A Twilio message id (SM/MM and 32 hex digits). Checked loosely: it is only
 * our idempotency key, and a stricter check would turn away test tools.
 */
const messageSid = z.string().regex(/^(SM|MM)[0-9a-zA-Z]{8,64}$/, 'must be a Twilio message id like SM0123...');

export const twilioPhone = z.string().transform((value, ctx) => {
  const e164 = toE164(value);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'is not a phone number' });
    return z.NEVER;
  }
  return e164;
});

/** The fields of Twilio's Messaging webhook that ccm-bot reads; the others are allowed and ignored. */
export const InboundSmsSchema = z.looseObject({
  MessageSid: messageSid,
  From: twilioPhone,
  To: twilioPhone,
  // Twilio's limit for one message is 1600 characters. PostgreSQL text cannot hold NUL,
  // which carries no meaning in a text message anyway.
  Body: z
    .string()
    .max(1600)
    .default('')
    .transform((body) => body.replace(/\u0000/g, '')),
});

const STATUS = ['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'canceled', 'read', 'receiving', 'received', 'partially_delivered'] as const;

export const MessageStatusSchema = z
  .looseObject({
    MessageSid: messageSid,
    MessageStatus: z.enum(STATUS).optional(),
    SmsStatus: z.enum(STATUS).optional(),
    // Absent or empty unless the message failed; Twilio's codes have five digits.
    ErrorCode: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(0).max(999_999, 'must be a Twilio error code like 30003').optional(),
    ),
  })
  .refine((body) => body.MessageStatus ?? body.SmsStatus, { message: 'MessageStatus is required', path: ['MessageStatus'] });

export const StatusQuerySchema = z.object({ messageId: z.uuid('must be the message id ccm-bot put in the callback URL').optional() });
