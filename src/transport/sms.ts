import { createRequire } from 'node:module';
import { lazyTwilioClient, type TwilioClientOptions } from './twilio-client.js';

export interface OutboundSms {
  to: string;
  from: string;
  body: string;
  /** Where Twilio reports this message's status changes. */
  statusCallback: string;
}

export interface SendResult {
  sid: string | null;
  status: string;
}

/**
 * Why a send failed, as far as what to do next is concerned:
 * `retry` (429, 5xx, network; see TransportError.mayHaveReachedTwilio),
 * `opted_out` (21610: the number sent STOP), `invalid_number` (21211),
 * `rejected` (any other refusal: do not retry).
 */
export type SendFailure = 'retry' | 'opted_out' | 'invalid_number' | 'rejected';

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly failure: SendFailure,
    readonly code: number | null,
    message: string,
    /**
     * Twilio may have taken the request all the same: its answer was lost
     * (a reset, a timeout) or was a 5xx. Whoever retries asks Twilio first,
     * as after a crash mid-send. False when the answer proves it was not
     * taken (4xx, 429) or the request never left (refused, no DNS).
     */
    readonly mayHaveReachedTwilio = false,
  ) {
    super(message);
  }
}

/** A text we may or may not have handed over: who it was for, what it said, and since when. */
export interface SmsLookup {
  to: string;
  from: string;
  body: string;
  /** It was handed over no earlier than this. */
  since: Date;
}

/** The one way texts leave the service. */
export interface SmsTransport {
  /** True when nothing really leaves the machine. */
  readonly simulated: boolean;
  send(sms: OutboundSms): Promise<SendResult>;
  /**
   * The texts Twilio has that match, oldest first. After a crash in the
   * middle of a send, or a webhook reply whose delivery was never confirmed,
   * this decides between recording what Twilio has and sending it now, so a
   * text is sent exactly once. (Identical texts may match: the caller skips
   * those already recorded against another message.)
   */
  lookup(sms: SmsLookup): Promise<SendResult[]>;
}

/** Records texts as `simulated`; used when no Twilio credentials are configured. Nothing is ever really sent. */
export const simulatedTransport: SmsTransport = {
  simulated: true,
  async send() {
    return { sid: null, status: 'simulated' };
  },
  async lookup() {
    return [];
  },
};

/** Allowance for the difference between Twilio's clock and ours when matching a text by its creation time. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Texts from the practice's number to one patient are few; the latest this many cover any recovery window. */
const LOOKUP_DEPTH = 50;

/** Network errors after which the request may have reached Twilio: the connection broke or timed out (axios says ECONNABORTED). */
const ANSWER_LOST = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE']);
/** Network errors that mean the request never left: nothing was connected to. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Twilio's error class alone, not the whole package (twilio-client.ts says why). Required, not
 * imported: its module is CommonJS with an `exports.default`, which ESM loaders unwrap differently.
 */
const RestException = createRequire(import.meta.url)('twilio/lib/base/RestException.js').default as typeof import('twilio/lib/base/RestException.js').default;

/** Sorts an error from Twilio's REST API (a send, a call, a lookup) by what to do next. */
export function classifyTwilioError(error: unknown): TransportError {
  if (error instanceof RestException) {
    const code = error.code ?? null;
    if (code === 21610) return new TransportError('opted_out', code, 'the recipient has opted out (21610)');
    if (code === 21211) return new TransportError('invalid_number', code, 'the number is not a valid phone number (21211)');
    if (error.status === 429 || code === 20429) return new TransportError('retry', code, `Twilio answered ${error.status}`);
    // A 5xx does not say the request was not acted on.
    if (error.status >= 500) return new TransportError('retry', code, `Twilio answered ${error.status}`, true);
    return new TransportError('rejected', code, `Twilio refused the message (${error.status}, code ${code ?? 'none'})`);
  }
  const networkCode = (error as { code?: unknown }).code;
  if (typeof networkCode === 'string' && NEVER_SENT.has(networkCode)) {
    return new TransportError('retry', null, `network error ${networkCode}`);
  }
  if (typeof networkCode === 'string' && ANSWER_LOST.has(networkCode)) {
    return new TransportError('retry', null, `network error ${networkCode}`, true);
  }
  // Unknown (an unreadable answer, say): it may have come after Twilio acted on the request.
  return new TransportError('retry', null, `unexpected send error: ${(error as Error).message ?? String(error)}`, true);
}

export type TwilioTransportOptions = TwilioClientOptions;

/** Sends through Twilio's Messages API. Retries are ours (jobs), so the client's own are off. */
export function createTwilioTransport({ accountSid, authToken, keepAlive }: TwilioTransportOptions): SmsTransport {
  // A send gives up after 10 s (twilio-client.ts); messaging/send-recovery.ts relies on that bound.
  const client = lazyTwilioClient({ accountSid, authToken, keepAlive });
  return {
    simulated: false,
    async send(sms) {
      try {
        const message = await (await client()).messages.create({
          to: sms.to,
          from: sms.from,
          body: sms.body,
          statusCallback: sms.statusCallback,
        });
        return { sid: message.sid, status: message.status };
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
    async lookup({ to, from, body, since }) {
      try {
        // Twilio lists newest first, and its date filters work on whole days of the sent date, so filter here.
        const recent = await (await client()).messages.list({ to, from, limit: LOOKUP_DEPTH });
        return recent
          .filter((m) => m.body === body && (m.dateCreated?.getTime() ?? 0) >= since.getTime() - CLOCK_SKEW_MS)
          .reverse()
          .map((m) => ({ sid: m.sid, status: m.status }));
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
  };
}
