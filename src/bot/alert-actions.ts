import { acknowledgeAlert, lockAlert, resolveAlert, type Alert } from '../store/alerts.js';
import { recordEvent } from '../store/patient-events.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { BotDeps } from './deps.js';
import { captureAlertHandling } from './captured-time.js';

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
 * harmless: the first acknowledgement (who and when) stays. Returns the alert
 * as it now stands; null when there is no such alert.
 */
export function acknowledgeAlertBy(deps: BotDeps, action: AlertAction): Promise<Alert | null> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const alert = await lockAlert(tx, action.alertId);
    return alert ? acknowledgeLocked(tx, alert, action, at) : null;
  });
}

/** Acknowledges an alert the caller has locked, in its transaction. */
export async function acknowledgeLocked(tx: Queryable, alert: Alert, action: AlertAction, at: Date): Promise<Alert> {
  const acknowledged = await acknowledgeAlert(tx, alert.id, action.coordinatorId, at);
  if (!acknowledged) return alert;
  await record(tx, acknowledged, 'alert.acknowledged', action, at);
  return acknowledged;
}

/** A coordinator closes an alert with a note (acknowledging it too, if nobody had). Once: a second resolve changes nothing. */
export function resolveAlertBy(deps: BotDeps, action: AlertAction & { note: string }): Promise<Alert | null> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const alert = await lockAlert(tx, action.alertId);
    if (!alert) return null;
    const resolved = await resolveAlert(tx, alert.id, action.coordinatorId, action.note, at);
    if (!resolved) return alert;
    await record(tx, resolved, 'alert.resolved', action, at);
    await captureAlertHandling(tx, resolved, action.coordinatorId, at);
    return resolved;
  });
}
