import twilio from 'twilio';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { statusCallbackUrl } from '../bot/deps.js';
import { twilioSignatureCheck } from './signature.js';
import { InboundSmsSchema, MessageStatusSchema, StatusQuerySchema } from './schemas.js';
import { patientVoiceRoutes } from './voice/check-in.js';
import { escalationVoiceRoutes } from './voice/escalation.js';

/** Twilio's bodies are small (a text is at most 1600 characters); anything far larger is not Twilio. */
const WEBHOOK_BODY_LIMIT = 32 * 1024;

export interface WebhookOptions {
  deps: AppDeps;
}

/** The Twilio-facing routes: every one is signature-checked before anything else happens. */
export const twilioWebhooks: FastifyPluginAsyncZod<WebhookOptions> = async (app, { deps }) => {
  const { bot, config } = deps;
  app.addHook('preValidation', twilioSignatureCheck(config.twilio?.authToken, config.publicUrl));

  app.post(
    '/sms',
    { bodyLimit: WEBHOOK_BODY_LIMIT, schema: { tags: ['twilio webhooks'], body: InboundSmsSchema } },
    async (request, reply) => {
      const body = request.body;
      const result = await bot.handleInboundSms({ messageSid: body.MessageSid, from: body.From, to: body.To, body: body.Body });
      if (result.duplicate) request.log.info({ messageSid: body.MessageSid }, 'redelivered text answered as before');
      const twiml = new twilio.twiml.MessagingResponse();
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
      schema: { tags: ['twilio webhooks'], querystring: StatusQuerySchema, body: MessageStatusSchema },
    },
    async (request, reply) => {
      const body = request.body;
      const outcome = await bot.handleStatusCallback({
        messageSid: body.MessageSid,
        status: (body.MessageStatus ?? body.SmsStatus)!,
        errorCode: body.ErrorCode ?? null,
        messageId: request.query.messageId ?? null,
      });
      if (outcome === 'unknown_message') request.log.warn({ messageSid: body.MessageSid }, 'status callback for an unknown message');
      return reply.code(204).send();
    },
  );

  await app.register(escalationVoiceRoutes, { prefix: '/voice', deps });
  await app.register(patientVoiceRoutes, { prefix: '/voice', deps });
};
