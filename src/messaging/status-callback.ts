import { applyStatus, cancelPendingForCandidate, findMessage, findMessageBySid, isKnownStatus } from '../store/messages.js';
import { findPatient, markPhoneInvalid, updatePatient } from '../store/patients.js';
import { unplan } from '../store/outreach.js';
import { recordEvent } from '../store/patient-events.js';
import { findPractice } from '../store/practices.js';
import { changeCandidateState, markLandline, markReached } from '../store/candidates.js';
import { withTransaction } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { optOut, replanPatient } from '../outreach/index.js';

export interface StatusCallback {
  messageSid: string;
  status: string;
  errorCode: number | null;
  /** Our message id, from the callback URL's query (present for every message we send). */
  messageId: string | null;
}

export type StatusOutcome = 'applied' | 'stale' | 'unknown_message';

/** Carrier errors that mean the number will never take a text: 30005 unknown number, 30006 landline. (30003, a handset off, may pass.) */
const NUMBER_CANNOT_TEXT = new Set([30005, 30006]);
const LANDLINE = 30006;

/**
 * Records a delivery status from Twilio. Callbacks come in any order and may
 * repeat: a status never replaces a later one. Error 21610 on a patient's
 * message means they opted out at the carrier; 30005 that their number is
 * invalid, as 21211 at send time (delivery.ts); 30006 that it is a landline,
 * which takes calls: their check-ins go by call. A text delivered to a
 * candidate (invited to CCM) counts them as reached.
 */
export function handleStatusCallback(deps: RuntimeDeps, callback: StatusCallback): Promise<StatusOutcome> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const message =
      (callback.messageId && (await findMessage(tx, callback.messageId))) || (await findMessageBySid(tx, callback.messageSid));
    if (!message || message.direction !== 'outbound') return 'unknown_message';
    if (!isKnownStatus(callback.status)) return 'stale';
    const updated = await applyStatus(
      tx,
      { id: message.id },
      { status: callback.status, errorCode: callback.errorCode, twilioSid: callback.messageSid, at },
    );
    if (message.candidateId) {
      // A candidate (invited to CCM, no patient yet): a delivered text reached them; STOP at the carrier opts them out.
      if (updated && (callback.status === 'delivered' || callback.status === 'read')) await markReached(tx, message.candidateId, at);
      if (callback.errorCode === 21610) {
        await changeCandidateState(tx, message.candidateId, { state: 'opted_out', at });
        await cancelPendingForCandidate(tx, message.candidateId, at);
      }
      // A landline takes calls: the campaign's next step is a call (for the number the text went to).
      if (callback.errorCode === LANDLINE) await markLandline(tx, message.candidateId, message.toNumber, at);
    }
    const cannotText = callback.errorCode !== null && NUMBER_CANNOT_TEXT.has(callback.errorCode);
    if ((callback.errorCode === 21610 || cannotText) && message.audience === 'patient' && message.patientId && message.practiceId) {
      // One after the other: two queries at once on one transaction's client is deprecated in pg.
      const patient = await findPatient(tx, message.patientId);
      const practice = await findPractice(tx, message.practiceId);
      if (patient && practice && callback.errorCode === 21610 && !patient.smsOptedOutAt) {
        await optOut(tx, practice, patient, { messageId: message.id, source: 'twilio_21610', at });
      }
      // For the number the text went to (not one corrected since). A landline still takes calls: the
      // check-ins go by call from now on. Any other number is invalid, as 21211 at send time (delivery.ts).
      const stillTheirs = patient && practice && cannotText && !patient.phoneInvalidAt && patient.phone === message.toNumber;
      if (stillTheirs && callback.errorCode === LANDLINE && patient.preferredChannel === 'sms') {
        await updatePatient(tx, patient.id, { preferredChannel: 'voice' }, at);
        await replanPatient(tx, practice, patient.id, at);
        await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: message.id, type: 'phone_landline', at });
      } else if (stillTheirs && callback.errorCode !== LANDLINE) {
        await markPhoneInvalid(tx, patient.id, at);
        await unplan(tx, { patientId: patient.id });
        await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: message.id, type: 'phone_invalid', at });
      }
    }
    return updated ? 'applied' : 'stale';
  });
}
