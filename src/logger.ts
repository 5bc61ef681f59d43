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
  '*.text',
  'err.detail',
  'err.where',
  'err.parameters',
  'error.detail',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: PHI_PATHS, censor: '[redacted]' },
      serializers: {
        err: pino.stdSerializers.err,
        // Only the method and the path: query strings may carry identifiers we do not want to spread.
        req: (req: { method?: string; url?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url?.split('?')[0],
        }),
      },
    },
    destination,
  );
}

export type { Logger };
