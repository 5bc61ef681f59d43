import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import type { Database } from './store/database.js';
import { handleError } from './api/error-handler.js';
import { RESPONSE_DESCRIPTIONS } from './api/schemas.js';
import { webApp } from './web/index.js';
import { patientForm } from './web/patient-form.js';
import { consentPage } from './web/consent-page.js';
import { emailLinks } from './web/email-links.js';
import { summaryPage } from './web/summary-page.js';
import { apiRoutes } from './api/index.js';
import { twilioWebhooks } from './webhooks/index.js';

export type { AppDeps } from './deps.js';

const HEALTH_TIMEOUT_MS = 2000;

/** What a Twilio id looks like: two letters and 32 hex digits. Anything else is not logged: it could be anything. */
const TWILIO_SID = /^(SM|MM|CA)[0-9a-f]{32}$/i;

/** Twilio's id of the message or call a webhook is about: no PHI, and it links our log to Twilio's. */
function twilioSid(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const sid = body?.MessageSid ?? body?.CallSid;
  return typeof sid === 'string' && TWILIO_SID.test(sid) ? sid : undefined;
}

/** One log line per request, when it completes; "incoming request" only at debug level. */
class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply) {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime, twilioSid: twilioSid(request) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    // A load balancer polls /health every few seconds: a healthy answer is not news.
    else if (request.url === '/health' && reply.statusCode === 200) reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * The OpenAPI description of a route: its zod schemas as JSON Schema, each
 * response named, and Twilio's webhooks described as Twilio calls them (form
 * data, signed, no bearer token).
 */
function describeRoute(input: Parameters<typeof jsonSchemaTransform>[0]) {
  // The web app's pages are for people, not integrations: not part of the API description.
  if (input.url.startsWith('/app') || input.url.startsWith('/q') || input.url.startsWith('/s/') || input.url.startsWith('/e/') || input.url === '/c' || input.url.startsWith('/c/')) return { schema: { hide: true }, url: input.url };
  const described = jsonSchemaTransform(input);
  const schema = described.schema as Record<string, unknown> & { response?: Record<string, Record<string, unknown>> };
  for (const [status, response] of Object.entries(schema.response ?? {})) response.description ??= RESPONSE_DESCRIPTIONS[status] ?? 'Response';
  if (input.url.startsWith('/webhooks/twilio')) {
    schema.consumes = ['application/x-www-form-urlencoded'];
    schema.security = [];
  }
  return described;
}

/** A load balancer's probe must get an answer quickly, even when the database hangs. */
async function databaseAnswers(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
  const query = db.pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Builds the HTTP app: the same instance serves production (server.ts) and
 * tests (`app.inject`). Order matters: parsers and error handling first, then
 * the webhook families, then the practice API.
 */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    logController: new RequestLog(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `There is no route ${request.method} ${request.url.split('?')[0]}` } }),
  );

  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'ccm-bot',
        version: '1',
        description: 'Chronic Care Management outreach: practices, patients, check-ins and transcripts.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: describeRoute,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    if (await databaseAnswers(deps.db)) return { status: 'ok' };
    return reply.code(503).send({
      status: 'unavailable',
      error: { code: 'database_unavailable', message: 'The database does not answer' },
    });
  });

  await app.register(twilioWebhooks, { prefix: '/webhooks/twilio', deps });
  await app.register(apiRoutes, { prefix: '/api/v1', deps });
  await app.register(webApp, { prefix: '/app', deps });
  await app.register(patientForm, { prefix: '/q', deps });
  await app.register(consentPage, { prefix: '/c', deps });
  await app.register(emailLinks, { prefix: '/e', deps });
  await app.register(summaryPage, { prefix: '/s', deps });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
