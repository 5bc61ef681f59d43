import { lazyTwilioClient, type TwilioClientOptions } from './twilio-client.js';
import { classifyTwilioError } from './sms.js';

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
  /**
   * Runs when the call's turn comes (after pacing), just before Twilio is
   * asked: from then on the call may exist at Twilio even if no answer comes
   * back. The caller notes it, so a restart can tell a call that never left
   * the queue from one that may have been placed.
   */
  onTurn?: () => Promise<void>;
}

export interface PlacedCall {
  sid: string | null;
  status: string;
}

/** A call we may or may not have placed: to whom, from which number, and since when. */
export interface CallLookup {
  to: string;
  from: string;
  /** It was asked for no earlier than this. */
  since: Date;
}

/** A call Twilio has, as its call list reports it. */
export interface FoundCall {
  sid: string;
  status: string;
}

/** The one way calls leave the service, beside the SMS transport. */
export interface CallTransport {
  readonly simulated: boolean;
  placeCall(call: OutboundCall): Promise<PlacedCall>;
  /** Sends a call in progress to new TwiML at `url` (a machine answered: leave the callback message). */
  redirectCall(callSid: string, url: string): Promise<void>;
  /**
   * The calls placed through Twilio's API from `from` to `to` since `since`,
   * oldest first. After a crash in the middle of placing a call, this decides
   * between recording the call Twilio has and placing it now. Twilio's call
   * records do not name the attempt a call was for: the caller skips calls
   * already recorded and matches the rest to its unsettled attempts.
   */
  lookup(call: CallLookup): Promise<FoundCall[]>;
}

/** Records calls as `simulated`; nothing leaves the machine, and nobody answers. */
export const simulatedCalls: CallTransport = {
  simulated: true,
  async placeCall() {
    return { sid: null, status: 'simulated' };
  },
  async redirectCall() {},
  async lookup() {
    return [];
  },
};

/** Allowance for the difference between Twilio's clock and ours when matching a call by its creation time. */
export const CALL_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Calls from the practice's number to one coordinator are few; the latest this many cover any recovery window. */
const LOOKUP_DEPTH = 50;

/**
 * Only calls created through the Calls API can be one of ours: a leg of
 * another call (a patient's call connected to the coordinator by <Dial>) has
 * a parent and another direction, and must never pass for an alert's call.
 */
const placedThroughApi = (call: { parentCallSid?: string | null; direction?: string | null }) =>
  !call.parentCallSid && call.direction === 'outbound-api';

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

export interface TwilioCallOptions extends TwilioClientOptions {
  callsPerSecond: number;
}

/** Places calls through Twilio's Calls API, paced to the account's calls per second. */
export function createTwilioCalls({ accountSid, authToken, keepAlive, callsPerSecond }: TwilioCallOptions): CallTransport {
  const client = lazyTwilioClient({ accountSid, authToken, keepAlive });
  const pace = createPacer(callsPerSecond);
  return {
    simulated: false,
    async placeCall(call) {
      await pace();
      await call.onTurn?.();
      try {
        const placed = await (await client()).calls.create({
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
        await (await client()).calls(callSid).update({ url, method: 'POST' });
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
    async lookup({ to, from, since }) {
      try {
        // Twilio lists newest first, and its date filters work on whole days, so filter here.
        const recent = await (await client()).calls.list({ to, from, limit: LOOKUP_DEPTH });
        return recent
          .filter((c) => placedThroughApi(c) && (c.dateCreated?.getTime() ?? 0) >= since.getTime() - CALL_CLOCK_SKEW_MS)
          .reverse()
          .map((c) => ({ sid: c.sid, status: c.status }));
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
  };
}
