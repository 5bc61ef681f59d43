/**
 * The floor for the inbound-sms benchmark: the least any inbound-text route
 * must do. It verifies the signature with the service's own hook, validates
 * the body with its schema, inserts the inbound row with its store function
 * and answers empty TwiML. Run as its own process, like the service.
 */
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/store/database.js';
import { insertInbound } from '../src/store/messages.js';
import { twilioSignatureCheck } from '../src/webhooks/signature.js';
import { InboundSmsSchema } from '../src/webhooks/schemas.js';

const config = loadConfig();
const db = await openDatabase({ url: config.databaseUrl! });
const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
await app.register(formbody);
app.addHook('preValidation', twilioSignatureCheck(config.twilio?.authToken, config.publicUrl));
app.post('/webhooks/twilio/sms', { schema: { body: InboundSmsSchema } }, async (request, reply) => {
  const body = request.body;
  await insertInbound(db.pool, {
    twilioSid: body.MessageSid,
    practiceId: null,
    patientId: null,
    conversationId: null,
    fromNumber: body.From,
    toNumber: body.To,
    body: body.Body,
    kind: 'bench_floor',
    receivedAt: systemClock.now(),
  });
  return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
});
await app.listen({ port: config.port, host: config.host });
process.once('SIGTERM', () => void app.close().then(() => db.close()).then(() => process.exit(0)));
