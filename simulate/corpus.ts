/**
 * What simulated patients write: the labelled corpora of test/understand
 * (texts as older patients write them, each with the check-in it answers and
 * an author's clinical judgement). The labels are why the simulator knows
 * which texts a nurse should have seen.
 */
import { FRESH_TEXTS, type FreshText } from '../test/understand/fresh-2026-12.js';
import { FRESH_TEXTS_B } from '../test/understand/fresh-2026-12-b.js';
import { FRESH_TEXTS_C } from '../test/understand/fresh-2026-12-c.js';
import { FRESH_TEXTS_D } from '../test/understand/fresh-2026-12-d.js';
import { FRESH_TEXTS_E } from '../test/understand/fresh-2026-12-e.js';

export type Context = FreshText['context'];
export type Language = 'en' | 'es';

export interface LabelledText {
  /** Corpus and id, e.g. "C:112": names the text in a report without quoting it. */
  ref: string;
  text: string;
  concerning: boolean;
  level: FreshText['level'];
}

const CORPORA: Array<[string, readonly FreshText[]]> = [
  ['A', FRESH_TEXTS],
  ['B', FRESH_TEXTS_B],
  ['C', FRESH_TEXTS_C],
  ['D', FRESH_TEXTS_D],
  ['E', FRESH_TEXTS_E],
];

const ALL = CORPORA.flatMap(([name, texts]) => texts.map((t) => ({ ...t, ref: `${name}:${t.id}` })));

const pools = new Map<string, LabelledText[]>();

/**
 * A text whose concern is heart failure's (its author's reason names heart failure or a gain in
 * weight): concerning only for a patient who has it, so only such patients write it.
 */
const needsHeartFailure = (t: FreshText) => t.concerning && /heart[- ]?failure|\bHF\b|weight gain|lb gain|\d+ ?(lb|kg|pounds?) (gain|in)/i.test(t.why);

/**
 * The texts a patient of `language` might send answering `context`, concerning or not.
 * Spanish patients write Spanish; English ones English or mixed. An empty
 * context pool falls back to unprompted texts ('none'), which fit anywhere.
 */
export function textsFor(patient: { language: Language; heartFailure: boolean }, context: Context, concerning: boolean): readonly LabelledText[] {
  const { language, heartFailure } = patient;
  const key = `${language}|${context}|${concerning}|${heartFailure}`;
  let pool = pools.get(key);
  if (!pool) {
    const fits = (t: (typeof ALL)[number], c: Context) =>
      t.context === c && t.concerning === concerning && (language === 'es' ? t.language === 'es' : t.language !== 'es') && (heartFailure || !needsHeartFailure(t));
    const chosen = ALL.filter((t) => fits(t, context));
    pool = (chosen.length > 0 ? chosen : ALL.filter((t) => fits(t, 'none'))).map(({ ref, text, concerning: c, level }) => ({ ref, text, concerning: c, level }));
    pools.set(key, pool);
  }
  return pool;
}

/** Rationing: taking less, or none, to make a medicine last or because of its price (the author's reason says so). */
const RATIONING = /\bration|make (it|them) last|\bcost\b|afford|price/i;
/** A dose missed or skipped (forgot, ran out, skipped for a trip), by the author's reason; stopping a medicine for side effects is another story. */
const MISSED = /missed|missing|skipped|forg|ran out|out of (?!glucose)/i;
const adherencePools = new Map<string, LabelledText[]>();

/**
 * Concerning texts about medicines answering a medication question: a dose missed, or rationed.
 * Heart failure's own texts (a skipped water pill) only for patients who have it, as in textsFor.
 */
export function adherenceTextsFor(patient: { language: Language; heartFailure: boolean }, kind: 'missed' | 'rationing'): readonly LabelledText[] {
  const key = `${patient.language}|${kind}|${patient.heartFailure}`;
  let pool = adherencePools.get(key);
  if (!pool) {
    const fits = (t: (typeof ALL)[number]) =>
      t.context === 'medication' && t.concerning && (patient.language === 'es' ? t.language === 'es' : t.language !== 'es') && (patient.heartFailure || !needsHeartFailure(t)) &&
      (kind === 'rationing' ? RATIONING.test(t.why) : MISSED.test(t.why) && !RATIONING.test(t.why));
    pool = ALL.filter(fits).map(({ ref, text, concerning, level }) => ({ ref, text, concerning, level }));
    if (pool.length === 0) pool = [...textsFor(patient, 'medication', true)];
    adherencePools.set(key, pool);
  }
  return pool;
}
