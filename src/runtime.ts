import type pg from 'pg';
import type { MailFrom, VoiceCheckInSettings } from './config.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { CallTransport, MailTransport, SmsTransport } from './transport/index.js';

/** What the conversation runtime needs from the outside world. */
export interface RuntimeDeps {
  pool: pg.Pool;
  transport: SmsTransport;
  /** How calls leave the service (coordinators' escalation calls). */
  calls: CallTransport;
  logger: Logger;
  /** The base URL Twilio calls back (status callbacks are built on it). */
  publicUrl: string;
  /** How long a conversation waits for each answer. */
  conversationTimeoutMs: number;
  /** First retry delay for a failed send; doubles with each attempt. */
  sendRetryBaseMs: number;
  /** The service's one clock: every time the runtime records or schedules comes from it. */
  clock: Clock;
  /** Check-ins by phone. */
  voice: VoiceCheckInSettings;
  /** How emails leave the service (SMTP, or simulated), and whom they come from. */
  email: { transport: MailTransport; from: MailFrom };
}

/** Where Twilio reports the status of one of our messages; the id survives any callback order. */
export const statusCallbackUrl = (deps: Pick<RuntimeDeps, 'publicUrl'>, messageId: string) =>
  `${deps.publicUrl}/webhooks/twilio/status?messageId=${messageId}`;

/** What record keeping needs (time, care plans, the monthly record): the database and the clock. */
export type RecordDeps = Pick<RuntimeDeps, 'pool' | 'clock'>;
