/**
 * Rules over what was read in patients' texts (src/flows/understand): the
 * concerns and requests they mention and the vital signs they state.
 */
import type { Rule } from './rules.js';
import type { Finding, ObservationFact, TriageFacts } from './types.js';
import { concernWords, onDayAt } from './words.js';
import { evidenceOf, finding, within, type Evaluator } from './rule-helpers.js';

const REQUEST_WORDS: Readonly<Record<string, string>> = {
  callback: 'Asked to be called',
  appointment: 'Asked about an appointment',
  refill: 'Asked for a refill',
  distress: 'Asked for help (possible distress)',
};

interface PerValue {
  /** The observations read, and the field that tells them apart (a concern's category, a request's kind). */
  kind: string;
  field: string;
  accept(value: string): boolean;
  /** What the alert is about: one per value. */
  reason(value: string): string;
  words(value: string): string;
}

/** One finding per value of a field among the observations of a kind in the window: one alert per concern, per request. */
function perValue(rule: Rule, facts: TriageFacts, p: PerValue): Finding[] {
  const byValue = new Map<string, ObservationFact[]>();
  for (const o of within(facts, rule.withinDays, p.kind)) {
    const value = String(o.value[p.field]);
    if (p.accept(value)) byValue.set(value, [...(byValue.get(value) ?? []), o]);
  }
  return [...byValue].map(([value, observations]) => {
    const at = onDayAt(observations.at(-1)!.observedAt, facts.timezone);
    return finding(rule, `${p.words(value)} on ${at}`, { [p.field]: value }, observations.map(evidenceOf), p.reason(value));
  });
}

export const distress: Evaluator<'distress'> = (rule, facts) =>
  perValue(rule, facts, { kind: 'request', field: 'kind', accept: (k) => k === 'distress', reason: () => 'distress', words: () => REQUEST_WORDS.distress! });

export const concernReported: Evaluator<'concern_reported'> = (rule, facts) =>
  perValue(rule, facts, {
    kind: 'concern_reported',
    field: 'category',
    accept: (category) => (rule.categories as readonly string[]).includes(category),
    reason: (category) => `concern:${category}`,
    words: (category) => `Reported ${concernWords(category)}`,
  });

export const request: Evaluator<'request'> = (rule, facts) =>
  perValue(rule, facts, {
    kind: 'request',
    field: 'kind',
    accept: (kind) => (rule.kinds as readonly string[]).includes(kind),
    reason: (kind) => `request:${kind}`,
    words: (kind) => REQUEST_WORDS[kind] ?? kind,
  });

export const unanswered: Evaluator<'unanswered'> = (rule, facts) => {
  const found = within(facts, rule.withinDays, 'no_usable_answer');
  if (found.length === 0) return [];
  const at = onDayAt(found.at(-1)!.observedAt, facts.timezone);
  return [finding(rule, `Answers to a check-in on ${at} could not be understood: a person should follow up`, {}, found.map(evidenceOf))];
};

/** A rule on the latest reading of one vital sign. */
function latestReading(
  rule: Rule,
  facts: TriageFacts,
  kind: string,
  field: string,
  fires: (value: number, reported: Record<string, unknown>) => string | null,
): Finding[] {
  const latest = within(facts, rule.withinDays, kind).at(-1);
  if (!latest) return [];
  const value = Number(latest.value[field]);
  const explanation = fires(value, latest.value);
  if (explanation === null) return [];
  return [finding(rule, explanation.replace('{at}', onDayAt(latest.observedAt, facts.timezone)), { [field]: value }, [evidenceOf(latest)])];
}

export const glucoseBelow: Evaluator<'glucose_below'> = (rule, facts) =>
  latestReading(rule, facts, 'glucose', 'mgdl', (v) => (v < rule.mgdl ? `Blood sugar ${v} on {at} is below ${rule.mgdl}` : null));

/** "Over 300" is above 300 although the number said is 300. */
export const glucoseAbove: Evaluator<'glucose_above'> = (rule, facts) =>
  latestReading(rule, facts, 'glucose', 'mgdl', (v, reported) =>
    v > rule.mgdl || (reported.over === true && v >= rule.mgdl)
      ? `Blood sugar ${reported.over === true ? 'over ' : ''}${v} on {at} is above ${rule.mgdl}`
      : null,
  );

/** A pressure too low is an emergency of its own (bleeding, dehydration, a heart failing, too much of a pill). */
export const bloodPressureBelow: Evaluator<'blood_pressure_below'> = (rule, facts) =>
  latestReading(rule, facts, 'blood_pressure', 'systolic', (v, reported) =>
    v < rule.systolic ? `BP ${v}/${String(reported.diastolic)} on {at} is below ${rule.systolic} systolic` : null,
  );

export const oxygenBelow: Evaluator<'oxygen_below'> = (rule, facts) =>
  latestReading(rule, facts, 'oxygen', 'percent', (v) => (v < rule.percent ? `Oxygen ${v}% on {at} is below ${rule.percent}%` : null));

export const pulseOutside: Evaluator<'pulse_outside'> = (rule, facts) =>
  latestReading(rule, facts, 'pulse', 'bpm', (v) =>
    v < rule.below ? `Pulse ${v} on {at} is below ${rule.below}` : v > rule.above ? `Pulse ${v} on {at} is above ${rule.above}` : null,
  );

export const temperatureAtOrAbove: Evaluator<'temperature_at_or_above'> = (rule, facts) =>
  latestReading(rule, facts, 'temperature', 'fahrenheit', (v) =>
    v >= rule.fahrenheit ? `Temperature ${v} F on {at} is at or above ${rule.fahrenheit} F` : null,
  );

const DAY_MS = 24 * 60 * 60 * 1000;

/** For heart failure: a gain the patient reports, or one the weights they send show, of so much in a day or a week. */
export const weightGain: Evaluator<'weight_gain'> = (rule, facts) => {
  const conditions = facts.conditions.map((c) => c.toLowerCase());
  if (!rule.conditions.some((c) => conditions.some((mine) => mine.includes(c.toLowerCase())))) return [];
  const reported = within(facts, rule.withinDays, 'weight_gain').filter((o) => {
    const pounds = Number(o.value.pounds);
    const days = o.value.days === null ? 1 : Number(o.value.days);
    return pounds >= (days <= 1 ? rule.poundsInDay : rule.poundsInWeek);
  });
  if (reported.length > 0) {
    const latest = reported.at(-1)!;
    const explanation = `Reported gaining ${String(latest.value.pounds)} lb on ${onDayAt(latest.observedAt, facts.timezone)} (heart failure)`;
    return [finding(rule, explanation, { pounds: latest.value.pounds, days: latest.value.days }, reported.map(evidenceOf))];
  }
  const weights = within(facts, rule.withinDays, 'weight');
  const last = weights.at(-1);
  if (!last) return [];
  for (const [span, limit, words] of [[DAY_MS, rule.poundsInDay, 'a day'], [7 * DAY_MS, rule.poundsInWeek, 'a week']] as const) {
    const earlier = weights.filter((o) => o !== last && last.observedAt.getTime() - o.observedAt.getTime() <= span);
    const lowest = earlier.reduce<ObservationFact | null>((low, o) => (low === null || Number(o.value.pounds) < Number(low.value.pounds) ? o : low), null);
    if (!lowest) continue;
    const gain = Number(last.value.pounds) - Number(lowest.value.pounds);
    if (gain >= limit) {
      const explanation = `Weight up ${gain} lb in ${words} (${String(lowest.value.pounds)} to ${String(last.value.pounds)} lb), heart failure`;
      return [finding(rule, explanation, { gain, limit }, [evidenceOf(lowest), evidenceOf(last)])];
    }
  }
  return [];
};
