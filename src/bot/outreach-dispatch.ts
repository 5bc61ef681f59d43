/**
 * Sending the outreach that is due: each planned contact is taken by one
 * worker (rows locked, others skip them), checked against the patient as they
 * are now, and started as a conversation, or settled as not sent and why.
 * Several workers share the work; two instances never start one contact twice.
 */
import { DateTime } from 'luxon';
import { findActiveConversation, lockConversation } from '../store/conversations.js';
import { findMedication, listMedications } from '../store/medications.js';
import { claimDueContact, deferContact, laterCheckInDue, settleContact, type OutreachRow } from '../store/outreach.js';
import { lockPatient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { openConversation, type FlowSetup } from './conversation-open.js';
import type { BotDeps } from './deps.js';
import { blockOf, patientZone, scheduleDispatches } from './outreach-plan.js';
import { timeOut } from './timeout.js';

/** A reminder later than this is no longer useful: it is recorded as late, not sent. */
const REMINDER_USEFUL_MS = 60 * 60 * 1000;
/** How long to wait before trying again when the patient is in another conversation with no end set yet. */
const BUSY_RETRY_MS = 30 * 60 * 1000;
/** Workers per dispatch run: each holds one pool connection while it works. */
const WORKERS = 4;

type Outcome =
  | { status: 'started'; conversationId: string }
  | { status: 'skipped' | 'cancelled' | 'late'; reason: string }
  | { status: 'deferred'; until: Date };

/** Starts every contact of the practice that is due now; returns how many were taken. */
export async function dispatchDue(deps: BotDeps, practiceId: string): Promise<number> {
  const now = deps.clock.now();
  const practice = await findPractice(deps.pool, practiceId);
  if (!practice) return 0;
  const counts = await Promise.all(Array.from({ length: WORKERS }, () => work(deps, practice, now)));
  return counts.reduce((a, b) => a + b, 0);
}

async function work(deps: BotDeps, practice: Practice, now: Date): Promise<number> {
  let taken = 0;
  while (await withTransaction(deps.pool, (tx) => takeOne(tx, deps, practice, now))) taken += 1;
  return taken;
}

async function takeOne(tx: Queryable, deps: BotDeps, practice: Practice, now: Date): Promise<boolean> {
  const contact = await claimDueContact(tx, practice.id, now);
  if (!contact) return false;
  const outcome = await decide(tx, deps, practice, contact, now);
  if (outcome.status === 'deferred') {
    await deferContact(tx, contact.id, outcome.until, now);
    await scheduleDispatches(tx, practice.id, [outcome.until], now);
  } else {
    await settleContact(tx, contact.id, outcome.status === 'started' ? outcome : { status: outcome.status, reason: outcome.reason }, now);
  }
  return true;
}

async function decide(tx: Queryable, deps: BotDeps, practice: Practice, contact: OutreachRow, now: Date): Promise<Outcome> {
  const patient = await lockPatient(tx, contact.patientId);
  if (!patient) return { status: 'cancelled', reason: 'patient_not_found' };
  const block = blockOf(patient, now);
  if (block) return { status: 'cancelled', reason: block };
  const lateBy = now.getTime() - Date.parse(contact.plannedFor);
  if (contact.kind === 'reminder' && lateBy > REMINDER_USEFUL_MS) return { status: 'late', reason: 'more than an hour late' };
  // After an outage only the latest check-in goes: the patient is not sent a burst of old ones.
  if (contact.kind === 'check_in' && (await laterCheckInDue(tx, patient.id, contact.dueAt, now))) {
    return { status: 'late', reason: 'a later check-in is due' };
  }
  if (patient.preferredChannel === 'voice') return { status: 'skipped', reason: 'prefers_calls' };

  const setup = await setupFor(tx, contact, patient.id);
  if (!setup) return { status: 'cancelled', reason: 'medication_stopped' };
  if (contact.kind === 'refill_prompt' && setup.medication?.refillDueOn) {
    const today = DateTime.fromJSDate(now, { zone: patientZone(practice, patient) }).toISODate()!;
    if (today > setup.medication.refillDueOn) return { status: 'late', reason: 'the refill date has passed' };
  }

  // One conversation at a time. One left unanswered for hours ends now, as unanswered; one in use is waited for.
  const open = await findActiveConversation(tx, patient.id);
  if (open && now.getTime() - Date.parse(open.lastActivityAt) >= practice.outreach.reminderReplyMinutes * 60_000 && open.expiresAt) {
    await timeOut(tx, deps, { practice, patient, conversation: (await lockConversation(tx, open.id))!, at: now });
  } else if (open) {
    const ends = open.expiresAt ? Date.parse(open.expiresAt) : 0;
    return { status: 'deferred', until: new Date(ends > now.getTime() ? ends : now.getTime() + BUSY_RETRY_MS) };
  }

  const replyWindowSeconds = contact.kind === 'reminder' ? practice.outreach.reminderReplyMinutes * 60 : null;
  const opened = await openConversation(tx, deps, { practice, patient, flow: contact.flow, setup, at: now, replyWindowSeconds });
  return { status: 'started', conversationId: opened.conversationId };
}

/** The medication a contact is about, active still; {} for a check-in that needs none; null when it was stopped. */
async function setupFor(tx: Queryable, contact: OutreachRow, patientId: string): Promise<FlowSetup | null> {
  if (contact.medicationId) {
    const medication = await findMedication(tx, patientId, contact.medicationId);
    return medication?.active ? { medication } : null;
  }
  if (contact.flow !== 'medication') return {};
  const first = (await listMedications(tx, patientId)).find((m) => m.active);
  return first ? { medication: first } : null;
}
