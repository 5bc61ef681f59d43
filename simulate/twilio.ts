/**
 * Twilio's side of the simulation, at the service's transport boundary: every
 * text and call the service asks for is recorded with the service clock's
 * time. A text is taken as Twilio's Messages API takes it (a MessageSid,
 * status `queued`), and its fate is reported later to the status callback the
 * service named: `sent`, then `delivered`, or `undelivered` with Twilio's
 * error for a number that cannot take texts (30003 unreachable, 30005
 * unknown, 30006 landline). Replies the service hands back in TwiML get the
 * same callbacks at their <Message action> URL. Delivered texts are handed to
 * the simulated patient they are for. Calls are answered: each rings the
 * simulated person it is for, and what happens on it comes back through the
 * service's real voice webhooks (simulate/calls.ts). Every callback is an
 * event in one queue (events.ts): nothing sleeps.
 */
import type { Clock } from '../src/clock.js';
import type { Service } from '../src/service.js';
import type { CallTransport, OutboundCall, OutboundSms, SendResult, SmsLookup, SmsTransport } from '../src/transport/index.js';
import { SimCalls } from './calls.js';
import { EventQueue } from './events.js';
import type { WrongNumber } from './patients.js';
import { postForm } from './twilio-form.js';

export interface SentText {
  at: Date;
  to: string;
  body: string;
}

export interface PlacedCall {
  at: Date;
  to: string;
}

/** One text as Twilio holds it: sent through the API (`rest`) or as a reply in TwiML. */
export interface TwilioMessage {
  sid: string;
  at: Date;
  to: string;
  from: string;
  body: string;
  via: 'rest' | 'twiml';
  status: 'queued' | 'sent' | 'delivered' | 'undelivered';
  errorCode: WrongNumber | null;
}

/** Assumption: Twilio reports a text sent 1 s after taking it, and its delivery (or the carrier's error) 4 s after that. */
export const SENT_AFTER_MS = 1000;
export const FINAL_AFTER_MS = 5000;

export class SimTwilio {
  readonly texts: SentText[] = [];
  readonly calls: PlacedCall[] = [];
  /** Every text Twilio took (API and TwiML), with its latest status: what Twilio would list. */
  readonly messages: TwilioMessage[] = [];
  /** Twilio's requests to come, texts' and calls' alike. */
  readonly events: EventQueue;
  /** Webhook requests the service did not answer with 2xx: each is a finding. */
  readonly failures: string[] = [];
  /** The phones the calls ring, and what happens on them. */
  readonly phones: SimCalls;
  /** Delivered texts not yet read by the simulation loop. */
  private unread: SentText[] = [];
  /** Numbers that cannot take texts, and the error Twilio reports for them. */
  private readonly deadNumbers = new Map<string, WrongNumber>();
  private app: Service['app'] | null = null;

  constructor(private readonly clock: Clock, private readonly seed: number, zone: string, practiceNumber: () => string) {
    this.events = new EventQueue(clock);
    this.phones = new SimCalls(clock, seed, zone, practiceNumber, this.events, this.failures);
  }

  attach(app: Service['app']): void {
    this.app = app;
    this.phones.attach(app);
  }

  /** Texts to `phone` are undelivered with `code`. */
  cannotText(phone: string, code: WrongNumber): void {
    this.deadNumbers.set(phone, code);
  }

  readonly transport: SmsTransport = {
    simulated: false,
    send: async (sms: OutboundSms): Promise<SendResult> => {
      const sent = { at: this.clock.now(), to: sms.to, body: sms.body };
      this.texts.push(sent);
      const message = this.take(sms.to, sms.from, sms.body, 'rest', sms.statusCallback);
      if (!message.errorCode) this.unread.push(sent);
      return { sid: message.sid, status: 'queued' };
    },
    lookup: async (query: SmsLookup) => this.lookup(query),
  };

  /** Calls are placed for real as far as the service can tell: a CallSid, then Twilio's requests to its webhooks. */
  readonly callTransport: CallTransport = {
    simulated: false,
    placeCall: async (call: OutboundCall) => {
      this.calls.push({ at: this.clock.now(), to: call.to });
      return this.phones.place(call);
    },
    redirectCall: async (callSid: string, url: string) => this.phones.redirect(callSid, url),
    lookup: async () => [],
  };

  /** The replies in the service's TwiML answer to a text from `to`: Twilio sends each and reports it to its action URL. */
  acceptReplies(to: string, from: string, replies: ReadonlyArray<{ body: string; action: string | null }>): void {
    for (const r of replies) this.take(to, from, r.body, 'twiml', r.action);
  }

  /** The texts sent since the last call, oldest first. */
  takeUnread(): SentText[] {
    const taken = this.unread;
    this.unread = [];
    return taken;
  }

  private take(to: string, from: string, body: string, via: TwilioMessage['via'], callback: string | null): TwilioMessage {
    const sid = `SM${(this.seed >>> 0).toString(16).padStart(8, '0')}${(0x80000000 + this.messages.length).toString(16).padStart(24, '0')}`;
    const message: TwilioMessage = { sid, at: this.clock.now(), to, from, body, via, status: 'queued', errorCode: this.deadNumbers.get(to) ?? null };
    this.messages.push(message);
    const report = (status: TwilioMessage['status']) => async () => {
      message.status = status;
      if (!callback || !this.app) return;
      const error: Record<string, string> = status === 'undelivered' ? { ErrorCode: String(message.errorCode) } : {};
      await postForm(this.app, callback, { ...statusParams(message), MessageStatus: status, SmsStatus: status, ...error }, this.failures);
    };
    this.events.after(SENT_AFTER_MS, report('sent'));
    this.events.after(FINAL_AFTER_MS, report(message.errorCode ? 'undelivered' : 'delivered'));
    return message;
  }

  /** What Twilio's Messages list would show for the query: same to, from and body, since then, oldest first. */
  private lookup({ to, from, body, since }: SmsLookup): SendResult[] {
    return this.messages.filter((m) => m.to === to && m.from === from && m.body === body && m.at >= since).map((m) => ({ sid: m.sid, status: m.status }));
  }
}

/** A status callback's parameters, as in ../shared/fixtures/twilio/message-status-*.form. */
const statusParams = (m: TwilioMessage): Record<string, string> => ({
  AccountSid: `AC${'0'.repeat(32)}`,
  ApiVersion: '2010-04-01',
  From: m.from,
  To: m.to,
  MessageSid: m.sid,
  SmsSid: m.sid,
});
