import twilio from 'twilio';
import { classifyTwilioError } from './transport.js';

export interface OutboundCall {
  to: string;
  from: string;
  /** Our voice route Twilio fetches when the call is answered. */
  url: string;
  /** Where Twilio reports the call's status as it changes. */
  statusCallback: string;
  /**
   * Answering-machine detection: 'Enable' holds the call until Twilio knows
   * whether a person answered (AnsweredBy on the voice request), so a
   * voicemail never hears the alert.
   */
  machineDetection?: 'Enable' | 'DetectMessageEnd';
  /**
   * With it, detection runs while the call goes on (a person is not kept
   * waiting in silence); the verdict comes here, and a machine's call is
   * redirected to a message.
   */
  asyncAmdStatusCallback?: string;
  /** How long to let it ring, in seconds. */
  ringSeconds: number;
}

export interface PlacedCall {
  sid: string | null;
  status: string;
}

/** The one way calls leave the service, beside the SMS transport. */
export interface CallTransport {
  readonly simulated: boolean;
  placeCall(call: OutboundCall): Promise<PlacedCall>;
  /** Sends a call in progress to new TwiML at `url` (a machine answered: leave the callback message). */
  redirectCall(callSid: string, url: string): Promise<void>;
}

/** Records calls as `simulated`; nothing leaves the machine, and nobody answers. */
export const simulatedCalls: CallTransport = {
  simulated: true,
  async placeCall() {
    return { sid: null, status: 'simulated' };
  },
  async redirectCall() {},
};

/**
 * Spaces out starts so no more than `perSecond` begin in any second: Twilio
 * accounts place 1 call per second unless raised. In-process; several
 * instances each keep their own pace.
 */
export function createPacer(perSecond: number, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), now = () => performance.now()) {
  const interval = 1000 / perSecond;
  let nextStart = 0;
  return async function wait(): Promise<void> {
    const start = Math.max(now(), nextStart);
    nextStart = start + interval;
    const delay = start - now();
    if (delay > 0) await sleep(delay);
  };
}

export interface TwilioCallOptions {
  accountSid: string;
  authToken: string;
  keepAlive: boolean;
  callsPerSecond: number;
}

/** Places calls through Twilio's Calls API, paced to the account's calls per second. */
export function createTwilioCalls({ accountSid, authToken, keepAlive, callsPerSecond }: TwilioCallOptions): CallTransport {
  const client = twilio(accountSid, authToken, { keepAlive, timeout: 10_000, autoRetry: false });
  const pace = createPacer(callsPerSecond);
  return {
    simulated: false,
    async placeCall(call) {
      await pace();
      try {
        const placed = await client.calls.create({
          to: call.to,
          from: call.from,
          url: call.url,
          method: 'POST',
          statusCallback: call.statusCallback,
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['answered', 'completed'],
          timeout: call.ringSeconds,
          ...(call.machineDetection ? { machineDetection: call.machineDetection } : {}),
          ...(call.asyncAmdStatusCallback
            ? { asyncAmd: 'true', asyncAmdStatusCallback: call.asyncAmdStatusCallback, asyncAmdStatusCallbackMethod: 'POST' }
            : {}),
        });
        return { sid: placed.sid, status: placed.status };
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
    async redirectCall(callSid, url) {
      try {
        await client.calls(callSid).update({ url, method: 'POST' });
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
  };
}
