/**
 * The codes the week-2 questionnaire carries, so its answers mean the same
 * thing in an EHR as they do here. LOINC where LOINC has the question (PHQ,
 * PROMIS Global01, the readings); a code system of our own where it has none.
 */
import type { Coding } from './types.js';

export const LOINC_SYSTEM = 'http://loinc.org';

/**
 * Questions with no public LOINC code: taking a medicine as prescribed (the
 * validated adherence scales, MMAS-8 among them, are licensed), why not,
 * falls, new symptoms and the message to the care team. Ours, and named so.
 */
export const LOCAL_ITEM_SYSTEM = 'https://ccm-bot.example/fhir/CodeSystem/questionnaire-items';

/** Answers with no LOINC answer code (yes / missed some / stopped, why, yes / no): the option's value is the code. */
export const LOCAL_ANSWER_SYSTEM = 'https://ccm-bot.example/fhir/CodeSystem/questionnaire-answers';

export const loinc = (code: string, display: string): Coding => ({ system: LOINC_SYSTEM, code, display });
export const localItem = (code: string, display: string): Coding => ({ system: LOCAL_ITEM_SYSTEM, code, display });

/** Panels and totals: the questionnaire's items carry their own codes. */
export const PANEL = {
  phq2: loinc('55757-9', 'Patient Health Questionnaire 2 item (PHQ-2) [Reported]'),
  phq2Total: loinc('55758-7', 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]'),
  phq9: loinc('44249-1', 'PHQ-9 quick depression assessment panel [Reported.PHQ]'),
  phq9Total: loinc('44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'),
} as const;
