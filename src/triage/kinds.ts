/**
 * What each kind of rule looks at, and how it says why it fired. One function
 * per kind; each returns the findings of one rule for one patient.
 */
import type { Rule } from './rules.js';
import type { Finding, ObservationFact, TriageFacts } from './types.js';
import { concernWords, count, localDate, onDay, onDayAt, redFlagWords } from './words.js';
import { evidenceOf, finding, within, type Evaluator } from './rule-helpers.js';
import {
  bloodPressureBelow,
  concernReported,
  distress,
  glucoseAbove,
  glucoseBelow,
  oxygenBelow,
  pulseOutside,
  request,
  temperatureAtOrAbove,
  unanswered,
  weightGain,
} from './kinds-read.js';
import { depressionScreen } from './kinds-questionnaire.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** " (4 days)", " (stopped it)", " (cost)": what a missed dose's report adds. */
const missedHow = (value: Record<string, unknown>) => {
  const notes = [typeof value.days === 'number' ? `${value.days} days` : '', value.reason === 'stopped' ? 'stopped it' : value.reason === 'cost' ? 'cost' : ''].filter(Boolean);
  return notes.length > 0 ? ` (${notes.join(', ')})` : '';
};
const medicationName = (facts: TriageFacts, id: unknown) => facts.medications.find((m) => m.id === id)?.name ?? 'a medication';
const bp = (o: ObservationFact) => ({ systolic: Number(o.value.systolic), diastolic: Number(o.value.diastolic) });
const bpText = (o: ObservationFact) => `${bp(o).systolic}/${bp(o).diastolic}`;

const redFlag: Evaluator<'red_flag'> = (rule, facts) => {
  const byCategory = new Map<string, ObservationFact[]>();
  for (const o of within(facts, rule.withinDays, 'red_flag')) {
    const category = String(o.value.category);
    byCategory.set(category, [...(byCategory.get(category) ?? []), o]);
  }
  return [...byCategory].map(([category, reports]) => {
    const latest = reports.at(-1)!;
    return finding(
      rule,
      `Reported ${redFlagWords(category)} on ${onDayAt(latest.observedAt, facts.timezone)}`,
      { category, reports: reports.length },
      reports.map(evidenceOf),
      `red_flag:${category}`,
    );
  });
};

const messageForTeam: Evaluator<'message_for_team'> = (rule, facts) => {
  const texts = within(facts, rule.withinDays, 'patient_message');
  if (texts.length === 0) return [];
  const latest = texts.at(-1)!;
  const explanation = `Texted the care team on ${onDayAt(latest.observedAt, facts.timezone)}${texts.length > 1 ? ` (${count(texts.length, 'text')})` : ''}`;
  return [finding(rule, explanation, { texts: texts.length }, texts.map(evidenceOf))];
};

const severeSymptom: Evaluator<'severe_symptom'> = (rule, facts) => {
  const severe = within(facts, rule.withinDays, 'concern').filter((o) => o.value.severity === 'severe');
  if (severe.length === 0) return [];
  const latest = severe.at(-1)!;
  return [
    finding(
      rule,
      `Rated a concern (${concernWords(String(latest.value.category))}) severe on ${onDayAt(latest.observedAt, facts.timezone)}`,
      { category: latest.value.category, severity: 'severe' },
      severe.map(evidenceOf),
    ),
  ];
};

const bloodPressureAtOrAbove: Evaluator<'blood_pressure_at_or_above'> = (rule, facts) => {
  const latest = within(facts, rule.withinDays, 'blood_pressure').at(-1);
  if (!latest) return [];
  const { systolic, diastolic } = bp(latest);
  if (systolic < rule.systolic && diastolic < rule.diastolic) return [];
  const explanation = `BP ${bpText(latest)} on ${onDayAt(latest.observedAt, facts.timezone)} is at or above ${rule.systolic}/${rule.diastolic}`;
  return [finding(rule, explanation, { systolic, diastolic, limit: { systolic: rule.systolic, diastolic: rule.diastolic } }, [evidenceOf(latest)])];
};

const bloodPressureRising: Evaluator<'blood_pressure_rising'> = (rule, facts) => {
  const readings = within(facts, rule.withinDays, 'blood_pressure').slice(-rule.readings);
  if (readings.length < rule.readings) return [];
  const systolics = readings.map((o) => bp(o).systolic);
  const rising = systolics.every((value, i) => i === 0 || value > systolics[i - 1]!);
  const rise = systolics.at(-1)! - systolics[0]!;
  if (!rising || rise < rule.minRise) return [];
  const [first, last] = [readings[0]!, readings.at(-1)!];
  const explanation =
    `BP rose over the last ${rule.readings} readings, from ${bpText(first)} on ${onDay(first.observedAt, facts.timezone)} ` +
    `to ${bpText(last)} on ${onDay(last.observedAt, facts.timezone)}`;
  return [finding(rule, explanation, { systolic: systolics, rise, minRise: rule.minRise }, readings.map(evidenceOf))];
};

const painAtOrAbove: Evaluator<'pain_at_or_above'> = (rule, facts) => {
  const latest = within(facts, rule.withinDays, 'pain').at(-1);
  if (!latest || Number(latest.value.score) < rule.score) return [];
  const evidence = [evidenceOf(latest)];
  let worse = '';
  if (rule.onlyWhenNewOrWorse) {
    const trend = within(facts, rule.withinDays, 'symptom_trend', 'concern').find(
      (o) => o.conversationId === latest.conversationId && (o.value.trend === 'worse' || o.value.trend === 'new'),
    );
    if (!trend) return [];
    evidence.push(evidenceOf(trend));
    worse = `, reported as ${String(trend.value.trend) === 'new' ? 'new' : 'worse'}`;
  }
  const score = Number(latest.value.score);
  const explanation = `Pain ${score}/10 on ${onDayAt(latest.observedAt, facts.timezone)}${worse} (at or above ${rule.score})`;
  return [finding(rule, explanation, { score, limit: rule.score }, evidence)];
};

const symptomsWorse: Evaluator<'symptoms_worse'> = (rule, facts) => {
  const latest = within(facts, rule.withinDays, 'symptom_trend').at(-1);
  if (latest?.value.trend !== 'worse') return [];
  return [finding(rule, `Said symptoms are worse than last week on ${onDay(latest.observedAt, facts.timezone)}`, { trend: 'worse' }, [evidenceOf(latest)])];
};

const newOrWorseConcern: Evaluator<'new_or_worse_concern'> = (rule, facts) => {
  // A concern whose trend they never gave (they stopped answering) may be new: a person hears of it too.
  const concerns = within(facts, rule.withinDays, 'concern').filter((o) => o.value.trend === 'new' || o.value.trend === 'worse' || o.value.trend === undefined);
  if (concerns.length === 0) return [];
  const latest = concerns.at(-1)!;
  const what = latest.value.trend === undefined ? 'a concern, not saying whether it is new,' : `a ${String(latest.value.trend)} concern`;
  const explanation = `Reported ${what} (${concernWords(String(latest.value.category))}) on ${onDay(latest.observedAt, facts.timezone)}`;
  return [finding(rule, explanation, { category: latest.value.category, trend: latest.value.trend }, concerns.map(evidenceOf))];
};

const missedDoses: Evaluator<'missed_doses'> = (rule, facts) => {
  const missed = within(facts, rule.withinDays, 'medication_adherence').filter((o) => o.value.taken === false);
  // "I haven't taken them since Monday" is one report of several days' doses.
  const doses = missed.reduce((sum, o) => sum + (typeof o.value.days === 'number' ? Math.min(o.value.days, rule.withinDays) : 1), 0);
  if (missed.length === 0 || doses < rule.atLeast || (rule.atMost !== undefined && doses > rule.atMost)) return [];
  const days = missed.map((o) => `${medicationName(facts, o.value.medicationId)} ${onDay(o.observedAt, facts.timezone)}${missedHow(o.value)}`);
  const explanation = `${count(doses, 'missed dose')} in the last ${rule.withinDays} days (${days.join(', ')})`;
  return [finding(rule, explanation, { missed: doses, atLeast: rule.atLeast, atMost: rule.atMost ?? null }, missed.map(evidenceOf))];
};

const sideEffects: Evaluator<'side_effects'> = (rule, facts) => {
  const reports = within(facts, rule.withinDays, 'medication_adherence').filter((o) => o.value.reason === 'side_effects');
  if (reports.length === 0) return [];
  const latest = reports.at(-1)!;
  const explanation = `Did not take ${medicationName(facts, latest.value.medicationId)} because of side effects on ${onDay(latest.observedAt, facts.timezone)}`;
  return [finding(rule, explanation, { medicationId: latest.value.medicationId }, reports.map(evidenceOf))];
};

const refill: Evaluator<'refill'> = (rule, facts) => {
  const findings: Finding[] = [];
  const ranOut = within(facts, rule.withinDays, 'refill_concern');
  for (const medication of facts.medications) {
    const reports = ranOut.filter((o) => o.value.medicationId === medication.id);
    if (reports.length > 0) {
      const explanation = `Out of ${medication.name} (said on ${onDay(reports.at(-1)!.observedAt, facts.timezone)})`;
      findings.push(finding(rule, explanation, { medicationId: medication.id, ranOut: true }, reports.map(evidenceOf)));
      continue;
    }
    const due = medication.refillDueOn;
    if (!due) continue;
    const overdueFrom = new Date(Date.parse(`${due}T00:00:00Z`) + rule.overdueDays * DAY_MS).toISOString().slice(0, 10);
    if (localDate(facts.now, facts.timezone) <= overdueFrom) continue;
    const confirmed = facts.observations.some(
      (o) => o.kind === 'refill_confirmed' && o.value.medicationId === medication.id && localDate(o.observedAt, facts.timezone) >= addDays(due, -7),
    );
    if (confirmed) continue;
    const explanation = `Refill of ${medication.name} was due ${onDay(new Date(`${due}T12:00:00Z`), 'UTC')} and is not confirmed`;
    const evidence = [{ key: `refill:${medication.id}:${due}`, at: facts.now }];
    findings.push(finding(rule, explanation, { medicationId: medication.id, refillDueOn: due }, evidence));
  }
  return findings;
};

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const EVALUATORS: { [K in Rule['kind']]: Evaluator<K> } = {
  red_flag: redFlag,
  message_for_team: messageForTeam,
  severe_symptom: severeSymptom,
  blood_pressure_at_or_above: bloodPressureAtOrAbove,
  blood_pressure_below: bloodPressureBelow,
  blood_pressure_rising: bloodPressureRising,
  pain_at_or_above: painAtOrAbove,
  symptoms_worse: symptomsWorse,
  new_or_worse_concern: newOrWorseConcern,
  missed_doses: missedDoses,
  side_effects: sideEffects,
  refill,
  distress,
  concern_reported: concernReported,
  request,
  unanswered,
  glucose_below: glucoseBelow,
  glucose_above: glucoseAbove,
  oxygen_below: oxygenBelow,
  pulse_outside: pulseOutside,
  temperature_at_or_above: temperatureAtOrAbove,
  weight_gain: weightGain,
  depression_screen: depressionScreen,
};

/** The findings of one rule for one patient (none when it does not fire). */
export function findingsOf(rule: Rule, facts: TriageFacts): Finding[] {
  return (EVALUATORS[rule.kind] as Evaluator<typeof rule.kind>)(rule as never, facts);
}
