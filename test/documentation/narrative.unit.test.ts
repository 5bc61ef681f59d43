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
    expect(note).toContain('Essential hypertension (I10), under the care plan:\nHome blood pressure (mmHg) 142/88 on Nov 3, 150/92 on Nov 10 and 158/95 on Nov 17; trend rising.');
    expect(note).toContain('Type 2 diabetes (E11.9), under the care plan:\nNothing reported for this problem this month.');
    expect(note).toContain('Care plan active since Oct 1, 2026; revised Nov 12.');
    expect(note).toContain('Pain 3/10 on Nov 10.');
    expect(note).toContain('lisinopril: 26 of 28 reported doses taken (93%). metformin: 20 of 20 reported doses taken (100%).');
    expect(note).toContain('metformin needs a refill (Nov 20)');
    // A reason the service has no words for (a practice's own rule) is told by its explanation, never by its id.
    expect(note).toContain(
      '- Nov 17 at 9:05 AM, elevated: a finding of the practice\'s triage rules (Three readings, each higher than the last). Acknowledged by Nora Nurse on Nov 17 at 10:00 AM, resolved on Nov 18 at 11:00 AM; outcome: "called, medication adjusted".',
    );
    expect(note).toContain(
      'Staff time counted: 32 min 10 s clinical staff (calls with the patient or caregiver 18 min, review of patient-reported data 14 min 10 s); 0 min billing practitioner. By: Jane Doe, RN 14 min 10 s; Nora Nurse, RN 18 min.',
    );
    expect(note).toContain('Staff contacts: Nov 17: call with the patient by Nora Nurse, RN (18 min).');
    expect(note).toContain('Care-plan changes: Care plan revised on Nov 12.');
    expect(note).toContain('Automated outreach (not billed): 9 texts sent, 6 received, 1 call.');
    expect(note).toContain('Suggested: 99490 (1 unit): 32 min 10 s of clinical staff time (20 min needed).');
    expect(note.length).toBeLessThan(2500);
    expectClean(note);
  });

  it('reads dates in the practice timezone, not UTC', () => {
    // 03:30 UTC on Nov 4 is still the evening of Nov 3 in New York, already Nov 4 in Tokyo.
    const reported = { bloodPressure: { readings: [bpReading('2026-11-04T03:30:00.000Z', 130, 80)], trend: null, average: null } };
    expect(draftNote(sampleRecord({ reported }))).toContain('Home blood pressure (mmHg) 130/80 on Nov 3.');
    const tokyo = sampleRecord({ reported, practice: { timezone: 'Asia/Tokyo' } });
    expect(draftNote(tokyo)).toContain('Home blood pressure (mmHg) 130/80 on Nov 4.');
  });

  it('says plainly when the month is empty', () => {
    const note = draftNote(emptyMonthRecord());
    expect(note).toContain('No blood pressure readings reported this month.');
    expect(note).toContain('Raised for the care team: nothing this month.');
    expect(note).toContain('Staff time: none recorded this month.');
    expect(note).toContain('No automated outreach this month.');
    expect(note).toContain('No billing code suggested. No staff time this month.');
    expect(note).not.toMatch(/Pain|Refill|Suggested:/);
    expect(note).toContain('No medication doses reported this month.');
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
    expect(note).toContain('Home blood pressure (mmHg) 142/88 on Nov 3');
    expect(note).toContain('Staff time counted:');
    expect(note).not.toMatch(/Me siento|Consentimiento|presión|noviembre/i);
  });

  it('summarises more than six readings: count, range, average, highest, trend', () => {
    const values: [number, number][] = [[128, 78], [135, 82], [131, 80], [158, 95], [140, 85], [144, 88], [139, 84], [150, 90], [147, 86]];
    const readings = values.map(([s, d], i) => bpReading(`2026-11-${String(1 + i * 3).padStart(2, '0')}T15:00:00.000Z`, s, d));
    const note = draftNote(
      sampleRecord({ reported: { bloodPressure: { readings, trend: 'rising', average: { systolic: 141, diastolic: 85 } } } }),
    );
    expect(note).toContain(
      '9 home blood pressure readings (mmHg) from Nov 1 to Nov 25: systolic 128-158, diastolic 78-95; average 141/85; highest 158/95 on Nov 10; trend rising.',
    );
    expect(note).not.toContain('135/82');

    const six = readings.slice(0, 6);
    expect(draftNote(sampleRecord({ reported: { bloodPressure: { readings: six, trend: null, average: null } } }))).toContain(
      'Home blood pressure (mmHg) 128/78 on Nov 1, 135/82 on Nov 4,',
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
      'Staff time counted: 21 min 30 s clinical staff (medication reconciliation 21 min 30 s); 12 min billing practitioner (care-plan update 12 min).',
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
          { id: 'a', level: 'urgent', reason: 'red_flag:chest_pain', explanation: null, createdAt: '2026-11-20T15:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, resolutionNote: null },
          { id: 'b', level: 'elevated', reason: 'missed_dose', explanation: null, createdAt: '2026-11-21T15:00:00.000Z', acknowledgedAt: '2026-11-21T16:00:00.000Z', acknowledgedBy: 'Nora Nurse', resolvedAt: null, resolvedBy: null, resolutionNote: null },
        ],
      }),
    );
    expect(note).toContain(
      'Suggested: 99490 (1 unit): 45 min of clinical staff time (20 min needed); 99439 (1 unit): 25 min beyond the first 20 (20 min needed).',
    );
    expect(note).toContain('Warnings: No two-way contact with the patient this month. Needs review before billing.');
    expect(note).toContain('- Nov 20 at 10:00 AM, urgent: chest pain. Not yet acknowledged.\n- Nov 21 at 10:00 AM, elevated: a missed dose. Acknowledged by Nora Nurse on Nov 21 at 11:00 AM, still open.');
    expect(note).not.toMatch(/red_flag|chest_pain|missed_dose/);
  });
});

describe('formatDuration', () => {
  it('never rounds up', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(1199.9)).toBe('19 min 59 s');
    expect(formatDuration(1200)).toBe('20 min');
  });
});
