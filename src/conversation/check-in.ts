import type { CheckInFlow } from '../flows/index.js';
import { DomainError } from '../errors.js';
import { findActiveConversation } from '../store/conversations.js';
import { findMedication, listMedications } from '../store/medications.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { lockPatient, type Patient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { isPgError, PG_UNIQUE_VIOLATION, withTransaction, type Queryable } from '../store/sql.js';
import { openConversation } from './open.js';
import type { RuntimeDeps } from '../runtime.js';

export interface CheckInRequest {
  patientId: string;
  flow: CheckInFlow;
  /** Medication flow: which medication; the patient's first active one when omitted. */
  medicationId?: string | undefined;
  /** Who asked (an API request), recorded in the access log in the same transaction. */
  audit?: AuditEntry;
}

export interface CheckInStarted {
  conversationId: string;
  /** The first text; null when the check-in is a call. */
  messageId: string | null;
  /** The call, for a patient who takes calls; null for a text. */
  callId: string | null;
}

/** Why a patient cannot get a text check-in now, or null when they can. */
function unreachable(patient: Patient): string | null {
  if (patient.status === 'disenrolled') return 'the patient is disenrolled (PATCH status "enrolled" to enrol them again)';
  if (patient.consent.status !== 'granted') return 'the patient declined consent to CCM outreach';
  if (patient.smsOptedOutAt) return 'the patient opted out of texts (they can reply START to opt back in)';
  if (patient.phoneInvalidAt) return "the patient's phone number cannot receive texts; correct it with PATCH first";
  return null;
}

async function medicationFor(tx: Queryable, patientId: string, medicationId: string | undefined) {
  const medication = medicationId
    ? await findMedication(tx, patientId, medicationId)
    : (await listMedications(tx, patientId)).find((m) => m.active);
  if (!medication) {
    throw new DomainError(
      medicationId ? 'not_found' : 'conflict',
      medicationId ? 'medication was not found for this patient' : 'the patient has no medication on file; add one first',
    );
  }
  return medication;
}

/**
 * Opens a check-in conversation and queues its first text for sending now
 * (the send job holds it until quiet hours end). One conversation is open per
 * patient at a time, so every reply has exactly one place to go.
 */
export function startCheckIn(deps: RuntimeDeps, request: CheckInRequest): Promise<CheckInStarted> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const patient = await lockPatient(tx, request.patientId);
    if (!patient) throw new DomainError('not_found', 'patient was not found');
    const reason = unreachable(patient);
    if (reason) throw new DomainError('conflict', `Cannot start a check-in: ${reason}`);
    const open = await findActiveConversation(tx, patient.id);
    if (open) {
      throw new DomainError('conflict', `Cannot start a check-in: a ${open.flow} check-in (conversation ${open.id}) is still open`);
    }
    const practice = (await findPractice(tx, patient.practiceId))!;
    const setup = request.flow === 'medication' ? { medication: await medicationFor(tx, patient.id, request.medicationId) } : {};
    const opened = await openConversation(tx, deps, { practice, patient, flow: request.flow, setup, at }).catch((error) => {
      if (isPgError(error, PG_UNIQUE_VIOLATION)) throw new DomainError('conflict', 'Cannot start a check-in: another one was just opened');
      throw error;
    });
    if (request.audit) await recordAccess(tx, { ...request.audit, at }, [patient.id]);
    return opened;
  });
}
