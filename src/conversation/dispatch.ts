/**
 * Sending the outreach that is due: contacts are taken in batches (rows
 * locked, other workers and instances skip them), each checked against the
 * patient as they are now, and either opened as a conversation or settled as
 * not sent and why. The conversations of a batch are written together, so a
 * cadence slot for a whole panel goes out quickly.
 */
import { DateTime } from 'luxon';
import { lockConversation, type Conversation } from '../store/conversations.js';
import { insertOpenings, type Opening } from '../store/conversation-openings.js';
import { readDispatchContext } from '../store/dispatch-context.js';
import type { Medication } from '../store/medications.js';
import { claimDueContacts, deferContacts, settleContacts, type Deferral, type OutreachRow, type Settlement } from '../store/outreach.js';
import { lockPatients, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { BloodPressureLimit } from '../flows/index.js';
import { goesDespite } from '../planning/index.js';
import { crisisLimit, flowStarts, prepareOpening, type FlowSetup, type StartFlow } from './open.js';
import type { RuntimeDeps } from '../runtime.js';
import { blockOf, medicinesDueAt, patientZone, scheduleDispatches } from '../outreach/index.js';
import { timeOut } from './timeout.js';
import { queueCheckInCalls } from './check-in-calls.js';
import { sendQuestionnaire } from './questionnaire-send.js';
import { makeSummary } from './summary-make.js';

/** A reminder later than this is no longer useful: it is recorded as late, not sent. */
const REMINDER_USEFUL_MS = 60 * 60 * 1000;
/** How long to wait before trying again when the patient is in another conversation with no end set yet. */
const BUSY_RETRY_MS = 30 * 60 * 1000;
/** Workers per dispatch run: each holds one pool connection while it works. */
const WORKERS = 4;
/** Contacts a worker takes per transaction. */
const BATCH = 200;

type Outcome = { status: 'open'; setup: FlowSetup } | { status: 'skipped' | 'cancelled' | 'late'; reason: string } | { status: 'deferred'; until: Date };

/** What every batch of one run shares: the practice, the time, and what is read or worked out once. */
interface Run {
  deps: RuntimeDeps;
  practice: Practice;
  now: Date;
  /** The practice's blood-pressure crisis limit, read once a run (in the batch's transaction) when a symptoms check-in first needs it. */
  crisis: (tx: Queryable) => Promise<BloodPressureLimit | undefined>;
  /** The run's flows start once per distinct input (open.ts flowStarts). */
  start: StartFlow;
}

/** Starts every contact of the practice that is due now; returns how many were started. */
export async function dispatchDue(deps: RuntimeDeps, practiceId: string): Promise<number> {
  const now = deps.clock.now();
  const practice = await findPractice(deps.pool, practiceId);
  if (!practice) return 0;
  let crisis: Promise<BloodPressureLimit | undefined> | undefined;
  const run: Run = { deps, practice, now, crisis: (tx) => (crisis ??= crisisLimit(tx, practice.id)), start: flowStarts() };
  const counts = await Promise.all(Array.from({ length: WORKERS }, () => work(run)));
  return counts.reduce((a, b) => a + b, 0);
}

async function work(run: Run): Promise<number> {
  let started = 0;
  for (;;) {
    const batch = await withTransaction(run.deps.pool, (tx) => takeBatch(tx, run));
    if (batch === null) return started;
    started += batch;
  }
}

/** What a batch needs to know about its patients, read in two statements once they are locked. */
interface BatchFacts {
  patients: Map<string, Patient>;
  open: Map<string, Conversation>;
  medications: Map<string, Medication[]>;
  latestCheckIn: Map<string, string>;
  /** Patients this batch opens a conversation with. */
  opening: Set<string>;
}

/**
 * One batch in one transaction; null when nothing was due. Returns how many
 * conversations it opened. Its statements do not grow with its size: the
 * claim, the patients locked, what is known about them, then the
 * conversations with their texts and jobs, the calls, what became of each
 * contact (and, when some wait for another conversation, their new times).
 * Only a patient whose unanswered conversation ends now, a questionnaire and
 * a summary take statements of their own.
 */
async function takeBatch(tx: Queryable, run: Run): Promise<number | null> {
  const { deps, practice, now } = run;
  const contacts = await claimDueContacts(tx, practice.id, now, BATCH);
  if (contacts.length === 0) return null;
  const ids = [...new Set(contacts.map((c) => c.patientId))];
  const patients = await lockPatients(tx, ids);
  const facts: BatchFacts = { patients, ...(await readDispatchContext(tx, ids, now)), opening: new Set() };
  const crisis = contacts.some((c) => c.flow === 'symptoms') ? await run.crisis(tx) : undefined;
  const openings: Opening[] = [];
  const openedFor: OutreachRow[] = [];
  const settled: Settlement[] = [];
  const deferred: Deferral[] = [];
  for (const contact of contacts) {
    const outcome = await decide(tx, deps, practice, contact, facts, now);
    if (outcome.status === 'open') {
      const patient = facts.patients.get(contact.patientId)!;
      const flow = contact.flow;
      if (flow === 'questionnaire') {
        const medications = facts.medications.get(patient.id) ?? [];
        await sendQuestionnaire(tx, deps, { practice, patient, outreachId: contact.id, medications, at: now });
        settled.push({ id: contact.id, status: 'started', reason: null, conversationId: null });
        continue;
      }
      if (flow === 'summary') {
        const medications = facts.medications.get(patient.id) ?? [];
        const why = await makeSummary(tx, { practice, patient, outreachId: contact.id, medications, at: now });
        settled.push({ id: contact.id, status: why ? 'skipped' : 'started', reason: why, conversationId: null });
        continue;
      }
      const replyWindowSeconds = contact.kind === 'reminder' ? practice.outreach.reminderReplyMinutes * 60 : null;
      // A patient who takes calls is never texted, whatever was planned before they said so.
      const channel = patient.preferredChannel === 'voice' ? 'voice' : contact.channel;
      openings.push(prepareOpening({ practice, patient, flow, setup: outcome.setup, crisis, replyWindowSeconds, channel }, run.start));
      openedFor.push(contact);
      facts.opening.add(patient.id);
    } else if (outcome.status === 'deferred') {
      deferred.push({ id: contact.id, dueAt: outcome.until });
    } else {
      settled.push({ id: contact.id, status: outcome.status, reason: outcome.reason, conversationId: null });
    }
  }
  const opened = await insertOpenings(tx, practice, openings, now);
  for (const [i, o] of opened.entries()) settled.push({ id: openedFor[i]!.id, status: 'started', reason: null, conversationId: o.conversationId });
  // A patient who takes calls is called: the call asks the first question.
  const calls = opened.flatMap((o, i) => (openings[i]!.channel === 'voice' ? [{ patientId: openings[i]!.patientId, conversationId: o.conversationId }] : []));
  await queueCheckInCalls(tx, deps, practice, calls, now);
  await settleContacts(tx, settled, now);
  if (deferred.length > 0) {
    await deferContacts(tx, deferred, now);
    await scheduleDispatches(tx, practice.id, deferred.map((d) => d.dueAt), now);
  }
  return opened.length;
}

async function decide(tx: Queryable, deps: RuntimeDeps, practice: Practice, contact: OutreachRow, facts: BatchFacts, now: Date): Promise<Outcome> {
  const patient = facts.patients.get(contact.patientId);
  if (!patient) return { status: 'cancelled', reason: 'patient_not_found' };
  const block = blockOf(patient, now);
  if (block && !goesDespite(block, contact.kind)) return { status: 'cancelled', reason: block };
  if (contact.kind === 'reminder' && now.getTime() - Date.parse(contact.plannedFor) > REMINDER_USEFUL_MS) {
    return { status: 'late', reason: 'more than an hour late' };
  }
  // After an outage only the latest check-in goes: the patient is not sent a burst of old ones.
  const latest = facts.latestCheckIn.get(patient.id);
  if (contact.kind === 'check_in' && latest && Date.parse(latest) > Date.parse(contact.dueAt)) return { status: 'late', reason: 'a later check-in is due' };

  const medications = facts.medications.get(patient.id) ?? [];
  const setup = contact.kind === 'reminder' ? reminderSetup(practice, patient, contact, medications) : setupFor(contact, medications);
  if (!setup) return { status: 'cancelled', reason: 'medication_stopped' };
  if (contact.kind === 'refill_prompt' && setup.medication?.refillDueOn) {
    const today = DateTime.fromJSDate(now, { zone: patientZone(practice, patient) }).toISODate()!;
    if (today > setup.medication.refillDueOn) return { status: 'late', reason: 'the refill date has passed' };
  }

  // A questionnaire is a link, not a conversation: it goes whatever the patient is answering.
  if (contact.kind === 'questionnaire') return patient.preferredChannel === 'sms' ? { status: 'open', setup: {} } : { status: 'skipped', reason: 'the patient takes calls' };
  // The summary is an email: whether it can go is the email's to say (an address, consent).
  if (contact.kind === 'summary') return { status: 'open', setup: {} };
  // One conversation at a time. One left unanswered for hours ends now, as unanswered; one in use is waited for.
  if (facts.opening.has(patient.id)) return { status: 'deferred', until: new Date(now.getTime() + BUSY_RETRY_MS) };
  const open = facts.open.get(patient.id);
  if (open?.expiresAt && now.getTime() - Date.parse(open.lastActivityAt) >= practice.outreach.reminderReplyMinutes * 60_000) {
    await timeOut(tx, deps, { practice, patient, conversation: (await lockConversation(tx, open.id))!, at: now });
    facts.open.delete(patient.id);
  } else if (open) {
    const ends = open.expiresAt ? Date.parse(open.expiresAt) : 0;
    return { status: 'deferred', until: new Date(ends > now.getTime() ? ends : now.getTime() + BUSY_RETRY_MS) };
  }
  return { status: 'open', setup };
}

/** Every medicine due at the reminder's planned time, in one text; null when none is any more. */
function reminderSetup(practice: Practice, patient: Patient, contact: OutreachRow, medications: readonly Medication[]): FlowSetup | null {
  const due = medicinesDueAt(practice, patient, medications, new Date(contact.plannedFor));
  return due.length > 0 ? { medications: due } : null;
}

/** The medication a contact is about, active still; {} for a check-in that needs none; null when it was stopped. */
function setupFor(contact: OutreachRow, medications: readonly Medication[]): FlowSetup | null {
  if (contact.medicationId) {
    const medication = medications.find((m) => m.id === contact.medicationId);
    return medication?.active ? { medication } : null;
  }
  if (contact.flow !== 'medication') return {};
  const first = medications.find((m) => m.active);
  return first ? { medication: first } : null;
}
