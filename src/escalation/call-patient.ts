/**
 * "Call the patient" from the app: the coordinator's own phone rings, and when
 * they answer they are connected to the patient with the practice's number
 * shown. It is an escalation attempt of its own (round 0), so the bridged
 * minutes are captured as their time like any escalation call.
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors.js';
import { lockAlert } from '../store/alerts.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { findCoordinator } from '../store/coordinators.js';
import { claimStep, listAttempts } from '../store/escalations.js';
import { recordEvent } from '../store/patient-events.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { FIRST_REQUESTED_STEP, placeCall, REQUESTED_ROUND, type CallToPlace } from './chain.js';

/** `audit` is the access-log row of the staff action that asked, written in the same transaction. */
export async function callPatientAbout(deps: RuntimeDeps, alertId: string, coordinatorId: string, audit: AuditEntry): Promise<void> {
  const at = deps.clock.now();
  const call = await withTransaction(deps.pool, async (tx): Promise<CallToPlace> => {
    const alert = await lockAlert(tx, alertId);
    if (!alert) throw new DomainError('not_found', 'alert was not found');
    const coordinator = await findCoordinator(tx, alert.practiceId, coordinatorId);
    if (!coordinator) throw new DomainError('validation_failed', 'you have no phone on record to ring: ask an admin to add it to your staff record');
    const practice = (await findPractice(tx, alert.practiceId))!;
    const steps = (await listAttempts(tx, alert.id)).map((a) => a.step);
    const attempt = (await claimStep(tx, {
      alertId: alert.id,
      step: Math.max(FIRST_REQUESTED_STEP - 1, ...steps) + 1,
      round: REQUESTED_ROUND,
      coordinatorId,
      kind: 'call',
      token: randomBytes(24).toString('base64url'),
      status: 'queued',
      startedAt: at,
    }))!;
    await recordEvent(tx, {
      practiceId: alert.practiceId,
      patientId: alert.patientId,
      conversationId: alert.conversationId,
      type: 'alert.call_requested',
      detail: { alertId: alert.id, coordinatorId },
      at,
    });
    await recordAccess(tx, audit, [alert.patientId]);
    return { attempt, coordinator, practice, placedBefore: false };
  });
  await placeCall(deps, call);
}
