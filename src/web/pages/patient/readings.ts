/**
 * The patient page's "Readings": the last 90 days of what the patient
 * reported, one chart per kind, with the practice's triage thresholds drawn.
 * Blood pressure always has a chart (empty or not); the others only when there
 * are readings.
 */
import { DEFAULT_RULE_SET, urgentBloodPressureLimit, type Rule, type RuleSet } from '../../../triage/index.js';
import type { StoredObservation } from '../../../store/observations.js';
import { lineChart, type ChartPoint, type ChartSeries, type ChartThreshold } from '../../charts.js';
import { html, trusted, type Html } from '../../html.js';

export const READINGS_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The rules of one kind, typed as that kind. */
const rulesOf = <K extends Rule['kind']>(rules: RuleSet, kind: K): Extract<Rule, { kind: K }>[] =>
  rules.rules.filter((r): r is Extract<Rule, { kind: K }> => r.kind === kind);

const min = (values: number[]) => (values.length ? Math.min(...values) : undefined);
const max = (values: number[]) => (values.length ? Math.max(...values) : undefined);

/**
 * The practice's blood-pressure thresholds: urgent (the shipped defaults,
 * 180/120, when the practice has no urgent blood-pressure rule) and elevated.
 */
export function bloodPressureThresholds(rules: RuleSet): ChartThreshold[] {
  const urgent = urgentBloodPressureLimit(rules) ?? urgentBloodPressureLimit(DEFAULT_RULE_SET)!;
  const elevated = rulesOf(rules, 'blood_pressure_at_or_above').filter((r) => r.level === 'elevated');
  const out: ChartThreshold[] = [
    { label: `Urgent: ${urgent.systolic} systolic`, value: urgent.systolic, tone: 'urgent' },
    { label: `Urgent: ${urgent.diastolic} diastolic`, value: urgent.diastolic, tone: 'urgent' },
  ];
  const systolic = min(elevated.map((r) => r.systolic));
  const diastolic = min(elevated.map((r) => r.diastolic));
  if (systolic !== undefined && systolic < urgent.systolic) out.push({ label: `Elevated: ${systolic} systolic`, value: systolic, tone: 'elevated' });
  if (diastolic !== undefined && diastolic < urgent.diastolic) out.push({ label: `Elevated: ${diastolic} diastolic`, value: diastolic, tone: 'elevated' });
  return out;
}

export function glucoseThresholds(rules: RuleSet): ChartThreshold[] {
  const out: ChartThreshold[] = [];
  const low = max(rulesOf(rules, 'glucose_below').map((r) => r.mgdl));
  if (low !== undefined) out.push({ label: `Low: below ${low}`, value: low, tone: 'low' });
  const above = rulesOf(rules, 'glucose_above');
  const high = min(above.map((r) => r.mgdl));
  if (high !== undefined) {
    const level = above.some((r) => r.mgdl === high && r.level === 'urgent') ? 'urgent' : 'elevated';
    out.push({ label: `High: above ${high}`, value: high, tone: level });
  }
  return out;
}

/** Pain: one line per score a rule starts at; "urgent if new or worse" when only such an urgent rule has it. */
export function painThresholds(rules: RuleSet): ChartThreshold[] {
  const pain = rulesOf(rules, 'pain_at_or_above');
  return [...new Set(pain.map((r) => r.score))]
    .sort((a, b) => a - b)
    .map((score): ChartThreshold => {
      const at = pain.filter((r) => r.score === score);
      if (at.some((r) => r.level === 'urgent' && !r.onlyWhenNewOrWorse)) return { label: `Urgent: ${score}`, value: score, tone: 'urgent' };
      const newOrWorse = at.some((r) => r.level === 'urgent') ? ' (urgent if new or worse)' : '';
      return at.some((r) => r.level === 'elevated')
        ? { label: `Elevated: ${score}${newOrWorse}`, value: score, tone: 'elevated' }
        : { label: `Urgent if new or worse: ${score}`, value: score, tone: 'urgent' };
    });
}

const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The points of one field of one kind of observation. */
function points(observations: readonly StoredObservation[], kind: string, field: string): ChartPoint[] {
  return observations.flatMap((o) => {
    const value = o.kind === kind ? numberOf(o.value[field]) : null;
    return value === null ? [] : [{ at: o.observedAt, value }];
  });
}

interface ChartSpec {
  kind: string;
  title: string;
  unit: string;
  /** The y axis's label when the scale has no unit. */
  axisLabel?: string;
  series: ChartSeries[];
  thresholds: ChartThreshold[];
  always?: boolean;
}

/** The Readings section: charts over the last 90 days, in the practice's timezone. */
export function readingsSection(observations: readonly StoredObservation[], rules: RuleSet, zone: string, now: Date): Html {
  const from = new Date(now.getTime() - READINGS_DAYS * DAY_MS);
  const recent = observations.filter((o) => Date.parse(o.observedAt) >= from.getTime() && Date.parse(o.observedAt) <= now.getTime());
  const specs: ChartSpec[] = [
    {
      kind: 'blood_pressure',
      title: 'Blood pressure (mmHg)',
      unit: 'mmHg',
      series: [
        { name: 'Systolic', tone: 'a', points: points(recent, 'blood_pressure', 'systolic') },
        { name: 'Diastolic', tone: 'b', points: points(recent, 'blood_pressure', 'diastolic') },
      ],
      thresholds: bloodPressureThresholds(rules),
      always: true,
    },
    { kind: 'glucose', title: 'Blood sugar (mg/dL)', unit: 'mg/dL', series: [{ name: 'Glucose', tone: 'a', points: points(recent, 'glucose', 'mgdl') }], thresholds: glucoseThresholds(rules) },
    { kind: 'weight', title: 'Weight (lb)', unit: 'lb', series: [{ name: 'Weight', tone: 'a', points: points(recent, 'weight', 'pounds') }], thresholds: [] },
    { kind: 'pain', title: 'Pain (0 to 10)', unit: '', axisLabel: 'score 0-10', series: [{ name: 'Pain', tone: 'a', points: points(recent, 'pain', 'score') }], thresholds: painThresholds(rules) },
  ];
  const charts = specs
    .filter((s) => s.always || s.series.some((series) => series.points.length > 0))
    .map((s) =>
      trusted(lineChart({ title: s.title, unit: s.unit, axisLabel: s.axisLabel, series: s.series, thresholds: s.thresholds, zone, from: from.toISOString(), to: now.toISOString() })),
    );
  return html`<section aria-labelledby="readings-title"><h2 id="readings-title">Readings</h2>
    <p class="meta">The last ${READINGS_DAYS} days, with the practice's triage thresholds.</p>
    ${charts}
  </section>`;
}
