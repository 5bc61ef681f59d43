import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { handleInboundSms } from '../channels/sms/index.js';
import { handleStatusCallback } from '../messaging/index.js';
import { statusCallbackUrl } from '../runtime.js';
import { twilioSignatureCheck } from './signature.js';
import { InboundSmsSchema, MessageStatusSchema, StatusQuerySchema } from './schemas.js';
import { patientVoiceRoutes } from './voice/check-in.js';
import { escalationVoiceRoutes } from './voice/escalation.js';
import { invitationVoiceRoutes } from './voice/invitation.js';

/** Twilio's bodies are small (a text is at most 1600 characters); anything far larger is not Twilio. */
const WEBHOOK_BODY_LIMIT = 32 * 1024;

export interface WebhookOptions {
  deps: AppDeps;
}

/** The Twilio-facing routes: every one is signature-checked before anything else happens. */
export const twilioWebhooks: FastifyPluginAsyncZod<WebhookOptions> = async (app, { deps }) => {
  const { runtime, config } = deps;
  app.addHook('preValidation', twilioSignatureCheck(config.twilio?.authToken, config.publicUrl));

  app.post(
    '/sms',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: {
        tags: ['twilio webhooks'],
        summary: 'A text from a patient (Twilio\'s Messaging webhook)',
        description:
          'Set as "A message comes in" on the practice\'s number. Form-encoded, signed with X-Twilio-Signature; answered with TwiML ' +
          '(<Message> replies). A repeated MessageSid gets the same answer.',
        body: InboundSmsSchema.meta({ example: { MessageSid: 'SM5f3b3c8e0c3f4a2b9d1e7f6a5b4c3d2e', From: '+15552010001', To: '+15558675310', Body: 'not so good' } }),
        response: { 200: z.string().describe('TwiML') },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await handleInboundSms(runtime, { messageSid: body.MessageSid, from: body.From, to: body.To, body: body.Body });
      if (result.duplicate) request.log.info({ messageSid: body.MessageSid }, 'redelivered text answered as before');
      const twiml = new MessagingResponse();
      for (const message of result.replies) {
        twiml.message({ action: statusCallbackUrl(config, message.id), method: 'POST' }, message.body);
      }
      return reply.type('text/xml').send(twiml.toString());
    },
  );

  app.post(
    '/status',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: {
        tags: ['twilio webhooks'],
        summary: 'Delivery status of a text the service sent (Twilio\'s status callback)',
        description: 'Form-encoded, signed. A status never moves a message back (a late "sent" does not overwrite "delivered").',
        querystring: StatusQuerySchema,
        body: MessageStatusSchema.meta({ example: { MessageSid: 'SM5f3b3c8e0c3f4a2b9d1e7f6a5b4c3d2e', MessageStatus: 'delivered' } }),
        response: { 204: z.null().describe('Recorded') },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const outcome = await handleStatusCallback(runtime, {
        messageSid: body.MessageSid,
        status: (body.MessageStatus ?? body.SmsStatus)!,
        errorCode: body.ErrorCode ?? null,
        messageId: request.query.messageId ?? null,
      });
      if (outcome === 'unknown_message') request.log.warn({ messageSid: body.MessageSid }, 'status callback for an unknown message');
      return reply.code(204).send(null);
    },
  );

  await app.register(escalationVoiceRoutes, { prefix: '/voice', deps });
  await app.register(patientVoiceRoutes, { prefix: '/voice', deps });
  await app.register(invitationVoiceRoutes, { prefix: '/voice', deps });
};
