/**
 * Reading a whole message, whatever question it answers: the concerns it
 * mentions, the vital signs it states, and what it asks of the care team.
 * A reply can answer the question and say something else ("yes, but my feet
 * are swollen"); the runtime records what is found here beside the answer.
 * Pure: no I/O.
 */
import { readConcerns, type ConcernCategory } from './concerns.js';
import { readRequests, type RequestKind } from './requests.js';
import { readVitals, type Vital } from './vitals.js';
import { highSugarInDanger } from './high-sugar.js';
import { fluidsLostInDanger } from './fluids-lost.js';
import { woundGoingBad } from './wound-going-bad.js';
import { bloodLostInDanger } from './blood-lost.js';

export { CONCERN_CATEGORIES, readConcerns } from './concerns.js';
export type { ConcernCategory } from './concerns.js';
export { REQUEST_KINDS, readRequests } from './requests.js';
export type { RequestKind } from './requests.js';
export { readVitals } from './vitals.js';
export { leftOver, needsAPerson, READING_WORDS, UNKNOWN_WORDS_FOR_REVIEW, type LeftOver } from './closed-world.js';
export { warmDictionary, warmDictionaryInBackground } from '../text/dictionary.js';
export type { Vital } from './vitals.js';
export { readMedicineMentions, type MedicineMention } from './medicine-mentions.js';
export { knowMedicine, sameName } from './medicine-names.js';
export { readMissedSpan } from './missed-span.js';
export { forTheOffice, OFFICE_TOPICS, type OfficeTopic } from './for-the-office.js';

export interface MessageReading {
  concerns: ConcernCategory[];
  vitals: Vital[];
  requests: RequestKind[];
}

/** Pain scored this low ("pain is a 1 today") is an answer, not a concern. */
const MILD_PAIN_SCORE = 3;

export function readMessage(text: string): MessageReading {
  const vitals = readVitals(text);
  const mildPain = vitals.some((v) => v.kind === 'pain' && v.score <= MILD_PAIN_SCORE);
  // A gain said with its figure ("weight up only 1 lb") is weighed against the practice's thresholds, as a reading is.
  const gainWeighed = vitals.some((v) => v.kind === 'weight_gain');
  const concerns = readConcerns(text).filter((c) => !(mildPain && c === 'pain') && !(gainWeighed && c === 'weight_gain'));
  if (highSugarInDanger(text, vitals, concerns)) concerns.push('glucose_high_danger');
  if (fluidsLostInDanger(text, concerns)) concerns.push('fluids_lost_danger');
  if (woundGoingBad(text, concerns)) concerns.push('wound_infection_danger');
  if (bloodLostInDanger(text, concerns)) concerns.push('blood_lost_danger');
  return { concerns, vitals, requests: readRequests(text) };
}

/** Whether the text says something a person should know, beyond answering the question. */
export const saysSomething = (reading: MessageReading) =>
  reading.concerns.length > 0 || reading.vitals.length > 0 || reading.requests.length > 0;
