/**
 * The week-2 questionnaire as data: a definition in FHIR's shape (items with
 * linkIds, LOINC codes, answer options with LOINC answer codes) that the form
 * channel renders one screen at a time, and answers keyed by linkId as the
 * form posts them. Pure: nothing here reads or writes anything.
 */

export const QUESTIONNAIRE_LOCALES = ['en', 'es'] as const;
export type QuestionnaireLocale = (typeof QUESTIONNAIRE_LOCALES)[number];
/** A sentence in every language the form speaks. */
export type Localized = Record<QuestionnaireLocale, string>;

export interface Coding {
  system: string;
  code: string;
  display: string;
}

/**
 * The parts a practice may switch on or off (the practice's questionnaire
 * setting lists the ones it uses, in this order).
 */
export const QUESTIONNAIRE_PARTS = ['health', 'mood', 'medicines', 'readings', 'falls', 'symptoms', 'message'] as const;
export type QuestionnairePart = (typeof QUESTIONNAIRE_PARTS)[number];

export interface AnswerOption {
  /** What the form posts for it. */
  value: string;
  text: Localized;
  /** The LOINC answer (LA6568-5 for PHQ "Not at all"); absent for local answers. */
  coding?: Coding;
  /** Points it adds to a score (PHQ items 0-3). */
  score?: number;
}

/** When an item is asked: every condition holds. */
export type Condition =
  /** Another item was answered with one of these values. */
  | { linkId: string; anyOf: string[] }
  /** A score of the answers so far is at least this (PHQ-9 follows a PHQ-2 total of 3 or more). */
  | { score: 'phq2'; atLeast: number };

export interface QuestionItem {
  /** Unique in the questionnaire; stable across versions ('phq.1', 'medicine.<id>.taken'). */
  linkId: string;
  type: 'choice' | 'integer' | 'decimal' | 'text';
  text: Localized;
  /** What a good answer looks like ("e.g. 130"), shown under the question. */
  hint?: Localized;
  /** The LOINC (or local) code of the question, for the FHIR QuestionnaireResponse and Observations. */
  code?: Coding;
  /** A choice's answers, in the order shown. */
  options?: AnswerOption[];
  /** A number's accepted range and its unit as shown ("mm[Hg]", "mg/dL", "lb"). */
  min?: number;
  max?: number;
  unit?: string;
  /** The patient must answer it before the next screen (PHQ items); other items may be skipped. */
  required: boolean;
  enableWhen?: Condition[];
}

/** One screen of the form: one question or a short group. */
export interface Screen {
  id: string;
  part: QuestionnairePart;
  title: Localized;
  items: QuestionItem[];
  /** The panel its questions belong to, when one has a code (the PHQ-2's, the PHQ-9's): the FHIR group carries it. */
  code?: Coding;
}

export interface QuestionnaireDefinition {
  /** Canonical URL and version: a response names the definition it answered. */
  url: string;
  version: string;
  title: Localized;
  parts: QuestionnairePart[];
  screens: Screen[];
}

/** The patient's answers so far, by linkId, as posted (choice values, numbers as typed, words). */
export type Answers = Record<string, string>;

/** What the form channel shows for a screen's item it could not take, by linkId. */
export type AnswerErrors = Record<string, Localized>;

export interface Scores {
  /** PHQ-2 total 0-6, once both items are answered. */
  phq2: number | null;
  /** PHQ-9 total 0-27, once all nine are answered. */
  phq9: number | null;
}
