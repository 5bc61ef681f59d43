import { describe, expect, it } from 'vitest';
import { renderMonthHtml } from '../../src/documentation/month-html.js';
import { escapeHtml } from '../../src/html.js';
import { emptyMonthRecord, sampleRecord, timeEntry } from './sample-record.js';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

/** Every opened element is closed, in order: well-formed enough for a browser and a printer. */
function expectBalanced(page: string) {
  const body = page.replace(/<style>[\s\S]*?<\/style>/, '');
  const stack: string[] = [];
  for (const [, closing, name] of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const tag = (name as string).toLowerCase();
    if (VOID.has(tag)) continue;
    if (closing) expect(stack.pop(), `closing </${tag}>`).toBe(tag);
    else stack.push(tag);
  }
  expect(stack).toEqual([]);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('renderMonthHtml', () => {
  it('renders a complete, self-contained, printable page with every section', () => {
    const page = renderMonthHtml(sampleRecord());
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|<link|src=|https?:\/\//i);
    for (const heading of ['Consent', 'Conditions', 'Care plan', 'Note', 'Staff time', 'Suggested billing codes', 'Reported by the patient', 'Alerts', 'Interaction log']) {
      expect(page).toContain(`<h2>${heading}</h2>`);
    }
    expect(count(page, '<table>')).toBe(count(page, '</table>'));
    expectBalanced(page);
  });

  it('shows patient, practice, month, consent, conditions and care plan', () => {
    const page = renderMonthHtml(sampleRecord());
    expect(page).toContain('Chronic care management: November 2026');
    expect(page).toContain('<dd>Maria Gonzalez</dd>');
    expect(page).toContain('<dd>03/21/1948</dd>');
    expect(page).toContain('Riverside Family Medicine');
    expect(page).toContain('Nov 1, 2026 to Nov 30, 2026 (America/New_York)');
    expect(page).toContain('Granted (verbal), recorded Nov 2, 2026, 10:30 AM EST by Jane Doe, RN.');
    expect(page).toContain('<td>essential hypertension</td><td>I10</td><td>Yes</td>');
    expect(page).toContain('<li>BP below 140/90</li>');
  });

  it('puts the note in paragraphs', () => {
    const record = sampleRecord();
    const page = renderMonthHtml({ ...record, note: { text: 'First paragraph.\nSecond line.\n\nSecond paragraph.', edited: true } });
    expect(page).toContain('<p>First paragraph.<br>Second line.</p><p>Second paragraph.</p>');
    expect(page).toContain('Edited by staff.');
    expect(renderMonthHtml(record)).toContain('<p>Essential hypertension (I10), under the care plan:<br>Home blood pressure (mmHg) 142/88 on Nov 3');
  });

  it('lists minutes by entry with times in the practice zone, totals by role, codes and data', () => {
    const page = renderMonthHtml(sampleRecord());
    expect(page).toContain(
      '<tr><td>Nov 10, 2026, 10:00 AM EST</td><td>Jane Doe</td><td>RN</td><td>Clinical staff</td><td>review of patient-reported data<br><span class="muted">Reviewed BP log and doses</span></td><td>14:10</td><td>14:10</td><td>manual</td></tr>',
    );
    expect(page).toContain('<td>Nora Nurse</td>');
    expect(page).toContain('<td>captured (escalation call)</td>');
    expect(page).toContain('<tr><td>Clinical staff</td><td>32:10</td><td>32 min 10 s</td></tr>');
    expect(page).toContain('<tr><td>Practitioner</td><td>0:00</td><td>0 min</td></tr>');
    expect(page).toContain('texts 9 sent, 6 received; calls: 1');
    expect(page).toContain('<td>99490</td><td>1</td><td>32 min 10 s of clinical staff time (20 min needed)</td>');
    expect(page).toContain('<td>Nov 3, 2026, 8:12 AM EST</td><td>142/88</td>');
    expect(page).toContain('Average 150/92. Trend: rising.');
    expect(page).toContain('<td>lisinopril</td><td>28</td><td>26</td><td>2</td><td>93%</td>');
    expect(page).toContain('<td>Nora Nurse, Nov 18, 2026, 11:00 AM EST</td><td>called, medication adjusted</td>');
    expect(page).toContain('<td>Patient</td><td>SMS, inbound</td><td>message</td><td>142/88</td>');
  });

  it('marks time that does not count and why', () => {
    const entries = [timeEntry({ start: '2026-11-02T14:00:00.000Z', seconds: 300, countedSeconds: 0, excludedBecause: 'before consent' })];
    const page = renderMonthHtml(sampleRecord({ time: { entries } }));
    expect(page).toContain('<td>5:00</td><td>0:00<br><span class="muted">before consent</span></td>');
  });

  it('escapes every value from the record: names, message summaries, notes', () => {
    const attack = '<script>alert(1)</script>';
    const record = sampleRecord({
      patient: { firstName: attack, lastName: 'O\'Brien & "Sons"' },
      practice: { name: `Clinic ${attack}` },
      interactions: [{ id: 'i', at: '2026-11-05T15:00:00.000Z', type: 'message', actor: 'patient', channel: 'sms', direction: 'inbound', summary: attack }],
      time: { entries: [timeEntry({ start: '2026-11-05T15:00:00.000Z', seconds: 60, staffName: attack, note: '<img src=x onerror=alert(1)>' })] },
      addenda: [{ at: '2026-12-05T15:00:00.000Z', by: attack, text: attack }],
    });
    const page = renderMonthHtml({ ...record, note: { text: attack, edited: true } });
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(count(page, '&lt;script&gt;')).toBeGreaterThanOrEqual(6);
    expect(page).toContain('O&#39;Brien &amp; &quot;Sons&quot;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expectBalanced(page);
  });

  it('marks a draft as such and an approved month with who approved it and when', () => {
    const draft = renderMonthHtml(sampleRecord());
    expect(draft).toContain('<body class="draft">');
    expect(draft).toContain('DRAFT: not yet approved');
    expect(draft).not.toContain('Approved by');

    const approved = renderMonthHtml(
      sampleRecord({ status: 'approved', approval: { approvedAt: '2026-12-02T14:15:00.000Z', approvedBy: 'Dr. Amy Chen' } }),
    );
    expect(approved).toContain('<body class="approved">');
    expect(approved).toContain('Approved by Dr. Amy Chen on Dec 2, 2026, 9:15 AM EST');
    // The stylesheet names the draft watermark; the approved page itself never shows it.
    expect(approved.replace(/<style>[\s\S]*?<\/style>/, '')).not.toContain('DRAFT');
  });

  it('shows addenda apart, labelled as addenda, and no section when there are none', () => {
    expect(renderMonthHtml(sampleRecord())).not.toContain('Addend');
    const page = renderMonthHtml(
      sampleRecord({
        status: 'approved',
        approval: { approvedAt: '2026-12-02T14:15:00.000Z', approvedBy: 'Dr. Amy Chen' },
        addenda: [{ at: '2026-12-05T15:00:00.000Z', by: 'Jane Doe, RN', text: 'Patient called back: BP 132/84.' }],
      }),
    );
    expect(page).toContain('<h2>Addenda</h2>');
    expect(page).toContain(
      '<div class="addendum"><h3>Addendum, Dec 5, 2026, 10:00 AM EST, by Jane Doe, RN</h3><p>Patient called back: BP 132/84.</p></div>',
    );
  });

  it('renders an empty month with every section saying so', () => {
    const page = renderMonthHtml(emptyMonthRecord({ patient: { dateOfBirth: null } }));
    for (const text of ['No staff time recorded this month.', 'No code suggested.', 'No readings.', 'No alerts this month.', 'No interactions this month.', 'No warnings.', '<dd>not recorded</dd>']) {
      expect(page).toContain(text);
    }
    expect(count(page, '<table>')).toBe(count(page, '</table>'));
    expectBalanced(page);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
