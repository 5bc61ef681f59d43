/**
 * Twilio's side of the simulation, at the service's transport boundary: every
 * text and call the service asks for is recorded with the service clock's
 * time. Texts are handed to the simulated patient they are for; the SMS side
 * reports itself as `simulated`, so the service runs as in its documented
 * simulated mode for texts (no delivery callbacks awaited). Calls are
 * answered: each rings the simulated person it is for, and what happens on it
 * comes back through the service's real voice webhooks (simulate/calls.ts).
 */
import type { Clock } from '../src/clock.js';
import type { CallTransport, OutboundCall, OutboundSms, SmsTransport } from '../src/transport/index.js';
import { SimCalls } from './calls.js';

export interface SentText {
  at: Date;
  to: string;
  body: string;
}

export interface PlacedCall {
  at: Date;
  to: string;
}

export class SimTwilio {
  readonly texts: SentText[] = [];
  readonly calls: PlacedCall[] = [];
  /** The phones the calls ring, and what happens on them. */
  readonly phones: SimCalls;
  /** Texts not yet read by the simulation loop. */
  private unread: SentText[] = [];

  constructor(private readonly clock: Clock, seed: number, zone: string, practiceNumber: () => string) {
    this.phones = new SimCalls(clock, seed, zone, practiceNumber);
  }

  readonly transport: SmsTransport = {
    simulated: true,
    send: async (sms: OutboundSms) => {
      const sent = { at: this.clock.now(), to: sms.to, body: sms.body };
      this.texts.push(sent);
      this.unread.push(sent);
      return { sid: null, status: 'simulated' };
    },
    lookup: async () => [],
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

  /** The texts sent since the last call, oldest first. */
  takeUnread(): SentText[] {
    const taken = this.unread;
    this.unread = [];
    return taken;
  }
}
