/**
 * Server-side SVG line charts for the care coordinator's patient page:
 * readings over time with the practice's thresholds drawn. Pure (no I/O, no
 * clock), so the same input always renders the same bytes.
 *
 * Colours belong to the page's stylesheet, not to this module: every series
 * and threshold carries a class (series-a, threshold-urgent, ...) and draws
 * with `currentColor`, so `.series-a { color: ... }` sets its line, dots and
 * legend at once and contrast is checked in one place. The readings are also
 * rendered as a visually hidden table (the page must define `.sr-only`),
 * because a chart alone does not give screen-reader users the data (WCAG 1.1.1).
 *
 * The caption comes first in the figure: with several charts stacked, a
 * caption below its chart reads as the title of the next one. The y axis
 * names its unit, so a value is never read without it.
 */
import { DateTime, IANAZone } from 'luxon';

export interface ChartPoint {
  at: string; // ISO instant
  value: number;
}
export interface ChartSeries {
  name: string; // 'Systolic'
  points: ChartPoint[];
  /** a CSS class suffix for its colour: 'a' | 'b' */
  tone: 'a' | 'b';
}
export interface ChartThreshold {
  label: string; // 'Urgent: 180'
  value: number;
  tone: 'urgent' | 'elevated' | 'low';
}
export interface ChartInput {
  title: string; // 'Blood pressure (mmHg)'
  unit: string; // 'mmHg'
  /** What the y axis is labelled with; the unit when left out ('score 0-10' for a unitless scale). */
  axisLabel?: string;
  series: ChartSeries[];
  thresholds: ChartThreshold[];
  zone: string; // IANA timezone: axis dates are local dates in this zone
  from: string; // ISO instants: the x range (e.g. the last 90 days)
  to: string;
  width?: number; // viewBox size, default 640x220
  height?: number;
}

const EMPTY_TEXT = 'No readings in this period.';
// Day steps for x ticks, the first that keeps labels from crowding wins.
const DAY_STEPS = [1, 2, 7, 14, 28, 56, 91, 182, 364];
const MAX_X_TICKS = 7;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Every text that reaches the markup goes through here (text and attributes alike). */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
/** Coordinates to one decimal: plenty for a viewBox, and keeps the page small. */
const n1 = (v: number) => String(Math.round(v * 10) / 10);
/** Reading values as people write them: at most two decimals, no float noise. */
const shown = (v: number) => String(Math.round(v * 100) / 100);
const day = (t: DateTime) => t.toFormat('LLL d');

/** A stable id (FNV-1a of the input) so several charts on one page label their own title/desc. */
function idFor(input: ChartInput): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(input);
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `chart-${(h >>> 0).toString(36)}`;
}

/** Round y ticks (step 1, 2 or 5 x 10^k) covering every value with some padding. */
function yTicks(values: number[]): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  // A flat series still needs a band around it, or the scale divides by zero.
  const pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 1);
  const lo = min >= 0 ? Math.max(0, min - pad) : min - pad; // no negative axis for positive readings
  const hi = max + pad;
  const raw = (hi - lo) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = Math.floor(lo / step); i <= Math.ceil(hi / step); i += 1) ticks.push(Number((i * step).toFixed(decimals)));
  return ticks;
}

/** Local midnights in the range, every few days; DST-safe because luxon adds calendar days. */
function xTicks(from: DateTime, to: DateTime): DateTime[] {
  const days = to.diff(from, 'days').days;
  const step = DAY_STEPS.find((s) => days / s <= MAX_X_TICKS) ?? Math.ceil(days / MAX_X_TICKS);
  let t = from.startOf('day');
  if (t.toMillis() < from.toMillis()) t = t.plus({ days: 1 });
  const ticks: DateTime[] = [];
  for (; t.toMillis() <= to.toMillis(); t = t.plus({ days: step })) ticks.push(t);
  return ticks.length > 0 ? ticks : [from]; // a range shorter than a day still names its date
}

export function lineChart(input: ChartInput): string {
  const { title, unit, zone } = input;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  const opts = { zone, locale: 'en-US' }; // fixed locale: output must not depend on the server
  const from = DateTime.fromISO(input.from, opts);
  const to = DateTime.fromISO(input.to, opts);
  if (!from.isValid || !to.isValid || to.toMillis() <= from.toMillis()) {
    throw new RangeError(`Invalid chart range: ${input.from} to ${input.to}`);
  }
  const width = input.width ?? 640;
  const height = input.height ?? 220;
  const id = idFor(input);
  const withUnit = (s: string) => (unit ? `${s} ${unit}` : s);

  // Only readings inside the range, in time order so each line runs left to right.
  const series = input.series.map((s) => {
    const points = s.points
      .map((p) => ({ t: DateTime.fromISO(p.at, opts), value: p.value }))
      .filter((p) => p.t.isValid && Number.isFinite(p.value))
      .filter((p) => p.t.toMillis() >= from.toMillis() && p.t.toMillis() <= to.toMillis())
      .sort((a, b) => a.t.toMillis() - b.t.toMillis());
    return { ...s, points, byTime: new Map(points.map((p) => [p.t.toMillis(), p.value])) };
  });
  // A "reading" is one moment: systolic and diastolic taken together count once.
  const instants = [...new Set(series.flatMap((s) => s.points.map((p) => p.t.toMillis())))].sort((a, b) => a - b);
  const local = (ms: number) => DateTime.fromMillis(ms, opts);

  const svgOpen = (desc: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart-svg" viewBox="0 0 ${width} ${height}" ` +
    `width="100%" preserveAspectRatio="xMidYMid meet" font-size="11" aria-labelledby="${id}-title ${id}-desc">\n` +
    `<title id="${id}-title">${escape(title)}</title>\n<desc id="${id}-desc">${escape(desc)}</desc>`;
  const caption = `<figcaption>${escape(title)}</figcaption>`;

  if (instants.length === 0) {
    const text = `<text class="chart-empty" x="${n1(width / 2)}" y="${n1(height / 2)}" text-anchor="middle" fill="currentColor">${escape(EMPTY_TEXT)}</text>`;
    return ['<figure class="chart">', caption, svgOpen(EMPTY_TEXT), text, '</svg>', '</figure>'].join('\n');
  }

  // Description: what a sighted user takes in at a glance.
  const first = local(instants[0]!);
  const lastMs = instants[instants.length - 1]!;
  const latest = series.flatMap((s) => (s.byTime.has(lastMs) ? [shown(s.byTime.get(lastMs)!)] : [])).join('/');
  let desc =
    instants.length === 1
      ? `1 reading on ${day(first)}: ${withUnit(latest)}.`
      : `${instants.length} readings from ${day(first)} to ${day(local(lastMs))}; latest ${withUnit(latest)} on ${day(local(lastMs))}.`;
  if (input.thresholds.length > 0) desc += ` Thresholds: ${input.thresholds.map((t) => t.label).join('; ')}.`;

  // Scales. The top margin grows to fit a legend when there is more than one series.
  const legend = series.length > 1;
  const axisLabel = input.axisLabel ?? unit;
  // The left margin leaves room for the axis label, turned to run up beside the tick values.
  const m = { top: legend ? 22 : 10, right: 24, bottom: 24, left: axisLabel ? 54 : 40 };
  const ticks = yTicks([...series.flatMap((s) => s.points.map((p) => p.value)), ...input.thresholds.map((t) => t.value)]);
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const x = (ms: number) => m.left + ((ms - from.toMillis()) / (to.toMillis() - from.toMillis())) * (width - m.left - m.right);
  const y = (v: number) => height - m.bottom - ((v - yMin) / (yMax - yMin)) * (height - m.top - m.bottom);
  const [left, right, bottom] = [n1(m.left), n1(width - m.right), n1(height - m.bottom)];

  const out: string[] = ['<figure class="chart">', caption, svgOpen(desc)];
  out.push('<g class="axis axis-y">');
  if (axisLabel) {
    const cy = n1((m.top + height - m.bottom) / 2);
    out.push(`<text class="axis-label" x="12" y="${cy}" transform="rotate(-90 12 ${cy})" text-anchor="middle" fill="currentColor">${escape(axisLabel)}</text>`);
  }
  for (const v of ticks) {
    out.push(
      `<line class="grid" x1="${left}" x2="${right}" y1="${n1(y(v))}" y2="${n1(y(v))}" stroke="currentColor" stroke-opacity="0.15" stroke-width="1"/>`,
      `<text x="${n1(m.left - 6)}" y="${n1(y(v) + 4)}" text-anchor="end" fill="currentColor">${escape(shown(v))}</text>`,
    );
  }
  out.push(`<line x1="${left}" x2="${left}" y1="${n1(m.top)}" y2="${bottom}" stroke="currentColor" stroke-width="1"/>`, '</g>');
  out.push('<g class="axis axis-x">', `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="currentColor" stroke-width="1"/>`);
  for (const t of xTicks(from, to)) {
    const tx = n1(x(t.toMillis()));
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${bottom}" y2="${n1(height - m.bottom + 4)}" stroke="currentColor" stroke-width="1"/>`,
      `<text x="${tx}" y="${n1(height - m.bottom + 15)}" text-anchor="middle" fill="currentColor">${escape(day(t))}</text>`,
    );
  }
  out.push('</g>');

  // Thresholds under the data, so a reading on the line stays visible.
  for (const th of input.thresholds) {
    const ty = n1(y(th.value));
    out.push(
      `<g class="threshold threshold-${th.tone}">`,
      `<line x1="${left}" x2="${right}" y1="${ty}" y2="${ty}" stroke="currentColor" stroke-width="1" stroke-dasharray="4 3" fill="none"/>`,
      `<text x="${n1(width - m.right - 4)}" y="${n1(y(th.value) - 3)}" text-anchor="end" fill="currentColor">${escape(th.label)}</text>`,
      '</g>',
    );
  }

  let legendX = m.left;
  for (const s of series) {
    out.push(`<g class="series series-${s.tone}">`);
    if (legend) {
      out.push(
        `<line x1="${n1(legendX)}" x2="${n1(legendX + 14)}" y1="8" y2="8" stroke="currentColor" stroke-width="2"/>`,
        `<text x="${n1(legendX + 18)}" y="12" fill="currentColor">${escape(s.name)}</text>`,
      );
      legendX += 30 + s.name.length * 6.5; // rough text width; legends are short names
    }
    if (s.points.length > 1) {
      const coords = s.points.map((p) => `${n1(x(p.t.toMillis()))},${n1(y(p.value))}`).join(' ');
      out.push(`<polyline points="${coords}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`);
    }
    for (const p of s.points) {
      const label = `${p.t.toFormat('LLL d, h:mm a')}: ${shown(p.value)}`;
      out.push(`<circle cx="${n1(x(p.t.toMillis()))}" cy="${n1(y(p.value))}" r="3" fill="currentColor"><title>${escape(label)}</title></circle>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');

  // The same data as a table for screen readers; one row per reading moment.
  const head = ['Date and time', ...series.map((s) => (unit ? `${s.name} (${unit})` : s.name))].map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  out.push(`<table class="sr-only">`, `<caption>${escape(title)}</caption>`, `<thead><tr>${head}</tr></thead>`, '<tbody>');
  for (const ms of instants) {
    const cells = series.map((s) => `<td>${s.byTime.has(ms) ? escape(shown(s.byTime.get(ms)!)) : '–'}</td>`).join('');
    out.push(`<tr><th scope="row">${escape(local(ms).toFormat('LLL d, yyyy, h:mm a'))}</th>${cells}</tr>`);
  }
  out.push('</tbody>', '</table>', '</figure>');
  return out.join('\n');
}
