import type { RuntimeDeps } from '../runtime.js';
import { TransportError, type OutboundCall, type PlacedCall } from '../transport/index.js';

/**
 * How long placing a call may take from its claim or its turn: the pacer's
 * wait, then Twilio's 10 s timeout (transport/calls.ts). A call still without
 * a Twilio id this long after was cut short (a crash, or an answer lost), and
 * is looked for at Twilio (call-recovery.ts). The jobs that place calls hold
 * their lock about as long (jobs/definitions.ts).
 */
export const PLACING_MS = 15_000;

/** What came of asking Twilio for a call that was claimed for placing. */
export type PlacingResult =
  | { outcome: 'placed'; call: PlacedCall }
  /** A retry took the claim over while this worker waited its turn: the retry places the call, not this one. */
  | { outcome: 'taken over' }
  /** Twilio's answer was lost or was a 5xx: it may have the call. Left claimed, to be looked for at Twilio. */
  | { outcome: 'uncertain'; error: TransportError }
  /** Twilio did not take the call (a refusal, a 429, or nothing was connected to). */
  | { outcome: 'failed'; error: TransportError };

/** Thrown from the turn callback to keep the transport from asking Twilio. */
class ClaimTakenOver extends Error {}

/**
 * Places a call its caller has claimed (a check-in call, an invitation
 * call). When its turn comes, after pacing, `renewClaim` moves the claim to
 * that moment, so a retry waits the whole placing time from then; a claim
 * that was taken over meanwhile is not placed. Twilio's errors are sorted by
 * whether Twilio may have the call all the same.
 */
export async function placeClaimedCall(
  deps: Pick<RuntimeDeps, 'calls'>,
  call: Omit<OutboundCall, 'onTurn'>,
  renewClaim: () => Promise<boolean>,
): Promise<PlacingResult> {
  const onTurn = async () => {
    if (!(await renewClaim())) throw new ClaimTakenOver();
  };
  try {
    return { outcome: 'placed', call: await deps.calls.placeCall({ ...call, onTurn }) };
  } catch (error) {
    if (error instanceof ClaimTakenOver) return { outcome: 'taken over' };
    if (!(error instanceof TransportError)) throw error;
    return error.mayHaveReachedTwilio ? { outcome: 'uncertain', error } : { outcome: 'failed', error };
  }
}
