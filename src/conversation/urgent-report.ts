/**
 * A patient reported an emergency (a red flag) or asked for help: recorded as
 * an observation that triage's always-urgent rules turn into an alert
 * escalated at once, and the open check-in ends (a nurse calls instead).
 * Whatever the channel: a text, or words said on a call.
 */
import type { Observation } from '../flows/index.js';
import type { RedFlag } from '../flows/safety/index.js';
import type { Conversation } from '../store/conversations.js';
import { insertObservations } from '../store/observations.js';
import { recordEvent } from '../store/patient-events.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { stopConversation } from '../store/conversations.js';
import { assessPatient } from '../alerts/index.js';

/** Who reported it, in which conversation, with which message (the text, or the words said on a call). */
export interface Report {
  practice: Practice;
  patient: Patient;
  conversation: Conversation | null;
  inbound: { id: string };
  at: Date;
}

/**
 * Records the red flag as something the patient reported, which triage's
 * red-flag rule (always urgent) turns into an alert escalated at once, and
 * ends the open check-in: a nurse calls instead. Returns that check-in's id.
 */
export async function escalateRedFlag(tx: Queryable, t: Report, redFlag: RedFlag): Promise<string | null> {
  return escalateReport(tx, t, 'red_flag', { kind: 'red_flag', value: { category: redFlag.category } }, { category: redFlag.category });
}

/** "Help me", "auxilio": the distress rule (always urgent) rings the on-call coordinator; the check-in ends. */
export async function raiseDistress(tx: Queryable, t: Report): Promise<string | null> {
  return escalateReport(tx, t, 'distress', { kind: 'request', value: { kind: 'distress' } }, {});
}

async function escalateReport(tx: Queryable, t: Report, type: string, observation: Observation, detail: Record<string, unknown>) {
  const open = t.conversation;
  const subject = { practice: t.practice, patient: t.patient, conversationId: open?.id ?? null, messageId: t.inbound.id };
  const ids = { practiceId: t.practice.id, patientId: t.patient.id, conversationId: subject.conversationId, messageId: t.inbound.id };
  await recordEvent(tx, { ...ids, type, detail, at: t.at });
  await insertObservations(tx, { ...ids, observedAt: t.at }, [observation]);
  if (open) await stopConversation(tx, open, 'escalated', t.at);
  await assessPatient(tx, subject, t.at, type);
  return open?.id ?? null;
}

