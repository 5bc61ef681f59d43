export { parseChoice } from './choice.js';
export type { ChoiceOption } from './choice.js';
export { parseTrend, parseWellbeing, parseYesNo } from './fixed-choices.js';
export { parseNumberInRange } from './number-in-range.js';
export type { NumberParse } from './number-in-range.js';
export { PLAUSIBLE_DIASTOLIC, PLAUSIBLE_SYSTOLIC, parseBloodPressure } from './blood-pressure.js';
export type { BloodPressureParse } from './blood-pressure.js';
export { parseFreeText } from './free-text.js';
