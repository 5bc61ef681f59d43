/**
 * Opening a conversation with a patient: a check-in a person asked for, or
 * outreach the schedule planned (a check-in, a dose reminder, the refill
 * question). One conversation is open per patient at a time, so every reply
 * has exactly one place to go.
 */
import { DateTime } from 'luxon';
import { startFlow, type BloodPressureLimit, type FlowInput, type FlowName, type FlowStep, type Locale } from '../flows/index.js';
import { insertOpenings, type Opened, type Opening } from '../store/conversation-openings.js';
import type { Medication } from '../store/medications.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { urgentBloodPressureLimit } from '../triage/index.js';
import type { RuntimeDeps } from '../runtime.js';
import { flowText } from './speech.js';
import { startReplyClock } from '../messaging/index.js';
import { queueCheckInCall } from './check-in-calls.js';
import { practiceRules } from '../alerts/index.js';

/** What the patient reads for "your medicine" when the practice keeps medication names out of texts (DOMAIN.md). */
const GENERIC_MEDICINE: Readonly<Record<Locale, string>> = { en: 'medicine', es: 'medicina' };

/** A medication as the texts name it: by name and dose only when the practice allows it. */
export function medicationWords(practice: Practice, medication: Pick<Medication, 'id' | 'name' | 'dose'>, locale: Locale) {
  return practice.outreach.medicationNamesInTexts
    ? { id: medication.id, name: medication.name, dose: medication.dose }
    : { id: medication.id, name: GENERIC_MEDICINE[locale], dose: '', onFile: medication.name };
}

/** A date as the patient reads it: "Thursday, December 10", "jueves 10 de diciembre". */
export const readableDate = (date: string, locale: Locale) =>
  DateTime.fromISO(date, { locale }).toFormat(locale === 'es' ? "cccc d 'de' LLLL" : 'cccc, LLLL d');

/** What a flow is told when it starts, beyond the patient's language. */
export interface FlowSetup {
  medication?: Pick<Medication, 'id' | 'name' | 'dose' | 'refillDueOn'>;
  /** A dose reminder: every medicine due at its time, one text for all of them. */
  medications?: ReadonlyArray<Pick<Medication, 'id' | 'name' | 'dose'>>;
}

/** Starts a flow: startFlow, or one that remembers (flowStarts) when many patients start the same way. */
export type StartFlow = (flow: FlowName, input: FlowInput) => FlowStep;

/**
 * startFlow for a batch of openings: a flow started with the same input starts
 * the same way (the machine is pure), so a slot's thousand check-ins in one
 * language start it once. The steps are shared: read them, never change them.
 */
export function flowStarts(): StartFlow {
  const started = new Map<string, FlowStep>();
  return (flow, input) => {
    const key = `${flow}\u0000${JSON.stringify(input)}`;
    let step = started.get(key);
    if (!step) started.set(key, (step = startFlow(flow, input)));
    return step;
  };
}

/**
 * A conversation ready to open: the flow started, its first question in the
 * patient's words. Pure: `crisis` is the practice's blood-pressure crisis
 * limit (for the symptoms flow), read by the caller.
 */
export function prepareOpening(
  c: {
    practice: Practice;
    patient: Patient;
    flow: FlowName;
    setup: FlowSetup;
    crisis?: BloodPressureLimit | undefined;
    replyWindowSeconds?: number | null;
    /** The channel planned for it (the learned sequence's); the patient's own by default. */
    channel?: 'sms' | 'voice' | null;
  },
  start: StartFlow = startFlow,
): Opening {
  const { practice, patient, flow, setup } = c;
  const input: FlowInput = { locale: patient.language };
  if (setup.medication) input.medication = medicationWords(practice, setup.medication, patient.language);
  if (setup.medications) {
    // By the names on file, so a reply that names one is read; the texts name them only when the practice allows it.
    input.medications = setup.medications.map((m) => ({ id: m.id, name: m.name, dose: m.dose }));
    input.namesInTexts = practice.outreach.medicationNamesInTexts;
    if (setup.medications.length === 1) input.medication = medicationWords(practice, setup.medications[0]!, patient.language);
  }
  if (flow === 'refill' && setup.medication?.refillDueOn) input.refillDate = readableDate(setup.medication.refillDueOn, patient.language);
  if (flow === 'symptoms' && c.crisis) input.bpCrisis = c.crisis;
  const step = start(flow, input);
  return {
    channel: c.channel ?? patient.preferredChannel,
    patientId: patient.id,
    toNumber: patient.phone,
    flow,
    flowVersion: step.version,
    input,
    state: step.state,
    snapshot: step.snapshot,
    answers: step.answers,
    replyWindowSeconds: c.replyWindowSeconds ?? null,
    body: flowText(step.outputs, input.locale, practice, patient)!,
  };
}

/** The practice's blood-pressure crisis limit, which the symptoms flow answers at once. */
export async function crisisLimit(tx: Queryable, practiceId: string): Promise<BloodPressureLimit | undefined> {
  return urgentBloodPressureLimit(await practiceRules(tx, practiceId));
}

export interface OpenedConversation extends Opened {
  /** The call that asks the first question, for a patient who takes calls. */
  callId: string | null;
}

/**
 * Opens one conversation, in the caller's transaction, with the patient
 * locked and no other conversation open: its first text is queued (the send
 * job holds it until quiet hours end), or, for a patient who takes calls,
 * its call.
 */
export async function openConversation(
  tx: Queryable,
  deps: RuntimeDeps,
  c: { practice: Practice; patient: Patient; flow: FlowName; setup: FlowSetup; at: Date; onCall?: boolean },
): Promise<OpenedConversation> {
  const crisis = c.flow === 'symptoms' ? await crisisLimit(tx, c.practice.id) : undefined;
  // A patient who called in is asked on that call; one who takes calls gets one; the others, a text.
  const opening = prepareOpening({ ...c, crisis });
  if (c.onCall) opening.channel = 'voice';
  const [opened] = await insertOpenings(tx, c.practice, [opening], c.at);
  const conversationId = opened!.conversationId;
  if (c.onCall) await startReplyClock(tx, deps, conversationId, c.at);
  const call = opening.channel === 'voice' && !c.onCall ? await queueCheckInCall(tx, deps, c.practice, c.patient, conversationId, c.at) : null;
  return { ...opened!, callId: call?.id ?? null };
}
