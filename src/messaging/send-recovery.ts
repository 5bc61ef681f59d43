import { enqueueJob } from '../store/job-queue.js';
import { knownSids, reopenForSending } from '../store/message-sending.js';
import type { RuntimeDeps } from '../runtime.js';
import type { DeliveryTarget } from './delivery.js';
import { recordSent } from './sent.js';

/**
 * How long a send may be under way: Twilio's client gives up after 10 s
 * (transport.ts). A claim older than this was cut short (the process died).
 */
export const SEND_TIMEOUT_MS = 15_000;
/** Twilio confirms a webhook reply (its <Message action> callback) within seconds; after this, ask Twilio. */
export const REPLY_CONFIRM_MS = 2 * 60_000;

/**
 * Settles a message whose fate is uncertain, from what Twilio has:
 * - `submitting`: a worker took it to send and did not record the outcome
 *   (killed mid-send), or Twilio's answer was lost or was a 5xx (delivery.ts
 *   leaves it so). If Twilio has the text, its sid and status are recorded;
 *   if not, it goes back to pending and is sent now.
 * - `queued` with no Twilio sid: a reply handed back in a webhook's TwiML
 *   whose status callback never came (the process died before answering,
 *   or the callback was lost). Found: recorded; not found: sent by the API.
 * Returns the target to send now (pending), or null when nothing is left to do.
 * A send that may still be under way is checked again once it cannot be.
 */
export async function settleUncertainSend(deps: RuntimeDeps, target: DeliveryTarget): Promise<DeliveryTarget | null> {
  const { message } = target;
  const uncertain =
    message.status === 'submitting'
      ? { since: message.claimedAt!, wait: SEND_TIMEOUT_MS, state: 'submitting' as const }
      : message.status === 'queued' && message.inReplyTo && !message.twilioSid
        ? { since: message.createdAt, wait: REPLY_CONFIRM_MS, state: 'queued' as const }
        : null;
  if (!uncertain) return null;

  const now = deps.clock.now();
  const settleAt = new Date(Date.parse(uncertain.since) + uncertain.wait);
  if (settleAt > now) {
    await enqueueJob(deps.pool, 'message.send', { messageId: message.id }, { runAt: settleAt, now });
    return null;
  }
  const candidates = await deps.transport.lookup({
    to: message.toNumber,
    from: message.fromNumber,
    body: message.body,
    since: new Date(uncertain.since),
  });
  const known = await knownSids(deps.pool, candidates.flatMap((c) => (c.sid ? [c.sid] : [])));
  const match = candidates.find((c) => c.sid && !known.has(c.sid));
  if (match) {
    deps.logger.info({ messageId: message.id, twilioSid: match.sid }, 'uncertain send settled: Twilio has the text');
    await recordSent(deps, message, match);
    return null;
  }
  const reopened = await reopenForSending(deps.pool, message.id, uncertain.state, now);
  if (reopened) deps.logger.warn({ messageId: message.id, was: uncertain.state }, 'uncertain send settled: Twilio never got it; sending now');
  return reopened ? { ...target, message: reopened } : null;
}
