/**
 * The default week-2 assessment: the parts a practice uses, in the order of
 * QUESTIONNAIRE_PARTS, the medicine screens made from the patient's own list.
 */
import { createHash } from 'node:crypto';
import { medicineScreens, type QuestionnaireMedicine } from './medicines.js';
import { moodScreens } from './phq.js';
import { fallScreens, healthScreens, messageScreens, readingScreens, symptomScreens } from './screens.js';
import { QUESTIONNAIRE_PARTS, type QuestionnaireDefinition, type QuestionnairePart, type Screen } from './types.js';

/** The canonical URL a response names (with the version) to say which questions it answered. */
export const WEEK2_QUESTIONNAIRE_URL = 'https://ccm-bot.example/fhir/Questionnaire/week-2-assessment';
/** Bumped whenever a question, an answer or a code below changes. */
export const WEEK2_QUESTIONNAIRE_VERSION = '1';

/**
 * Each patient's form has its own medicine questions, and practices choose
 * parts: the version says which form it is ("1-" and a digest of its
 * screens), so url|version names one set of questions, never two.
 */
function versionOf(screens: readonly Screen[]): string {
  return `${WEEK2_QUESTIONNAIRE_VERSION}-${createHash('sha256').update(JSON.stringify(screens)).digest('hex').slice(0, 12)}`;
}

export interface Week2Options {
  parts: readonly QuestionnairePart[];
  medicines: ReadonlyArray<QuestionnaireMedicine>;
}

export function week2Questionnaire(options: Week2Options): QuestionnaireDefinition {
  const screensOf: Record<QuestionnairePart, () => Screen[]> = {
    health: healthScreens,
    mood: moodScreens,
    medicines: () => medicineScreens(options.medicines),
    readings: readingScreens,
    falls: fallScreens,
    symptoms: symptomScreens,
    message: messageScreens,
  };
  const parts = QUESTIONNAIRE_PARTS.filter((part) => options.parts.includes(part));
  const screens = parts.flatMap((part) => screensOf[part]());
  return {
    url: WEEK2_QUESTIONNAIRE_URL,
    version: versionOf(screens),
    title: { en: 'Your monthly health check-in', es: 'Su revisión de salud del mes' },
    parts,
    screens,
  };
}
