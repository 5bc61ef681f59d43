import { acknowledgeAlert, resolveAlert, type Alert } from '../store/alerts.js';
import { alertAcknowledgedBy, recordEvent } from '../store/patient-events.js';
import type { Queryable } from '../store/sql.js';
import { captureAlertHandling } from '../records/index.js';

export interface AlertAction {
  alertId: string;
  coordinatorId: string;
  /** How the coordinator acted: the API (or the web app), or a key pressed on an escalation call. */
  via: 'api' | 'app' | 'keypress';
}

async function record(tx: Queryable, alert: Alert, type: string, action: AlertAction, at: Date, detail: Record<string, unknown> = {}) {
  await recordEvent(tx, {
    practiceId: alert.practiceId,
    patientId: alert.patientId,
    conversationId: alert.conversationId,
    type,
    detail: { alertId: alert.id, coordinatorId: action.coordinatorId, by: action.via, ...detail },
    at,
  });
}

/**
 * A coordinator takes an alert: it stops escalating. Doing it twice is
 * harmless: the first acknowledgement (who and when) stays.
 */
export async function acknowledgeLocked(tx: Queryable, alert: Alert, action: AlertAction, at: Date): Promise<Alert> {
  const acknowledged = await acknowledgeAlert(tx, alert.id, action.coordinatorId, at);
  if (!acknowledged) return alert;
  await record(tx, acknowledged, 'alert.acknowledged', action, at);
  return acknowledged;
}

/**
 * A coordinator closes an alert the caller has locked with a note
 * (acknowledging it too, if nobody had), in the caller's transaction. Once:
 * a second resolve changes nothing and returns the alert as it stands.
 */
export async function resolveLocked(tx: Queryable, alert: Alert, action: AlertAction & { note: string }, at: Date): Promise<Alert> {
  const resolved = await resolveAlert(tx, alert.id, action.coordinatorId, action.note, at);
  if (!resolved) return alert;
  await record(tx, resolved, 'alert.resolved', action, at);
  // A key pressed on the ring says she took the alert, not that she sat down to it: she may finish
  // another patient's call first. Only an acknowledgement at the desk (app or API) starts a sitting.
  if ((await alertAcknowledgedBy(tx, resolved.patientId, resolved.id)) !== 'keypress') await captureAlertHandling(tx, resolved, action.coordinatorId, at);
  return resolved;
}
