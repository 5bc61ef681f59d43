/**
 * What a coordinator does with a whole case: every alert in it acknowledged
 * (so each urgent one's escalation stops) or resolved with one note, each
 * through the very steps one alert takes, so the record reads the same.
 */
import { lockUnresolvedAlertsOfCase, type Alert } from '../store/alerts.js';
import { lockCase, type Case } from '../store/cases.js';
import type { Queryable } from '../store/sql.js';
import { acknowledgeLocked, resolveLocked, type AlertAction } from './alert-actions.js';

export type CaseAction = Omit<AlertAction, 'alertId'>;

/** The case locked, then its unresolved alerts (the lock order of store/cases.ts); null when there is no such case. */
async function lockCaseAndAlerts(tx: Queryable, caseId: string): Promise<{ locked: Case; alerts: Alert[] } | null> {
  const locked = await lockCase(tx, caseId);
  return locked ? { locked, alerts: await lockUnresolvedAlertsOfCase(tx, caseId) } : null;
}

/**
 * Acknowledges every open alert of the case, in the caller's transaction.
 * Twice is harmless: alerts acknowledged already keep who and when. Returns
 * the alerts this acknowledged.
 */
export async function acknowledgeCaseLocked(tx: Queryable, caseId: string, action: CaseAction, at: Date): Promise<Alert[]> {
  const found = await lockCaseAndAlerts(tx, caseId);
  const open = found?.alerts.filter((a) => a.status === 'open') ?? [];
  const acknowledged: Alert[] = [];
  for (const alert of open) acknowledged.push(await acknowledgeLocked(tx, alert, { ...action, alertId: alert.id }, at));
  return acknowledged;
}

/** Resolves every alert of the case not yet resolved with the note, in the caller's transaction; twice is harmless. */
export async function resolveCaseLocked(tx: Queryable, caseId: string, action: CaseAction & { note: string }, at: Date): Promise<Alert[]> {
  const found = await lockCaseAndAlerts(tx, caseId);
  const resolved: Alert[] = [];
  for (const alert of found?.alerts ?? []) resolved.push(await resolveLocked(tx, alert, { ...action, alertId: alert.id }, at));
  return resolved;
}
