/** Builds triage facts for tests: a patient in Chicago, observations by day offset from "now". */
import type { ObservationFact, TriageFacts } from '../../src/triage/index.js';

export const NOW = new Date('2026-11-24T16:00:00Z'); // Tuesday 10:00 in Chicago
const DAY = 24 * 60 * 60 * 1000;

let next = 0;
/** An observation `daysAgo` days before NOW (fractions allowed), in conversation `conversationId`. */
export function obs(kind: string, value: Record<string, unknown>, daysAgo = 0, conversationId: string | null = 'c1'): ObservationFact {
  next += 1;
  return { id: `o${next}`, kind, value, observedAt: new Date(NOW.getTime() - daysAgo * DAY), conversationId };
}

export function facts(observations: ObservationFact[], extra: Partial<TriageFacts> = {}): TriageFacts {
  return {
    now: NOW,
    timezone: 'America/Chicago',
    enrolledAt: new Date(NOW.getTime() - 90 * DAY),
    conditions: ['hypertension', 'type 2 diabetes'],
    observations: [...observations].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime()),
    medications: [
      { id: 'lis', name: 'lisinopril', refillDueOn: null },
      { id: 'met', name: 'metformin', refillDueOn: null },
    ],
    lastConcernAt: null,
    ...extra,
  };
}

export const bp = (systolic: number, diastolic: number, daysAgo = 0, conversationId = 'c1') =>
  obs('blood_pressure', { systolic, diastolic }, daysAgo, conversationId);
export const missed = (medicationId = 'lis', daysAgo = 0, reason?: string) =>
  obs('medication_adherence', { medicationId, taken: false, ...(reason ? { reason } : {}) }, daysAgo, `m${daysAgo}`);
export const taken = (medicationId = 'lis', daysAgo = 0) => obs('medication_adherence', { medicationId, taken: true }, daysAgo, `m${daysAgo}`);
