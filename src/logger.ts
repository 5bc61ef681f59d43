import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * Paths that can carry protected health information (PHI). Log lines name
 * records by id; these paths are censored in case a value slips into a log call.
 * `err.detail` matters: PostgreSQL puts the conflicting values (a phone number)
 * into the `detail` of a unique-violation error.
 */
const PHI_PATHS = [
  'req.headers.authorization',
  'req.body',
  'body',
  'Body',
  'From',
  'To',
  'phone',
  'firstName',
  'lastName',
  'name',
  'dateOfBirth',
  'mrn',
  'text',
  '*.body',
  '*.Body',
  '*.From',
  '*.To',
  '*.phone',
  '*.firstName',
  '*.lastName',
  '*.name',
  '*.dateOfBirth',
  '*.mrn',
  '*.text',
  'err.detail',
  'err.where',
  'err.parameters',
  'error.detail',
];

/**
 * What an error keeps in a log line. Errors carry whatever their library hung
 * on them (pg hangs the whole client, with every prepared statement; PostgreSQL
 * details quote the values at fault): a short list is safer than a long redaction.
 */
const ERROR_FIELDS = new Set(['type', 'message', 'stack', 'code', 'severity', 'routine', 'status', 'statusCode', 'failure', 'errno', 'syscall']);

function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(serialized).filter(([field]) => ERROR_FIELDS.has(field)));
}

/**
 * The token of a patient's link (the questionnaire's /q/<token>, the consent page's /c/<token>, the
 * summary's /s/<token>, an email's /e/unsubscribe/<token>) is never written down.
 */
export const redactLinkTokens = (path: string | undefined) =>
  path?.replace(/^\/q\/(?!form\.css$|icon\.svg$|crisis$|thanks$|continue$)[^/]+/, '/q/[token]').replace(/^\/s\/[^/]+/, '/s/[token]')
    .replace(/^\/c\/(?!signed$|declined$|decline$)[^/]+/, '/c/[token]')
    .replace(/^\/e\/unsubscribe\/[^/]+/, '/e/unsubscribe/[token]');

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: PHI_PATHS, censor: '[redacted]' },
      serializers: {
        err: serializeError,
        // Only the method and the path: query strings may carry identifiers we do not want to spread,
        // and a link's token opens a patient's page: it is never written down.
        req: (req: { method?: string; url?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          path: redactLinkTokens(req.url?.split('?')[0]),
        }),
      },
    },
    destination,
  );
}

export type { Logger };
