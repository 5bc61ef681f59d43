/**
 * Appointments in the month record: the note names the next one in words on
 * its own clock ("Next appointment: Jan 8, 2027, 9:30 AM CST with Dr. Patel at
 * Maple Family Medicine"), lists the month's past ones, and says nothing at
 * all for a record approved before appointments were kept; the printable page
 * shows them in a section of their own.
 */
import { describe, expect, it } from 'vitest';
import { appointmentPlace, appointmentSentences, appointmentWhen } from '../../src/documentation/appointments.js';
import { renderMonthHtml } from '../../src/documentation/month-html.js';
import { draftNote } from '../../src/documentation/narrative.js';
import type { MonthAppointment, MonthAppointments } from '../../src/documentation/types.js';
import { sampleRecord } from './sample-record.js';

const appointment = (fields: Partial<MonthAppointment> & { startsAt: string }): MonthAppointment => ({
  id: `appointment-${fields.startsAt}`,
  timezone: 'America/Chicago',
  withWhom: 'Dr. Patel',
  location: 'Maple Family Medicine',
  purpose: null,
  status: 'scheduled',
  ...fields,
});

const NEXT = appointment({ startsAt: '2027-01-08T15:30:00.000Z' });
const kept = (fields: Partial<MonthAppointments> = {}): MonthAppointments => ({ inMonth: [], upcoming: [NEXT], asOf: '2026-12-01T15:00:00.000Z', ...fields });

describe('the note', () => {
  it('names the next appointment in words, on its own clock with the zone', () => {
    expect(appointmentSentences({ month: '2026-11', appointments: kept() })).toEqual([
      'Next appointment: Jan 8, 2027, 9:30 AM CST with Dr. Patel at Maple Family Medicine.',
    ]);
    const note = draftNote(sampleRecord({ appointments: kept() }));
    expect(note).toContain('Next appointment: Jan 8, 2027, 9:30 AM CST with Dr. Patel at Maple Family Medicine.');
    // In the opening paragraph, with the care plan.
    expect(note.split('\n\n')[0]).toContain('Next appointment:');
  });

  it('adds what the next one is for, and reads a telehealth visit as such', () => {
    const next = appointment({ startsAt: NEXT.startsAt, location: 'Telehealth', purpose: 'blood pressure follow-up', timezone: 'America/New_York' });
    expect(appointmentSentences({ month: '2026-11', appointments: kept({ upcoming: [next] }) })).toEqual([
      'Next appointment: Jan 8, 2027, 10:30 AM EST with Dr. Patel by telehealth (blood pressure follow-up).',
    ]);
    expect(appointmentPlace('video visit')).toBe('by video visit');
    expect(appointmentPlace('Maple Family Medicine, 2nd floor')).toBe('at Maple Family Medicine, 2nd floor');
  });

  it('lists the month’s appointments that have passed, cancelled ones marked, without repeating the next', () => {
    const sentences = appointmentSentences({
      month: '2026-11',
      appointments: kept({
        inMonth: [
          appointment({ startsAt: '2026-11-03T16:00:00.000Z' }),
          appointment({ startsAt: '2026-11-17T20:15:00.000Z', withWhom: 'Dr. Ruiz', status: 'cancelled' }),
          appointment({ startsAt: '2026-11-30T16:00:00.000Z', withWhom: 'Lab', location: 'Quest, Elm St' }),
        ],
        upcoming: [appointment({ startsAt: '2026-11-30T16:00:00.000Z', withWhom: 'Lab', location: 'Quest, Elm St' }), NEXT],
        asOf: '2026-11-24T16:00:00.000Z',
      }),
    });
    expect(sentences).toEqual([
      'Appointments this month: Nov 3, 10:00 AM CST with Dr. Patel at Maple Family Medicine; Nov 17, 2:15 PM CST with Dr. Ruiz at Maple Family Medicine (cancelled).',
      'Next appointment: Nov 30, 2026, 10:00 AM CST with Lab at Quest, Elm St.',
    ]);
  });

  it('says when none is on file, and nothing for a record from before appointments were kept', () => {
    expect(appointmentSentences({ month: '2026-11', appointments: kept({ upcoming: [] }) })).toEqual(['No upcoming appointment on file.']);
    const old = sampleRecord();
    expect(old.appointments).toBeUndefined();
    expect(draftNote(old)).not.toMatch(/appointment/i);
  });

  it('writes the time on the clock it was entered on, across a clock change', () => {
    expect(appointmentWhen({ startsAt: '2027-03-15T14:30:00.000Z', timezone: 'America/Chicago' })).toBe('Mar 15, 2027, 9:30 AM CDT');
    expect(appointmentWhen({ startsAt: '2027-03-15T14:30:00.000Z', timezone: 'America/Chicago' }, 2027)).toBe('Mar 15, 9:30 AM CDT');
  });
});

describe('the printable month', () => {
  it('shows the month’s and the upcoming appointments, escaped, and no section for an old record', () => {
    const page = renderMonthHtml(
      sampleRecord({ appointments: kept({ inMonth: [appointment({ startsAt: '2026-11-03T16:00:00.000Z', withWhom: '<b>Dr. Ruiz</b>', status: 'cancelled' })] }) }),
    );
    expect(page).toContain('<h2>Appointments</h2>');
    expect(page).toContain('<td>Nov 3, 2026, 10:00 AM CST</td><td>&lt;b&gt;Dr. Ruiz&lt;/b&gt;</td><td>Maple Family Medicine</td><td></td><td>Cancelled</td>');
    expect(page).toContain('<h3>Upcoming, as of Dec 1, 2026, 10:00 AM EST</h3>');
    expect(page).toContain('<td>Jan 8, 2027, 9:30 AM CST</td><td>Dr. Patel</td>');
    expect(renderMonthHtml(sampleRecord())).not.toContain('<h2>Appointments</h2>');
  });
});
