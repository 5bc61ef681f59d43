import type { Observation } from '../flows/index.js';
import type { MessageReading, Vital } from '../flows/understand/index.js';

/** The wellness menu's categories, as the message reader names them. */
const MENU_TO_READ: Readonly<Record<string, string>> = {
  pain: 'pain',
  breathing: 'breathing',
  dizzy: 'dizziness',
  swelling: 'swelling',
  medicine: 'side_effects',
};

/** What the check-in took from this text: its observations, and a concern category it now has as its answer. */
export interface Answered {
  observations: readonly Observation[];
  /** The wellness menu category the reply gave (it is recorded when the check-in ends). */
  concernCategory?: string | undefined;
}

/** The concern categories and vital kinds the check-in itself already recorded from this text. */
function alreadyRecorded({ observations: answered, concernCategory }: Answered): Set<string> {
  const covered = new Set<string>();
  if (concernCategory) covered.add(MENU_TO_READ[concernCategory] ?? concernCategory);
  for (const o of answered) {
    if (o.kind === 'pain') covered.add('pain');
    if (o.kind === 'blood_pressure') covered.add('blood_pressure');
    if (o.kind === 'concern') covered.add(MENU_TO_READ[o.value.category] ?? o.value.category);
    if (o.kind === 'medication_adherence' && o.value.reason === 'side_effects') covered.add('side_effects');
    if (o.kind === 'refill_concern') covered.add('refill');
  }
  return covered;
}

function vitalObservation(vital: Vital): Observation {
  switch (vital.kind) {
    case 'glucose':
      return { kind: 'glucose', value: { mgdl: vital.mgdl, ...(vital.over ? { over: true } : {}) } };
    case 'oxygen':
      return { kind: 'oxygen', value: { percent: vital.percent } };
    case 'pulse':
      return { kind: 'pulse', value: { bpm: vital.bpm } };
    case 'weight':
      return { kind: 'weight', value: { pounds: vital.pounds } };
    case 'weight_gain':
      return { kind: 'weight_gain', value: { pounds: vital.pounds, days: vital.days } };
    case 'temperature':
      return { kind: 'temperature', value: { fahrenheit: vital.fahrenheit } };
    case 'blood_pressure':
      return { kind: 'blood_pressure', value: { systolic: vital.systolic, diastolic: vital.diastolic } };
    case 'pain':
      return { kind: 'pain', value: { score: vital.score } };
  }
}

/** Requests triage turns into work for the care team (the others are answered at once by the runtime). */
const REQUESTS_FOR_THE_TEAM = new Set(['callback', 'appointment', 'refill']);

/**
 * What a text says beyond the answer to the question, as observations: its
 * concerns, readings and requests. What the check-in recorded from the same
 * text is not recorded twice.
 */
export function readingObservations(reading: MessageReading, answered: Answered): Observation[] {
  const covered = alreadyRecorded(answered);
  return [
    ...reading.concerns.filter((c) => !covered.has(c)).map((category): Observation => ({ kind: 'concern_reported', value: { category } })),
    ...reading.vitals.filter((v) => !covered.has(v.kind)).map(vitalObservation),
    ...reading.requests
      .filter((kind) => REQUESTS_FOR_THE_TEAM.has(kind) && !covered.has(kind))
      .map((kind): Observation => ({ kind: 'request', value: { kind } })),
  ];
}
