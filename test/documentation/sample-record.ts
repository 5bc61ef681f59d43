/**
 * A realistic month for tests: Maria Gonzalez, November 2026, a practice in
 * New York (the month starts on the day the clocks go back, so EDT and EST
 * both appear). Override any part; nested objects (patient, practice,
 * consent, carePlan, reported, time, botActivity) merge one level deep, and
 * time totals are derived from the entries unless given, so a test that sets
 * entries gets consistent totals.
 */
import { draftNote } from '../../src/documentation/narrative.js';
import { TIME_ACTIVITIES } from '../../src/documentation/types.js';
import type {
  CountedEntry,
  MonthRecord,
  MonthTimeEntry,
  ReportedData,
  TimeActivity,
} from '../../src/documentation/types.js';

type Nested = 'practice' | 'patient' | 'consent' | 'carePlan' | 'reported' | 'time' | 'botActivity';

export type SampleOverrides = Partial<Omit<MonthRecord, Nested>> & {
  [K in Nested]?: Partial<MonthRecord[K]>;
};

type CountedTimeEntry = MonthTimeEntry & CountedEntry;

/** A time entry that counts in full unless told otherwise. */
export function timeEntry(
  fields: Partial<CountedTimeEntry> & { start: string; seconds: number },
): CountedTimeEntry {
  const { seconds, ...rest } = fields;
  return {
    id: `entry-${fields.start}`,
    staffId: 'staff-jane',
    staffName: 'Jane Doe',
    credential: 'RN',
    staffRole: 'clinical_staff',
    activity: 'data_review',
    end: new Date(Date.parse(fields.start) + seconds * 1000).toISOString(),
    source: 'manual',
    capturedFrom: null,
    note: null,
    secondsInMonth: seconds,
    countedSeconds: seconds,
    excludedBecause: null,
    ...rest,
  };
}

export function bpReading(at: string, systolic: number, diastolic: number) {
  return { at, systolic, diastolic };
}

const DEFAULT_ENTRIES: CountedTimeEntry[] = [
  timeEntry({ id: 'entry-1', start: '2026-11-10T15:00:00.000Z', seconds: 14 * 60 + 10, note: 'Reviewed BP log and doses' }),
  timeEntry({
    id: 'entry-2',
    start: '2026-11-17T19:30:00.000Z',
    seconds: 18 * 60,
    staffId: 'staff-nora',
    staffName: 'Nora Nurse',
    activity: 'call',
    source: 'captured',
    capturedFrom: 'escalation call',
  }),
];

const DEFAULT_REPORTED: ReportedData = {
  bloodPressure: {
    readings: [
      bpReading('2026-11-03T13:12:00.000Z', 142, 88),
      bpReading('2026-11-10T13:40:00.000Z', 150, 92),
      bpReading('2026-11-17T14:01:00.000Z', 158, 95),
    ],
    trend: 'rising',
    average: { systolic: 150, diastolic: 92 },
  },
  pain: [{ at: '2026-11-10T13:41:00.000Z', score: 3 }],
  adherence: [
    { medicationId: 'med-lis', name: 'lisinopril', dosesReported: 28, taken: 26, missed: 2, percent: 93 },
    { medicationId: 'med-met', name: 'metformin', dosesReported: 20, taken: 20, missed: 0, percent: 100 },
  ],
  refills: [{ at: '2026-11-20T15:00:00.000Z', medicationId: 'med-met', name: 'metformin', outcome: 'needs_refill' }],
  other: [],
};

function totals(entries: CountedTimeEntry[]): Omit<MonthRecord['time'], 'entries'> {
  const byActivity = Object.fromEntries(TIME_ACTIVITIES.map((a) => [a, 0])) as Record<TimeActivity, number>;
  let clinicalStaffSeconds = 0;
  let practitionerSeconds = 0;
  for (const e of entries) {
    byActivity[e.activity] += e.countedSeconds;
    if (e.staffRole === 'clinical_staff') clinicalStaffSeconds += e.countedSeconds;
    else practitionerSeconds += e.countedSeconds;
  }
  return { clinicalStaffSeconds, practitionerSeconds, byActivity };
}

export function sampleRecord(overrides: SampleOverrides = {}): MonthRecord {
  const { practice, patient, consent, carePlan, reported, time, botActivity, note, ...flat } = overrides;
  const entries = time?.entries ?? DEFAULT_ENTRIES;
  const base: Omit<MonthRecord, 'note'> = {
    month: '2026-11',
    period: { start: '2026-11-01T04:00:00.000Z', end: '2026-12-01T05:00:00.000Z' },
    practice: { id: 'practice-1', name: 'Riverside Family Medicine', timezone: 'America/New_York', phone: '+12125550100', ...practice },
    patient: {
      id: 'patient-1',
      firstName: 'Maria',
      lastName: 'Gonzalez',
      dateOfBirth: '1948-03-21',
      phone: '+12125550123',
      language: 'en',
      ...patient,
    },
    consent: { status: 'granted', method: 'verbal', recordedAt: '2026-11-02T15:30:00.000Z', recordedBy: 'Jane Doe, RN', ...consent },
    conditions: [
      { name: 'essential hypertension', icd10: 'I10', underCarePlan: true },
      { name: 'type 2 diabetes', icd10: 'E11.9', underCarePlan: true },
    ],
    carePlan: {
      status: 'active',
      establishedOn: '2026-10-01',
      revisedOn: '2026-11-12',
      goals: ['BP below 140/90', 'Take all doses'],
      interventions: ['Weekly BP check-in by text', 'Call if BP above 160/100'],
      reviewSchedule: 'Every 3 months',
      ...carePlan,
    },
    complex: false,
    carePlanRevised: true,
    interactions: [
      { id: 'i1', at: '2026-11-03T13:00:00.000Z', type: 'message', actor: 'bot', channel: 'sms', direction: 'outbound', summary: 'Hi Maria, what is your BP today? (e.g. 130/80)' },
      { id: 'i2', at: '2026-11-03T13:12:00.000Z', type: 'message', actor: 'patient', channel: 'sms', direction: 'inbound', summary: '142/88' },
      { id: 'i3', at: '2026-11-17T14:05:00.000Z', type: 'event', actor: 'bot', channel: null, direction: null, summary: 'Alert: BP trend rising' },
      { id: 'i4', at: '2026-11-17T19:30:00.000Z', type: 'call', actor: 'staff', channel: 'voice', direction: 'outbound', summary: 'Nora Nurse called about rising BP' },
    ],
    botActivity: { textsSent: 9, textsReceived: 6, calls: 1, ...botActivity },
    reported: { ...DEFAULT_REPORTED, ...reported },
    alerts: [
      {
        id: 'alert-1',
        level: 'elevated',
        reason: 'BP trend rising',
        explanation: 'Three readings, each higher than the last',
        createdAt: '2026-11-17T14:05:00.000Z',
        acknowledgedAt: '2026-11-17T15:00:00.000Z',
        acknowledgedBy: 'Nora Nurse',
        resolvedAt: '2026-11-18T16:00:00.000Z',
        resolvedBy: 'Nora Nurse',
        resolutionNote: 'called, medication adjusted',
      },
    ],
    time: { entries, ...totals(entries), ...time },
    codes: [{ code: '99490', units: 1, reason: '32 min 10 s of clinical staff time (20 min needed)' }],
    codeExplanation: '99490 alone: under 40 min of clinical staff time, not complex.',
    warnings: [],
    needsReview: false,
    status: 'draft',
    approval: null,
    addenda: [],
    ...flat,
  };
  return { ...base, note: { text: draftNote(base), edited: false, ...note } };
}

/** A month with nothing in it: no readings, no time, no alerts, no outreach, no codes. */
export function emptyMonthRecord(overrides: SampleOverrides = {}): MonthRecord {
  return sampleRecord({
    interactions: [],
    alerts: [],
    codes: [],
    codeExplanation: 'No staff time this month.',
    ...overrides,
    reported: { bloodPressure: { readings: [], trend: null, average: null }, pain: [], adherence: [], refills: [], other: [], ...overrides.reported },
    time: { entries: [], ...overrides.time },
    botActivity: { textsSent: 0, textsReceived: 0, calls: 0, ...overrides.botActivity },
  });
}
