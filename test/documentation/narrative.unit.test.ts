import { describe, expect, it } from 'vitest';
import { draftNote, formatDuration } from '../../src/documentation/narrative.js';
import { bpReading, emptyMonthRecord, sampleRecord, timeEntry } from './sample-record.js';

/** Nothing placeholder-like may leak into a chart note. */
function expectClean(note: string) {
  expect(note).not.toMatch(/undefined|null|NaN|Invalid/);
}

describe('draftNote', () => {
  it('writes a full month in plain sentences: readings with dates, adherence, alerts, minutes, codes', () => {
    const note = draftNote(sampleRecord());
    expect(note).toContain('Chronic care management, November 2026, for Maria Gonzalez (DOB 03/21/1948).');
    expect(note).toContain('Consent: verbal, recorded Nov 2, 2026 by Jane Doe, RN.');
    expect(note).toContain('Conditions under the care plan: essential hypertension (I10), type 2 diabetes (E11.9).');
    expect(note).toContain('Care plan active since Oct 1, 2026; revised Nov 12.');
    expect(note).toContain('Patient reported BP 142/88 on Nov 3, 150/92 on Nov 10 and 158/95 on Nov 17 (rising).');
    expect(note).toContain('Pain 3/10 on Nov 10.');
    expect(note).toContain('lisinopril 26 of 28 reported (93%); metformin 20 of 20 (100%)');
    expect(note).toContain('metformin needs a refill (Nov 20)');
    expect(note).toContain(
      'Alerts: elevated, BP trend rising (Nov 17), acknowledged by Nora Nurse on Nov 17 and resolved Nov 18: "called, medication adjusted".',
    );
    expect(note).toContain('Staff time: 32 min 10 s clinical staff (call 18 min, data review 14 min 10 s); 0 min practitioner.');
    expect(note).toContain('Automated outreach (not billed): 9 texts sent, 6 received, 1 call.');
    expect(note).toContain('Suggested: 99490 (1 unit): 32 min 10 s of clinical staff time (20 min needed).');
    expect(note.split('\n\n')).toHaveLength(5);
    expect(note.length).toBeLessThan(2000);
    expectClean(note);
  });

  it('reads dates in the practice timezone, not UTC', () => {
    // 03:30 UTC on Nov 4 is still the evening of Nov 3 in New York, already Nov 4 in Tokyo.
    const reported = { bloodPressure: { readings: [bpReading('2026-11-04T03:30:00.000Z', 130, 80)], trend: null, average: null } };
    expect(draftNote(sampleRecord({ reported }))).toContain('Patient reported BP 130/80 on Nov 3.');
    const tokyo = sampleRecord({ reported, practice: { timezone: 'Asia/Tokyo' } });
    expect(draftNote(tokyo)).toContain('Patient reported BP 130/80 on Nov 4.');
  });

  it('says plainly when the month is empty', () => {
    const note = draftNote(emptyMonthRecord());
    expect(note).toContain('No blood pressure readings reported this month.');
    expect(note).toContain('No alerts this month.');
    expect(note).toContain('No staff time recorded this month.');
    expect(note).toContain('No automated outreach this month.');
    expect(note).toContain('No billing code suggested. No staff time this month.');
    expect(note).not.toMatch(/Pain|Medication doses|Refill|Suggested:/);
    expectClean(note);
  });

  it('handles declined consent, no care plan, no conditions and no date of birth without inventing anything', () => {
    const note = draftNote(
      emptyMonthRecord({
        patient: { dateOfBirth: null },
        consent: { status: 'declined', method: 'written' },
        carePlan: { status: 'none', establishedOn: null, revisedOn: null, goals: [] },
        conditions: [],
      }),
    );
    expect(note).toContain('for Maria Gonzalez.');
    expect(note).not.toContain('DOB');
    expect(note).toContain('Consent: declined (written), recorded Nov 2, 2026 by Jane Doe, RN.');
    expect(note).toContain('No conditions are listed under the care plan.');
    expect(note).toContain('No care plan on file.');
    expect(note).not.toContain('Care plan active');
    expectClean(note);
  });

  it('writes English for a Spanish-speaking patient and says which language they use', () => {
    const note = draftNote(
      sampleRecord({
        patient: { firstName: 'José', lastName: 'Martínez', language: 'es' },
        interactions: [
          { id: 'x', at: '2026-11-03T13:12:00.000Z', type: 'message', actor: 'patient', channel: 'sms', direction: 'inbound', summary: 'Me siento bien, 142/88' },
        ],
      }),
    );
    expect(note).toContain('Chronic care management, November 2026, for José Martínez');
    expect(note).toContain('Preferred language: Spanish.');
    expect(note).toContain('Patient reported BP 142/88 on Nov 3');
    expect(note).toContain('Staff time:');
    expect(note).not.toMatch(/Me siento|Consentimiento|presión|noviembre/i);
  });

  it('summarises more than six readings: count, range, average, highest, trend', () => {
    const values: [number, number][] = [[128, 78], [135, 82], [131, 80], [158, 95], [140, 85], [144, 88], [139, 84], [150, 90], [147, 86]];
    const readings = values.map(([s, d], i) => bpReading(`2026-11-${String(1 + i * 3).padStart(2, '0')}T15:00:00.000Z`, s, d));
    const note = draftNote(
      sampleRecord({ reported: { bloodPressure: { readings, trend: 'rising', average: { systolic: 141, diastolic: 85 } } } }),
    );
    expect(note).toContain(
      'Patient reported 9 BP readings from Nov 1 to Nov 25: systolic 128-158, diastolic 78-95; average 141/85; highest 158/95 on Nov 10; trend rising.',
    );
    expect(note).not.toContain('135/82');

    const six = readings.slice(0, 6);
    expect(draftNote(sampleRecord({ reported: { bloodPressure: { readings: six, trend: null, average: null } } }))).toContain(
      'Patient reported BP 128/78 on Nov 1, 135/82 on Nov 4,',
    );
  });

  it('breaks time down by role and activity and names time that does not count', () => {
    const entries = [
      timeEntry({ start: '2026-11-02T14:00:00.000Z', seconds: 300, countedSeconds: 0, excludedBecause: 'before consent was recorded.' }),
      timeEntry({ start: '2026-11-05T15:00:00.000Z', seconds: 21 * 60 + 30, activity: 'medication_reconciliation' }),
      timeEntry({ start: '2026-11-12T16:00:00.000Z', seconds: 12 * 60, staffName: 'Dr. Amy Chen', credential: 'MD', staffRole: 'practitioner', activity: 'care_plan_update' }),
    ];
    const note = draftNote(sampleRecord({ time: { entries } }));
    expect(note).toContain(
      'Staff time: 21 min 30 s clinical staff (medication reconciliation 21 min 30 s); 12 min practitioner (care plan update 12 min).',
    );
    expect(note).toContain('Not counted: 5 min (before consent was recorded).');
  });

  it('lists several codes, warnings and the need for review; open alerts say so', () => {
    const note = draftNote(
      sampleRecord({
        codes: [
          { code: '99490', units: 1, reason: '45 min of clinical staff time (20 min needed).' },
          { code: '99439', units: 1, reason: '25 min beyond the first 20 (20 min needed)' },
        ],
        warnings: [{ code: 'no_two_way_contact', message: 'No two-way contact with the patient this month.' }],
        needsReview: true,
        alerts: [
          { id: 'a', level: 'urgent', reason: 'Chest pain', explanation: null, createdAt: '2026-11-20T15:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, resolutionNote: null },
          { id: 'b', level: 'elevated', reason: 'Missed doses', explanation: null, createdAt: '2026-11-21T15:00:00.000Z', acknowledgedAt: '2026-11-21T16:00:00.000Z', acknowledgedBy: 'Nora Nurse', resolvedAt: null, resolvedBy: null, resolutionNote: null },
        ],
      }),
    );
    expect(note).toContain(
      'Suggested: 99490 (1 unit): 45 min of clinical staff time (20 min needed); 99439 (1 unit): 25 min beyond the first 20 (20 min needed).',
    );
    expect(note).toContain('Warnings: No two-way contact with the patient this month. Needs review before billing.');
    expect(note).toContain('Alerts: urgent, Chest pain (Nov 20), not yet acknowledged; elevated, Missed doses (Nov 21), acknowledged by Nora Nurse on Nov 21 and still open.');
  });
});

describe('formatDuration', () => {
  it('never rounds up', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(1199.9)).toBe('19 min 59 s');
    expect(formatDuration(1200)).toBe('20 min');
  });
});
