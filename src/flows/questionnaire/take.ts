/**
 * Takes what the form posted for one screen: the answers it can use, and for
 * each item it cannot, a short, polite message in both languages. A skipped
 * question that may be skipped is simply not answered.
 */
import { READING_LINK_IDS } from './screens.js';
import type { AnswerErrors, Answers, Localized, QuestionItem, Screen } from './types.js';

/** Longer than any message a patient means to type; a longer one is refused, never cut short. */
export const MAX_TEXT_LENGTH = 2000;

/** What a patient may type after a number ("180 lbs", "130 mmHg"), by the unit the item shows. */
const UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  'mm[Hg]': ['mmhg', 'mm hg', 'mm', 'mm de hg'],
  'mg/dL': ['mg/dl', 'mgdl', 'mg'],
  lb: ['lb', 'lbs', 'pound', 'pounds', 'libra', 'libras'],
};

/**
 * A number as people type it: "130", "98.6", "1,234" (a thousands comma),
 * "180,5" (a decimal comma, as Spanish writes it), with the item's unit
 * after it or not. Null for anything else ("130/80", "about 130", "80 kg").
 */
export function parseNumber(typed: string, unit?: string): number | null {
  const match = /^(\d+(?:[.,]\d+)*)\s*(.*)$/.exec(typed.trim().toLowerCase());
  if (!match) return null;
  const [, digits = '', after = ''] = match;
  const unitTyped = after.replace(/\./g, '').replace(/\s+/g, ' ').trim();
  if (unitTyped !== '' && !(unit !== undefined && UNIT_WORDS[unit]?.includes(unitTyped))) return null;
  let plain: string;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) plain = digits.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(digits)) plain = digits.replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(digits)) plain = digits;
  else return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

const both = (en: string, es: string): Localized => ({ en, es });

const MESSAGES = {
  chooseOne: both('Please choose one answer.', 'Por favor, elija una respuesta.'),
  writeSomething: both('Please write your answer.', 'Por favor, escriba su respuesta.'),
  tooLong: (length: number) =>
    both(
      `Please shorten this to ${MAX_TEXT_LENGTH} characters or fewer. It has ${length} now.`,
      `Por favor, acórtelo a ${MAX_TEXT_LENGTH} caracteres o menos. Ahora tiene ${length}.`,
    ),
  number: (item: QuestionItem) => {
    const whole = item.type === 'integer';
    const range = item.min !== undefined && item.max !== undefined;
    const en = `Please enter a ${whole ? 'whole number' : 'number'}${range ? ` between ${item.min} and ${item.max}` : ''}`;
    const es = `Por favor, escriba un número${whole ? ' sin decimales' : ''}${range ? ` entre ${item.min} y ${item.max}` : ''}`;
    return item.required ? both(`${en}.`, `${es}.`) : both(`${en}, or leave it blank.`, `${es}, o déjelo en blanco.`);
  },
  bothNumbers: both(
    'Please enter both blood pressure numbers, or leave both blank.',
    'Por favor, escriba los dos números de la presión, o deje los dos en blanco.',
  ),
  bottomBelowTop: both(
    'The bottom number is usually smaller than the top number. Please check both.',
    'El número de abajo suele ser más pequeño que el de arriba. Por favor, revise los dos.',
  ),
};

type Taken = { answer: string } | { error: Localized } | null;

function takeItem(item: QuestionItem, posted: string | undefined): Taken {
  // Browsers send a text box's line breaks as \r\n: one line break is one character.
  const typed = (posted ?? '').replace(/\r\n?/g, '\n').trim();
  if (typed === '') {
    if (!item.required) return null;
    return { error: item.type === 'choice' ? MESSAGES.chooseOne : item.type === 'text' ? MESSAGES.writeSomething : MESSAGES.number(item) };
  }
  switch (item.type) {
    case 'choice':
      return (item.options ?? []).some((o) => o.value === typed) ? { answer: typed } : { error: MESSAGES.chooseOne };
    case 'integer':
    case 'decimal': {
      const value = parseNumber(typed, item.unit);
      const fits =
        value !== null &&
        (item.type === 'decimal' || Number.isInteger(value)) &&
        (item.min === undefined || value >= item.min) &&
        (item.max === undefined || value <= item.max);
      return fits ? { answer: String(value) } : { error: MESSAGES.number(item) };
    }
    case 'text': {
      const length = [...typed].length;
      return length > MAX_TEXT_LENGTH ? { error: MESSAGES.tooLong(length) } : { answer: typed };
    }
  }
}

/** One blood pressure number without the other is no reading; a bottom number above the top one is a slip. */
function checkBloodPressure(screen: Screen, answers: Answers, errors: AnswerErrors): void {
  const { systolic, diastolic } = READING_LINK_IDS;
  if (!screen.items.some((i) => i.linkId === systolic) || !screen.items.some((i) => i.linkId === diastolic)) return;
  if (errors[systolic] || errors[diastolic]) return;
  const [top, bottom] = [answers[systolic], answers[diastolic]];
  if (top === undefined && bottom === undefined) return;
  if (top === undefined || bottom === undefined) {
    errors[top === undefined ? systolic : diastolic] = MESSAGES.bothNumbers;
    return;
  }
  if (Number(bottom) >= Number(top)) errors[diastolic] = MESSAGES.bottomBelowTop;
}

/**
 * The screen's answers as posted, trimmed and checked: a choice one of its
 * options, a number in range (stored as the number, "180 lbs" as "180"), words
 * as written up to MAX_TEXT_LENGTH. Answers with an error are left out.
 */
export function takeScreen(screen: Screen, posted: Record<string, string | undefined>): { answers: Answers; errors: AnswerErrors } {
  const answers: Answers = {};
  const errors: AnswerErrors = {};
  for (const item of screen.items) {
    const taken = takeItem(item, posted[item.linkId]);
    if (taken === null) continue;
    if ('error' in taken) errors[item.linkId] = taken.error;
    else answers[item.linkId] = taken.answer;
  }
  checkBloodPressure(screen, answers, errors);
  for (const linkId of Object.keys(errors)) delete answers[linkId];
  return { answers, errors };
}
