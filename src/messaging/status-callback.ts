import { applyStatus, findMessage, findMessageBySid, isKnownStatus } from '../store/messages.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { optOut } from '../outreach/index.js';

export interface StatusCallback {
  messageSid: string;
  status: string;
  errorCode: number | null;
  /** Our message id, from the callback URL's query (present for every message we send). */
  messageId: string | null;
}

export type StatusOutcome = 'applied' | 'stale' | 'unknown_message';

/**
 * Records a delivery status from Twilio. Callbacks come in any order and may
 * repeat: a status never replaces a later one. Error 21610 on a patient's
 * message means they opted out at the carrier.
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
    if (callback.errorCode === 21610 && message.audience === 'patient' && message.patientId && message.practiceId) {
      const [patient, practice] = await Promise.all([findPatient(tx, message.patientId), findPractice(tx, message.practiceId)]);
      if (patient && practice && !patient.smsOptedOutAt) {
        await optOut(tx, practice, patient, { messageId: message.id, source: 'twilio_21610', at });
      }
    }
    return updated ? 'applied' : 'stale';
  });
}
