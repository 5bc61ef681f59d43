/**
 * Opening a conversation with a patient: a check-in a person asked for, or
 * outreach the schedule planned (a check-in, a dose reminder, the refill
 * question). One conversation is open per patient at a time, so every reply
 * has exactly one place to go.
 */
import { DateTime } from 'luxon';
import { startFlow, type FlowInput, type FlowName, type Locale } from '../flows/index.js';
import { insertConversation } from '../store/conversations.js';
import type { Medication } from '../store/medications.js';
import { recordEvent } from '../store/patient-events.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { urgentBloodPressureLimit } from '../triage/index.js';
import type { BotDeps } from './deps.js';
import { queueOutreach } from './outbox.js';
import { flowText } from './speech.js';
import { practiceRules } from './triage.js';

/** What the patient reads for "your medicine" when the practice keeps medication names out of texts (DOMAIN.md). */
const GENERIC_MEDICINE: Readonly<Record<Locale, string>> = { en: 'medicine', es: 'medicina' };

/** A medication as the texts name it: by name and dose only when the practice allows it. */
export function medicationWords(practice: Practice, medication: Pick<Medication, 'id' | 'name' | 'dose'>, locale: Locale) {
  return practice.outreach.medicationNamesInTexts
    ? { id: medication.id, name: medication.name, dose: medication.dose }
    : { id: medication.id, name: GENERIC_MEDICINE[locale], dose: '' };
}

/** A date as the patient reads it: "Thursday, December 10", "jueves 10 de diciembre". */
export const readableDate = (date: string, locale: Locale) =>
  DateTime.fromISO(date, { locale }).toFormat(locale === 'es' ? "cccc d 'de' LLLL" : 'cccc, LLLL d');

/** What a flow is told when it starts, beyond the patient's language. */
export interface FlowSetup {
  medication?: Pick<Medication, 'id' | 'name' | 'dose' | 'refillDueOn'>;
}

async function flowInput(tx: Queryable, practice: Practice, patient: Patient, flow: FlowName, setup: FlowSetup): Promise<FlowInput> {
  const input: FlowInput = { locale: patient.language };
  if (setup.medication) input.medication = medicationWords(practice, setup.medication, patient.language);
  if (flow === 'refill' && setup.medication?.refillDueOn) input.refillDate = readableDate(setup.medication.refillDueOn, patient.language);
  if (flow === 'symptoms') {
    const crisis = urgentBloodPressureLimit(await practiceRules(tx, practice.id));
    if (crisis) input.bpCrisis = crisis;
  }
  return input;
}

export interface OpenedConversation {
  conversationId: string;
  messageId: string;
}

/**
 * Opens the conversation and queues its first text (the send job holds it
 * until quiet hours end), in the caller's transaction, with the patient
 * locked and no other conversation open.
 */
export async function openConversation(
  tx: Queryable,
  deps: BotDeps,
  c: { practice: Practice; patient: Patient; flow: FlowName; setup: FlowSetup; at: Date; replyWindowSeconds?: number | null },
): Promise<OpenedConversation> {
  const { practice, patient, flow, at } = c;
  const input = await flowInput(tx, practice, patient, flow, c.setup);
  const step = startFlow(flow, input);
  const conversation = await insertConversation(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    flow,
    flowVersion: step.version,
    input,
    state: step.state,
    snapshot: step.snapshot,
    answers: step.answers,
    startedAt: at,
    replyWindowSeconds: c.replyWindowSeconds ?? null,
  });
  const body = flowText(step.outputs, input.locale, practice, patient)!;
  const message = await queueOutreach(tx, { practice, patient, conversationId: conversation.id, kind: 'check_in', body, at });
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, conversationId: conversation.id, type: 'conversation.started', detail: { flow }, at });
  return { conversationId: conversation.id, messageId: message.id };
}
