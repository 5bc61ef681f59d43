import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type ChartInput, lineChart } from '../../src/web/charts.js';

const count = (text: string, needle: string | RegExp) =>
  typeof needle === 'string' ? text.split(needle).length - 1 : (text.match(new RegExp(needle, 'g')) ?? []).length;
const svgOf = (html: string) => html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length);
/** y coordinate of a threshold line, and the y of every y tick's grid line. */
const thresholdY = (html: string, tone: string) =>
  Number(new RegExp(`threshold-${tone}">\\n<line [^>]*y1="([\\d.]+)"`).exec(html)?.[1]);
const gridYs = (html: string) => [...html.matchAll(/class="grid"[^>]*y1="([\d.]+)"/g)].map((m) => Number(m[1]));
const yTickLabels = (html: string) =>
  [...html.matchAll(/text-anchor="end" fill="currentColor">(-?[\d.]+)</g)].map((m) => Number(m[1]));

// Three Blood pressure readings in November 2024, Chicago; the last at 03:30 UTC
// on Nov 24, which is still the evening of Nov 23 locally.
const bp = (): ChartInput => ({
  title: 'Blood pressure (mmHg)',
  unit: 'mmHg',
  zone: 'America/Chicago',
  from: '2024-11-01T05:00:00Z',
  to: '2024-11-30T06:00:00Z',
  series: [
    {
      name: 'Systolic',
      tone: 'a',
      points: [
        { at: '2024-11-03T15:00:00Z', value: 148 },
        { at: '2024-11-12T15:12:00Z', value: 161 },
        { at: '2024-11-24T03:30:00Z', value: 152 },
      ],
    },
    {
      name: 'Diastolic',
      tone: 'b',
      points: [
        { at: '2024-11-03T15:00:00Z', value: 90 },
        { at: '2024-11-12T15:12:00Z', value: 99 },
        { at: '2024-11-24T03:30:00Z', value: 94 },
      ],
    },
  ],
  thresholds: [
    { label: 'Urgent: 180', value: 180, tone: 'urgent' },
    { label: 'Elevated: 140', value: 140, tone: 'elevated' },
  ],
});

const weight = (points: { at: string; value: number }[]): ChartInput => ({
  title: 'Weight (kg)',
  unit: 'kg',
  zone: 'America/Chicago',
  from: '2024-11-01T05:00:00Z',
  to: '2024-11-30T06:00:00Z',
  series: [{ name: 'Weight', tone: 'a', points }],
  thresholds: [],
});

describe('lineChart', () => {
  it('draws a blood pressure chart: two lines, a dot per reading, thresholds, local dates, a description', () => {
    const html = lineChart(bp());
    expect(html.startsWith('<figure class="chart">')).toBe(true);
    expect(html.trimEnd().endsWith('</figure>')).toBe(true);
    expect(count(html, '<polyline')).toBe(2);
    expect(count(html, '<circle')).toBe(6);
    expect(html).toContain('<g class="series series-a">');
    expect(html).toContain('<g class="series series-b">');
    // Dashed threshold lines with their labels, coloured by class.
    expect(html).toContain('<g class="threshold threshold-urgent">');
    expect(html).toContain('<g class="threshold threshold-elevated">');
    expect(count(html, 'stroke-dasharray')).toBe(2);
    expect(html).toContain('>Urgent: 180</text>');
    expect(html).toContain('>Elevated: 140</text>');
    // Dots say when, in local time: 03:30 UTC on Nov 24 is 9:30 PM on Nov 23 in Chicago.
    expect(html).toContain('<title>Nov 23, 9:30 PM: 152</title>');
    expect(html).toContain('<title>Nov 3, 9:00 AM: 148</title>');
    expect(html).not.toContain('Nov 24');
    // The x axis is labelled with local dates.
    expect(html).toMatch(/text-anchor="middle" fill="currentColor">Nov 1<\/text>/);
    expect(html).toMatch(/text-anchor="middle" fill="currentColor">Nov 29<\/text>/);
    // Accessible name and description.
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="(chart-\w+)-title \1-desc"/);
    expect(html).toContain('3 readings from Nov 3 to Nov 23; latest 152/94 mmHg on Nov 23.');
    expect(html).toContain('Thresholds: Urgent: 180; Elevated: 140.');
    expect(html).toContain('<figcaption>Blood pressure (mmHg)</figcaption>');
    // Scales with the page.
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 640 220"[^>]*width="100%"[^>]*preserveAspectRatio="xMidYMid meet"/);
    expect(html).toMatch(/<polyline [^>]*fill="none"[^>]*stroke-width="2"/);
  });

  it('puts the caption above its own chart, and the unit on the y axis', () => {
    const html = lineChart(bp());
    // First in the figure: with charts stacked, a caption under one would read as the next one's title.
    expect(html.startsWith('<figure class="chart">\n<figcaption>Blood pressure (mmHg)</figcaption>\n<svg ')).toBe(true);
    expect(count(html, '<figcaption>')).toBe(1);
    expect(html).toMatch(/<g class="axis axis-y">\n<text class="axis-label" x="12" y="[\d.]+" transform="rotate\(-90 12 [\d.]+\)" text-anchor="middle" fill="currentColor">mmHg<\/text>/);
    // A scale without a unit is labelled as given; with neither, there is no label.
    const pain = lineChart({ ...weight([{ at: '2024-11-10T16:00:00Z', value: 4 }]), title: 'Pain (0 to 10)', unit: '', axisLabel: 'score 0-10' });
    expect(pain).toContain('>score 0-10</text>');
    expect(lineChart({ ...weight([{ at: '2024-11-10T16:00:00Z', value: 4 }]), unit: '' })).not.toContain('axis-label');
    const empty = lineChart(weight([]));
    expect(empty.indexOf('<figcaption>')).toBeLessThan(empty.indexOf('<svg'));
  });

  it('lists the readings in a visually hidden table, one row per reading moment', () => {
    const html = lineChart(bp());
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(table).toContain('<table class="sr-only">');
    expect(table).toContain('<th scope="col">Systolic (mmHg)</th><th scope="col">Diastolic (mmHg)</th>');
    expect(count(table, '<tr>')).toBe(4); // header + 3 readings
    expect(table).toContain('<tr><th scope="row">Nov 23, 2024, 9:30 PM</th><td>152</td><td>94</td></tr>');
  });

  it('produces well-formed XML for the svg and for the whole figure', () => {
    const html = lineChart(bp());
    expect(XMLValidator.validate(svgOf(html))).toBe(true);
    expect(XMLValidator.validate(html)).toBe(true);
  });

  it('is deterministic and rounds coordinates to one decimal', () => {
    const html = lineChart(bp());
    expect(lineChart(bp())).toBe(html);
    const numbers = [...html.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy)="([^"]+)"/g)].map((m) => m[1]!);
    const points = [...html.matchAll(/points="([^"]+)"/g)].flatMap((m) => m[1]!.split(/[ ,]/));
    for (const n of [...numbers, ...points]) expect(n).toMatch(/^-?\d+(\.\d)?$/);
  });

  it('draws the y range over the data and the thresholds, on round ticks', () => {
    const html = lineChart(bp());
    const ticks = yTickLabels(html);
    expect(Math.min(...ticks)).toBeLessThan(90);
    expect(Math.max(...ticks)).toBeGreaterThan(180);
    const step = ticks[1]! - ticks[0]!;
    expect([1, 2, 5, 10, 20, 25, 50, 100]).toContain(step);
    for (const t of ticks) expect(t % step).toBe(0);
    // Both threshold lines sit strictly inside the plotted range.
    const ys = gridYs(html);
    for (const tone of ['urgent', 'elevated']) {
      expect(thresholdY(html, tone)).toBeGreaterThan(Math.min(...ys));
      expect(thresholdY(html, tone)).toBeLessThan(Math.max(...ys));
    }
  });

  it('keeps a threshold far above every reading on the chart', () => {
    const input = weight([
      { at: '2024-11-05T15:00:00Z', value: 80 },
      { at: '2024-11-06T15:00:00Z', value: 81 },
    ]);
    input.thresholds = [{ label: 'Gain alert: 95', value: 95, tone: 'elevated' }];
    const html = lineChart(input);
    expect(Math.max(...yTickLabels(html))).toBeGreaterThanOrEqual(95);
    expect(Math.min(...yTickLabels(html))).toBeLessThanOrEqual(80);
  });

  it('renders an empty period as a titled figure saying so, without lines or dots', () => {
    const html = lineChart(weight([]));
    expect(html).toContain('No readings in this period.');
    expect(html).toContain('<figcaption>Weight (kg)</figcaption>');
    expect(html).toContain('>Weight (kg)</title>');
    expect(html).not.toContain('<polyline');
    expect(html).not.toContain('<circle');
    expect(XMLValidator.validate(html)).toBe(true);
  });

  it('draws a single reading as one dot with a sensible range', () => {
    const html = lineChart(weight([{ at: '2024-11-10T16:00:00Z', value: 82.4 }]));
    expect(html).not.toContain('<polyline');
    expect(count(html, '<circle')).toBe(1);
    expect(html).toContain('1 reading on Nov 10: 82.4 kg.');
    expect(html).not.toContain('NaN');
    const ticks = yTickLabels(html);
    expect(Math.min(...ticks)).toBeLessThan(82.4);
    expect(Math.max(...ticks)).toBeGreaterThan(82.4);
    expect(XMLValidator.validate(html)).toBe(true);
  });

  it('gives equal values a range around them instead of dividing by zero', () => {
    const html = lineChart(
      weight([
        { at: '2024-11-05T15:00:00Z', value: 80 },
        { at: '2024-11-09T15:00:00Z', value: 80 },
        { at: '2024-11-13T15:00:00Z', value: 80 },
      ]),
    );
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('Infinity');
    const ticks = yTickLabels(html);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...ticks)).toBeLessThan(80);
    expect(Math.max(...ticks)).toBeGreaterThan(80);
  });

  it('skips readings outside the range', () => {
    const html = lineChart(
      weight([
        { at: '2024-10-20T15:00:00Z', value: 300 }, // before `from`
        { at: '2024-11-05T15:00:00Z', value: 80 },
        { at: '2024-11-09T15:00:00Z', value: 81 },
        { at: '2024-12-05T15:00:00Z', value: 1 }, // after `to`
      ]),
    );
    expect(count(html, '<circle')).toBe(2);
    expect(html).toContain('2 readings from Nov 5 to Nov 9');
    expect(html).not.toContain(': 300<');
    expect(Math.max(...yTickLabels(html))).toBeLessThan(300);
    expect(count(html, '<tr>')).toBe(3);
  });

  it('escapes every text taken from the input', () => {
    const input = bp();
    input.title = '<script>alert("x")</script> & more';
    input.unit = '<u>';
    input.series[0]!.name = "O'Brien <b>";
    input.thresholds[0]!.label = 'Urgent > 180';
    const html = lineChart(input);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<u>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('O&apos;Brien &lt;b&gt;');
    expect(html).toContain('Urgent &gt; 180');
    expect(XMLValidator.validate(html)).toBe(true);
  });

  it('honours a custom viewBox size', () => {
    const input = { ...bp(), width: 320, height: 160 };
    const html = lineChart(input);
    expect(html).toContain('viewBox="0 0 320 160"');
    expect(XMLValidator.validate(svgOf(html))).toBe(true);
  });
});
