/**
 * A finished (or partly finished) form as the observations every other
 * channel records, so triage, cases and the month's record read it as they
 * read a text. Free text is not read here: the shared turn reads it
 * (freeTextAnswers), and item 9 of the PHQ is escalated by the caller
 * (reportsSelfHarm), never through an observation.
 */
import type { Observation } from '../types.js';
import { enabledAnswers } from './branching.js';
import { medicineLinkIds, medicineOfTakenLinkId, NOT_TAKEN_REASONS, TAKEN, type NotTakenReason } from './medicines.js';
import { scores } from './phq.js';
import { FALL_LINK_IDS, HEALTH_LINK_ID, READING_LINK_IDS, SYMPTOM_LINK_IDS } from './screens.js';
import type { Answers, QuestionnaireDefinition } from './types.js';

type AdherenceReason = NonNullable<Extract<Observation, { kind: 'medication_adherence' }>['value']['reason']>;

/**
 * Why a medicine was not taken, as the SMS flows record it. "Stopped" is
 * the reason unless the patient named one a person acts on differently
 * (side effects, running out, cost): a forgotten medicine is not "stopped".
 */
function adherenceReason(taken: string, why: string | undefined): AdherenceReason | undefined {
  const named = (NOT_TAKEN_REASONS as readonly string[]).includes(why ?? '') ? (why as NotTakenReason) : undefined;
  if (taken !== TAKEN.stopped) return named;
  return named === 'side_effects' || named === 'ran_out' || named === 'cost' ? named : 'stopped';
}

function adherence(answers: Answers): Observation[] {
  return Object.entries(answers).flatMap(([linkId, taken]): Observation[] => {
    const medicationId = medicineOfTakenLinkId(linkId);
    if (medicationId === null) return [];
    if (taken === TAKEN.yes) return [{ kind: 'medication_adherence', value: { medicationId, taken: true } }];
    const { why, note } = medicineLinkIds(medicationId);
    const reason = adherenceReason(taken, answers[why]);
    const detail = answers[note];
    return [
      {
        kind: 'medication_adherence',
        value: { medicationId, taken: false, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) },
      },
    ];
  });
}

function readings(answers: Answers): Observation[] {
  const number = (linkId: string) => (answers[linkId] === undefined ? undefined : Number(answers[linkId]));
  const [systolic, diastolic] = [number(READING_LINK_IDS.systolic), number(READING_LINK_IDS.diastolic)];
  const glucose = number(READING_LINK_IDS.glucose);
  const weight = number(READING_LINK_IDS.weight);
  return [
    ...(systolic !== undefined && diastolic !== undefined ? [{ kind: 'blood_pressure' as const, value: { systolic, diastolic } }] : []),
    ...(glucose !== undefined ? [{ kind: 'glucose' as const, value: { mgdl: glucose } }] : []),
    ...(weight !== undefined ? [{ kind: 'weight' as const, value: { pounds: weight } }] : []),
  ];
}

function selfRatedHealth(definition: QuestionnaireDefinition, answers: Answers): Observation[] {
  const answer = answers[HEALTH_LINK_ID];
  const item = definition.screens.flatMap((s) => s.items).find((i) => i.linkId === HEALTH_LINK_ID);
  const score = item?.options?.find((o) => o.value === answer)?.score;
  return answer !== undefined && score !== undefined ? [{ kind: 'self_rated_health', value: { answer, score } }] : [];
}

function depressionScreens(answers: Answers): Observation[] {
  const { phq2, phq9 } = scores(answers);
  return [
    ...(phq2 !== null ? [{ kind: 'depression_screen' as const, value: { instrument: 'phq2' as const, score: phq2 } }] : []),
    ...(phq9 !== null ? [{ kind: 'depression_screen' as const, value: { instrument: 'phq9' as const, score: phq9 } }] : []),
  ];
}

/**
 * The observations the answers make, in the form's order. Only answers to
 * questions still asked count. "New or worse symptoms: yes" is recorded as
 * symptoms worse, so it reaches a person even when the patient writes nothing
 * about it.
 */
export function answerObservations(definition: QuestionnaireDefinition, answers: Answers): Observation[] {
  const kept = enabledAnswers(definition, answers);
  return [
    ...selfRatedHealth(definition, kept),
    ...depressionScreens(kept),
    ...adherence(kept),
    ...readings(kept),
    ...(kept[FALL_LINK_IDS.fell] === 'yes' ? [{ kind: 'concern_reported' as const, value: { category: 'fall' } }] : []),
    ...(kept[SYMPTOM_LINK_IDS.any] === 'yes' ? [{ kind: 'symptom_trend' as const, value: { trend: 'worse' as const } }] : []),
  ];
}

/** What the patient wrote in their own words, in the form's order, for the shared turn to read. */
export function freeTextAnswers(definition: QuestionnaireDefinition, answers: Answers): Array<{ linkId: string; text: string }> {
  const kept = enabledAnswers(definition, answers);
  return definition.screens
    .flatMap((screen) => screen.items)
    .filter((item) => item.type === 'text' && kept[item.linkId] !== undefined)
    .map((item) => ({ linkId: item.linkId, text: kept[item.linkId]! }));
}
