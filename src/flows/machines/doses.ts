/**
 * Adherence as the medication flows record it, for the one medicine a
 * medication check-in asks about or every medicine a dose reminder is for:
 * what the patient said of a medicine by name wins ("took the metformin but
 * not the lisinopril"); the plain answer ("yes", "took both of em", "no")
 * stands for the medicines they did not name. A medicine nothing was said of
 * is not recorded: a "yes" to one name never records another as taken.
 */
import type { PromptKey } from '../../../prompts/en.js';
import type { FlowOutput } from '../types.js';
import type { DoseAnswer, FlowAnswers, MissedReason } from './answers.js';
import type { FlowContext } from './flow-setup.js';
import { medicineWords } from './medicine-words.js';

export const CLOSINGS: Readonly<Record<MissedReason, PromptKey>> = {
  forgot: 'medication.close_forgot',
  side_effects: 'medication.close_side_effects',
  ran_out: 'medication.close_ran_out',
  other: 'medication.close_other',
};

/** When doses were missed for different reasons, the closing for the one that needs the most follow-up. */
const CLOSING_ORDER: readonly MissedReason[] = ['side_effects', 'ran_out', 'other', 'forgot'];

type Medicine = { id: string; name: string; dose: string };

/** The medicines the flow asks about: a reminder's, or the check-in's one (id '' when it has none, as before). */
export function medicinesAsked(context: FlowContext): Medicine[] {
  if (context.medications && context.medications.length > 0) return context.medications;
  return [context.medication ?? { id: '', name: '', dose: '' }];
}

type Dose = DoseAnswer & { detail?: string };

/** What the answers say of one medicine; undefined while nothing is said of it. */
export function doseOf(answers: FlowAnswers, medicationId: string): Dose | undefined {
  const { medicationTaken, missedReason, missedDetail } = answers;
  // The reason asked after "no" is the reason of every dose missed without one of its own.
  const why = missedReason ? { reason: missedReason, ...(missedDetail ? { detail: missedDetail } : {}) } : {};
  const own = answers.doses?.[medicationId];
  if (own) return own.taken || own.reason ? own : { taken: false, ...why };
  if (medicationTaken === undefined) return undefined;
  return medicationTaken ? { taken: true } : { taken: false, ...why };
}

/** The medicines nothing has been said of yet. */
export const unanswered = (answers: FlowAnswers, context: FlowContext): Medicine[] =>
  medicinesAsked(context).filter((m) => doseOf(answers, m.id) === undefined);

/** Whether a dose was missed with no reason given: the flow asks why. */
export const reasonMissing = (answers: FlowAnswers, context: FlowContext): boolean =>
  medicinesAsked(context).some((m) => {
    const dose = doseOf(answers, m.id);
    return dose !== undefined && !dose.taken && !dose.reason;
  });

/**
 * Adherence as told so far, one observation per medicine (triage's rules
 * decide who hears of it), and a refill concern for each that ran out. Also
 * used when the flow ends early: a patient who said "no" and then went quiet
 * still missed a dose.
 */
export function adherenceObservations(answers: FlowAnswers, context: FlowContext): FlowOutput[] {
  return medicinesAsked(context).flatMap((medicine): FlowOutput[] => {
    const dose = doseOf(answers, medicine.id);
    if (!dose) return [];
    const medicationId = medicine.id;
    const { taken, reason, detail } = dose;
    const adherence: FlowOutput = {
      type: 'observe',
      observation: { kind: 'medication_adherence', value: { medicationId, taken, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) } },
    };
    const refill: FlowOutput[] = !taken && reason === 'ran_out' ? [{ type: 'observe', observation: { kind: 'refill_concern', value: { medicationId } } }] : [];
    return [adherence, ...refill];
  });
}

/**
 * The closing after a missed dose, for its reason. For a reminder for several
 * medicines it names (in the practice's words) only those missed for that
 * reason: "help you get a refill of lisinopril", not of everything.
 */
export function missedClosing(answers: FlowAnswers, context: FlowContext): FlowOutput {
  const missed = medicinesAsked(context).flatMap((m) => {
    const dose = doseOf(answers, m.id);
    if (!dose || dose.taken) return [];
    const reason: MissedReason = dose.reason && dose.reason in CLOSINGS ? (dose.reason as MissedReason) : 'other';
    return [{ medicine: m, reason }];
  });
  const reason = CLOSING_ORDER.find((r) => missed.some((m) => m.reason === r)) ?? 'other';
  const closing: FlowOutput = { type: 'say', prompt: CLOSINGS[reason] };
  if (!context.medications || context.medications.length < 2) return closing;
  const named = missed.filter((m) => m.reason === reason).map((m) => m.medicine);
  return { ...closing, params: { medicationName: medicineWords(named, context.namesInTexts ?? false, context.locale), medicationDose: '' } };
}
