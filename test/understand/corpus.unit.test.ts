/**
 * The message reader and the default triage rules against three labelled
 * corpora of realistic texts, each written by an author who did not read the
 * code: a concerning text must raise at least its expected level, a benign
 * one must raise nothing. The same path as the runtime: red flags,
 * distress, then what readMessage finds, as observations, through the rules.
 */
import { describe, expect, it } from 'vitest';
import { readingObservations } from '../../src/conversation/index.js';
import { detectRedFlag } from '../../src/flows/safety/index.js';
import { readMessage } from '../../src/flows/understand/index.js';
import { LEVEL_RANK, evaluateTriage, type ObservationFact, type TriageLevel } from '../../src/triage/index.js';
import { facts, obs } from '../triage/facts.js';
import { BENIGN, CONCERNING } from './corpus.js';
import { HOLDOUT_BENIGN, HOLDOUT_CONCERNING } from './holdout.js';
import { HOLDOUT2_BENIGN, HOLDOUT2_CONCERNING } from './holdout-2.js';

/** The level one text raises for a heart-failure, diabetic, hypertensive patient with a quiet history. */
function levelFor(text: string): TriageLevel {
  const observations: ObservationFact[] = [];
  const redFlag = detectRedFlag(text);
  if (redFlag) observations.push(obs('red_flag', { category: redFlag.category }));
  const reading = readMessage(text);
  if (reading.requests.includes('distress')) observations.push(obs('request', { kind: 'distress' }));
  for (const o of readingObservations(reading, { observations: [] })) observations.push(obs(o.kind, o.value));
  const evaluation = evaluateTriage(facts(observations, { conditions: ['heart failure', 'type 2 diabetes', 'hypertension'] }));
  return evaluation.level;
}

const share = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

interface Corpus {
  name: string;
  concerning: ReadonlyArray<{ text: string; lang: 'en' | 'es'; level: 'urgent' | 'elevated'; category: string }>;
  benign: ReadonlyArray<{ text: string; lang: 'en' | 'es' }>;
}

/**
 * Each corpus was written by a different author who never saw the reader's
 * code. The second and third were first run unseen, to measure how the
 * reader does on phrasings it was not built from: 85.6% of concerning texts
 * found and 7.8% of benign ones raised (holdout.ts), then 85.6% and 6.3%
 * (holdout-2.ts). What they taught (dropped g's, double negatives, symptoms
 * that have passed, idioms) was fixed in general ways, not text by text.
 */
const CORPORA: Corpus[] = [
  { name: 'written from the care categories (corpus.ts)', concerning: CONCERNING, benign: BENIGN },
  { name: 'a second author, other personas (holdout.ts)', concerning: HOLDOUT_CONCERNING, benign: HOLDOUT_BENIGN },
  { name: 'a third author, dialects and caregivers (holdout-2.ts)', concerning: HOLDOUT2_CONCERNING, benign: HOLDOUT2_BENIGN },
];

describe.each(CORPORA)('reading realistic texts: $name', ({ concerning, benign }) => {
  it('is big enough to mean something, in both languages', () => {
    expect(concerning.length).toBeGreaterThanOrEqual(150);
    expect(benign.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['en', 'es'] as const) {
      expect(concerning.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(50);
      expect(benign.filter((b) => b.lang === lang).length).toBeGreaterThanOrEqual(50);
    }
  });

  it('at least 95% of concerning texts raise their level (or higher)', () => {
    const missed = concerning.filter((c) => LEVEL_RANK[levelFor(c.text)] < LEVEL_RANK[c.level]);
    const rate = share(concerning.length - missed.length, concerning.length);
    console.info(`concerning texts raised at their level: ${rate}% (${concerning.length - missed.length}/${concerning.length})`);
    expect(rate, missed.map((c) => `${c.level} ${c.category}: ${c.text} -> ${levelFor(c.text)}`).join('\n')).toBeGreaterThanOrEqual(95);
  });

  it('at most 5% of benign texts raise anything', () => {
    const raised = benign.filter((b) => LEVEL_RANK[levelFor(b.text)] >= LEVEL_RANK.elevated);
    const rate = share(raised.length, benign.length);
    console.info(`benign texts that raised an alert: ${rate}% (${raised.length}/${benign.length})`);
    expect(rate, raised.map((b) => `${b.text} -> ${levelFor(b.text)}`).join('\n')).toBeLessThanOrEqual(5);
  });
});
