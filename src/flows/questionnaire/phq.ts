/**
 * The PHQ-2, and the rest of the PHQ-9 for those whose PHQ-2 total is 3 or
 * more. The words are the instrument's own (the published English and US
 * Spanish versions, free to use) and are not simplified: a reworded PHQ
 * would no longer be the PHQ its scores are validated for.
 */
import { PANEL, loinc } from './codes.js';
import type { AnswerOption, Answers, Localized, QuestionItem, Scores, Screen } from './types.js';

/** The same four answers for every PHQ item, with their LOINC answer codes and points. */
export const PHQ_OPTIONS: readonly AnswerOption[] = [
  { value: 'not_at_all', score: 0, text: { en: 'Not at all', es: 'Ningún día' }, coding: loinc('LA6568-5', 'Not at all') },
  { value: 'several_days', score: 1, text: { en: 'Several days', es: 'Varios días' }, coding: loinc('LA6569-3', 'Several days') },
  {
    value: 'more_than_half',
    score: 2,
    text: { en: 'More than half the days', es: 'Más de la mitad de los días' },
    coding: loinc('LA6570-1', 'More than half the days'),
  },
  { value: 'nearly_every_day', score: 3, text: { en: 'Nearly every day', es: 'Casi todos los días' }, coding: loinc('LA6571-9', 'Nearly every day') },
];

const STEM: Localized = {
  en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  es: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
};

/** The nine items in order: [LOINC, LOINC display, English, Spanish]. */
const PHQ_ITEMS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['44250-9', 'Little interest or pleasure in doing things', 'Little interest or pleasure in doing things', 'Poco interés o placer en hacer cosas'],
  ['44255-8', 'Feeling down, depressed, or hopeless', 'Feeling down, depressed, or hopeless', 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas'],
  [
    '44259-0',
    'Trouble falling or staying asleep, or sleeping too much',
    'Trouble falling or staying asleep, or sleeping too much',
    'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
  ],
  ['44254-1', 'Feeling tired or having little energy', 'Feeling tired or having little energy', 'Se ha sentido cansado(a) o con poca energía'],
  ['44251-7', 'Poor appetite or overeating', 'Poor appetite or overeating', 'Sin apetito o ha comido en exceso'],
  [
    '44258-2',
    'Feeling bad about yourself-or that you are a failure or have let yourself or your family down',
    'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    'Se ha sentido mal con usted mismo(a), o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
  ],
  [
    '44252-5',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
  ],
  [
    '44253-3',
    'Moving or speaking so slowly that other people could have noticed. Or the opposite-being so fidgety or restless that you have been moving around a lot more than usual',
    'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual',
    '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado?, o lo contrario: muy inquieto(a) o agitado(a), que ha estado moviéndose mucho más de lo normal',
  ],
  [
    '44260-8',
    'Thoughts that you would be better off dead, or of hurting yourself in some way',
    'Thoughts that you would be better off dead, or of hurting yourself in some way',
    'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
  ],
];

export const phqLinkId = (n: number) => `phq.${n}`;
/** PHQ item 9: an answer above "not at all" takes the red-flag path. */
export const SELF_HARM_LINK_ID = phqLinkId(9);

/** The PHQ-2's total at which the rest of the PHQ-9 is asked. */
export const PHQ9_FROM_PHQ2_TOTAL = 3;

function phqItem(n: number, enabledByPhq2: boolean): QuestionItem {
  const [code, display, en, es] = PHQ_ITEMS[n - 1]!;
  return {
    linkId: phqLinkId(n),
    type: 'choice',
    text: { en, es },
    code: loinc(code, display),
    options: [...PHQ_OPTIONS],
    required: true,
    ...(enabledByPhq2 ? { enableWhen: [{ score: 'phq2' as const, atLeast: PHQ9_FROM_PHQ2_TOTAL }] } : {}),
  };
}

/**
 * Items 1-2 on one screen; 3-9 in short groups; item 9 alone, so the page
 * that answers it (988 and 911 first) comes straight after it.
 */
export function moodScreens(): Screen[] {
  const screen = (id: string, numbers: number[], enabledByPhq2: boolean): Screen => ({
    id,
    part: 'mood',
    title: STEM,
    items: numbers.map((n) => phqItem(n, enabledByPhq2)),
    code: enabledByPhq2 ? PANEL.phq9 : PANEL.phq2,
  });
  return [screen('mood', [1, 2], false), screen('mood.more-1', [3, 4, 5], true), screen('mood.more-2', [6, 7, 8], true), screen('mood.more-3', [9], true)];
}

/** Points of a PHQ answer; null for no answer or one that is not a PHQ answer. */
const points = (value: string | undefined) => PHQ_OPTIONS.find((o) => o.value === value)?.score ?? null;

function total(answers: Answers, count: number): number | null {
  let sum = 0;
  for (let n = 1; n <= count; n += 1) {
    const p = points(answers[phqLinkId(n)]);
    if (p === null) return null;
    sum += p;
  }
  return sum;
}

/** The PHQ-2 total once both items are answered; the PHQ-9 total once all nine are. */
export function scores(answers: Answers): Scores {
  return { phq2: total(answers, 2), phq9: total(answers, 9) };
}

/** PHQ item 9 answered above "not at all": thoughts of being better off dead or of self-harm. */
export function reportsSelfHarm(answers: Answers): boolean {
  return (points(answers[SELF_HARM_LINK_ID]) ?? 0) > 0;
}

export type Phq9Severity = 'minimal' | 'mild' | 'moderate' | 'moderately severe' | 'severe';

/** The PHQ-9's published bands: 5, 10, 15 and 20 start mild, moderate, moderately severe and severe. */
export function phq9Severity(score: number): Phq9Severity {
  if (score >= 20) return 'severe';
  if (score >= 15) return 'moderately severe';
  if (score >= 10) return 'moderate';
  if (score >= 5) return 'mild';
  return 'minimal';
}
