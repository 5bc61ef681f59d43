/**
 * Twilio's side of the simulation, at the service's transport boundary: every
 * text and call the service asks for is recorded with the service clock's
 * time and handed to the simulated patient it is for. It reports itself as
 * `simulated`, so the service runs as in its documented simulated mode (no
 * delivery callbacks awaited, TwiML replies not confirmed); delivery
 * callbacks and call outcomes are left for later (see simulate/README.md).
 */
import type { Clock } from '../src/clock.js';
import type { CallTransport, OutboundCall, OutboundSms, SmsTransport } from '../src/transport/index.js';

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
  /** Texts not yet read by the simulation loop. */
  private unread: SentText[] = [];

  constructor(private readonly clock: Clock) {}

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

  /** Nobody answers a call yet: the service hears nothing back, as in its simulated mode. */
  readonly callTransport: CallTransport = {
    simulated: true,
    placeCall: async (call: OutboundCall) => {
      this.calls.push({ at: this.clock.now(), to: call.to });
      return { sid: null, status: 'simulated' };
    },
    redirectCall: async () => {},
    lookup: async () => [],
  };

  /** The texts sent since the last call, oldest first. */
  takeUnread(): SentText[] {
    const taken = this.unread;
    this.unread = [];
    return taken;
  }
}
