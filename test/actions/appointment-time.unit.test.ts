/**
 * When an appointment starts, as people give it: a wall-clock time where the
 * patient lives, an instant with its offset, or a schedule export's cell.
 */
import { describe, expect, it } from 'vitest';
import { appointmentStart } from '../../src/actions/appointments/appointment-time.js';
import { readAppointmentTime, readClockTime } from '../../src/actions/appointments/csv.js';
import { DomainError } from '../../src/errors.js';

const NOW = new Date('2026-11-24T16:00:00Z');
const refusal = (text: string, zone = 'America/Chicago') => {
  try {
    appointmentStart(text, zone, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).detail;
  }
  throw new Error(`${text} was accepted`);
};

describe('appointmentStart', () => {
  it('reads a local time in the zone, and an instant as it is', () => {
    expect(appointmentStart('2027-01-08T09:30', 'America/Chicago', NOW).toISOString()).toBe('2027-01-08T15:30:00.000Z');
    expect(appointmentStart('2027-07-08T09:30', 'America/Chicago', NOW).toISOString()).toBe('2027-07-08T14:30:00.000Z');
    expect(appointmentStart('2027-01-08T09:30:00+01:00', 'America/Chicago', NOW).toISOString()).toBe('2027-01-08T08:30:00.000Z');
  });

  it('reads a time the clocks pass twice in standard time, and refuses one they skip', () => {
    expect(appointmentStart('2027-11-07T01:30', 'America/Chicago', NOW).toISOString()).toBe('2027-11-07T07:30:00.000Z');
    expect(refusal('2027-03-14T02:30')).toBe('2027-03-14 02:30 does not exist in America/Chicago: the clocks go forward then');
  });

  it('refuses the past, the impossible and the far future, in words', () => {
    expect(refusal('2026-11-24T10:00')).toBe('Nov 24, 2026, 10:00 AM CST is in the past (it is now Nov 24, 2026, 10:00 AM CST); give a time still to come');
    expect(refusal('2027-02-29T10:00')).toBe('2027-02-29T10:00 is not a real date and time');
    expect(refusal('2032-01-01T10:00')).toBe('Jan 1, 2032, 10:00 AM CST is more than 5 years ahead; check the year');
  });
});

describe('reading an export’s cells', () => {
  it('reads clock times as schedules write them', () => {
    expect(['9:30', '09:30', '9:30 AM', '2:15pm', '2:15 p.m.', '12:05 AM', '12:05 PM', '14:15:00'].map(readClockTime)).toEqual([
      '09:30', '09:30', '09:30', '14:15', '14:15', '00:05', '12:05', '14:15',
    ]);
    expect(['9', '25:00', '13:00 PM', '9:60', 'noon'].map(readClockTime)).toEqual([null, null, null, null, null]);
  });

  it('reads one date-time cell, or a date and a time, into the local form the API takes', () => {
    expect(readAppointmentTime('1/8/2027 9:30 AM', undefined, undefined)).toEqual({ value: '2027-01-08T09:30' });
    expect(readAppointmentTime('2027-01-08T09:30', undefined, undefined)).toEqual({ value: '2027-01-08T09:30' });
    expect(readAppointmentTime('2027-01-08 14:15', undefined, undefined)).toEqual({ value: '2027-01-08T14:15' });
    expect(readAppointmentTime('2027-01-08T15:30:00Z', undefined, undefined)).toEqual({ value: '2027-01-08T15:30:00Z' });
    expect(readAppointmentTime(undefined, '01/08/2027', '2:15 PM')).toEqual({ value: '2027-01-08T14:15' });
    expect(readAppointmentTime('1/8/2027', undefined, undefined)).toEqual({ problem: 'give the time of day too; write it like 2027-01-08 09:30 or 1/8/2027 9:30 AM' });
    expect(readAppointmentTime(undefined, '2/30/2027', '9:00')).toMatchObject({ problem: expect.stringContaining('is not a real date: February 2027 has 28 days') });
    expect(readAppointmentTime(undefined, undefined, undefined)).toEqual({ problem: 'give when it is: an Appointment column, or Date and Time columns' });
  });
});
