import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Durations are given in seconds in the environment; they are kept in milliseconds. */
const seconds = (fallback: number) =>
  z.coerce
    .number()
    .positive()
    .default(fallback)
    .transform((value) => value * 1000);

/**
 * Options an SMTP_URL may not set: mail to patients goes over TLS, so
 * STARTTLS is always required on smtp:// (smtps:// is TLS from the start).
 */
const TLS_OVERRIDES = ['requireTLS', 'ignoreTLS', 'opportunisticTLS', 'secure'];

function smtpUrlProblems(value: string, ctx: z.RefinementCtx): void {
  const url = new URL(value);
  if (!url.hostname) ctx.addIssue({ code: 'custom', message: 'must name the SMTP server, like smtp://user:pass@smtp.example.com:587' });
  const overridden = TLS_OVERRIDES.filter((option) => url.searchParams.has(option));
  if (overridden.length > 0) {
    ctx.addIssue({ code: 'custom', message: `may not set ${overridden.join(', ')}: smtp:// always requires STARTTLS, smtps:// is TLS from the start` });
  }
}

/** "Maple Family Medicine <care@maple.example>" or a bare address; one mailbox. */
function mailFrom(value: string, ctx: z.RefinementCtx): MailFrom {
  const parsed = addressparser(value, { flatten: true });
  const mailbox = parsed.length === 1 ? parsed[0] : undefined;
  if (!mailbox?.address || !z.email().safeParse(mailbox.address).success) {
    ctx.addIssue({ code: 'custom', message: 'must be one email address, like "Maple Family Medicine <care@maple.example>" or care@maple.example' });
    return z.NEVER;
  }
  return { name: mailbox.name || null, address: mailbox.address };
}

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATA_DIR: z.string().default('./data'),
    PUBLIC_URL: optionalString.pipe(
      z
        .url({ protocol: /^https?$/ })
        // Twilio signs the exact URL it called; a trailing slash would double up with the path.
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    TWILIO_ACCOUNT_SID: optionalString.pipe(
      z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits').optional(),
    ),
    TWILIO_AUTH_TOKEN: optionalString,
    SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).superRefine(smtpUrlProblems).optional()),
    MAIL_FROM: optionalString.pipe(z.string().transform(mailFrom).optional()),
    ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CONVERSATION_TIMEOUT_SECONDS: seconds(24 * 60 * 60),
    JOB_POLL_SECONDS: seconds(2),
    SEND_RETRY_BASE_SECONDS: seconds(30),
    SHUTDOWN_GRACE_SECONDS: seconds(20),
    TWILIO_CALLS_PER_SECOND: z.coerce.number().positive().max(100).default(1),
    VOICE_EN: z.string().min(1).default('Polly.Joanna-Neural'),
    VOICE_ES: z.string().min(1).default('Polly.Lupe-Neural'),
    // Pinned, so a change of Twilio's default recognizer does not change what patients' words become.
    VOICE_SPEECH_MODEL: z.string().min(1).default('phone_call'),
    VOICE_CONFIDENCE_MIN: z.coerce.number().min(0).max(1).default(0.5),
    VOICE_CALL_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    VOICE_RETRY_MINUTES: z.coerce.number().int().min(1).max(720).default(120),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.TWILIO_ACCOUNT_SID) !== Boolean(env.TWILIO_AUTH_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID'],
        message: 'set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or neither (simulated mode)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.TWILIO_AUTH_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_AUTH_TOKEN'],
        message:
          'NODE_ENV=production needs Twilio credentials: without them webhooks would accept unsigned requests and no text would leave the machine',
      });
    }
    if (env.NODE_ENV === 'production' && env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'NODE_ENV=production with SMTP_URL needs MAIL_FROM, the address patients see the emails come from (e.g. "Maple Family Medicine <care@maple.example>")',
      });
    }
  });

/** Who emails come from (MAIL_FROM); with no name of its own, each practice's name is shown. */
export interface MailFrom {
  name: string | null;
  address: string;
}

/** How check-ins by phone behave. */
export interface VoiceCheckInSettings {
  /** Twilio's speech recognizer, pinned (VOICE_SPEECH_MODEL). */
  speechModel: string;
  /** Words heard with less confidence are read back for confirmation (VOICE_CONFIDENCE_MIN, default 0.5). */
  confidenceMin: number;
  /** Calls per check-in before it counts as unanswered (VOICE_CALL_ATTEMPTS, default 3). */
  attempts: number;
  /** At least this long between two calls for one check-in (VOICE_RETRY_MINUTES, default 120). */
  retryMs: number;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Unset: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  /** Unset: simulated mode (unsigned webhooks accepted, nothing leaves the machine). */
  twilio: { accountSid: string; authToken: string } | undefined;
  /** Unset: simulated email (recorded as `simulated`, nothing leaves the machine). */
  smtpUrl: string | undefined;
  mailFrom: MailFrom;
  adminToken: string | undefined;
  logLevel: string;
  conversationTimeoutMs: number;
  jobPollMs: number;
  sendRetryBaseMs: number;
  shutdownGraceMs: number;
  /** How many calls may start per second (Twilio accounts place 1 unless raised). */
  callsPerSecond: number;
  /** The text-to-speech voice for each language of a call. */
  voices: { 'en-US': string; 'es-MX': string };
  voiceCheckIns: VoiceCheckInSettings;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const c = parsed.data;
  // Unset: the address the service listens on, so URLs in TwiML and callbacks point at it.
  const publicUrl = c.PUBLIC_URL ?? `http://${['0.0.0.0', '::', '127.0.0.1', '::1'].includes(c.HOST) ? 'localhost' : c.HOST}:${c.PORT}`;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    publicUrl,
    twilio:
      c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN
        ? { accountSid: c.TWILIO_ACCOUNT_SID, authToken: c.TWILIO_AUTH_TOKEN }
        : undefined,
    smtpUrl: c.SMTP_URL,
    // Unset (development only): an address at the service's own host.
    mailFrom: c.MAIL_FROM ?? { name: null, address: `ccm-bot@${new URL(publicUrl).hostname}` },
    adminToken: c.ADMIN_TOKEN,
    logLevel: c.LOG_LEVEL,
    conversationTimeoutMs: c.CONVERSATION_TIMEOUT_SECONDS,
    jobPollMs: c.JOB_POLL_SECONDS,
    sendRetryBaseMs: c.SEND_RETRY_BASE_SECONDS,
    shutdownGraceMs: c.SHUTDOWN_GRACE_SECONDS,
    callsPerSecond: c.TWILIO_CALLS_PER_SECOND,
    voices: { 'en-US': c.VOICE_EN, 'es-MX': c.VOICE_ES },
    voiceCheckIns: {
      speechModel: c.VOICE_SPEECH_MODEL,
      confidenceMin: c.VOICE_CONFIDENCE_MIN,
      attempts: c.VOICE_CALL_ATTEMPTS,
      retryMs: c.VOICE_RETRY_MINUTES * 60 * 1000,
    },
  };
}
