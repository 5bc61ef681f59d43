/**
 * The numeric thresholds flows use to raise triage signals, in one place so a
 * practice can later configure them (DOMAIN.md: triage criteria must be
 * configurable rules). Red-flag phrases are not here: the runtime checks those
 * before a flow sees a message.
 */
import type { TriageSignal } from './types.js';

export interface BloodPressureLimit {
  systolic: number;
  diastolic: number;
}

export interface TriageThresholds {
  /** At or above either number: urgent 'bp_crisis' (hypertensive crisis range). */
  bpCrisis: BloodPressureLimit;
  /** At or above either number: elevated 'bp_high'. */
  bpHigh: BloodPressureLimit;
  /** Pain score (0-10) at or above which the coordinator reviews: elevated 'pain_high'. */
  painHigh: number;
}

export const DEFAULT_TRIAGE_THRESHOLDS: Readonly<TriageThresholds> = {
  bpCrisis: { systolic: 180, diastolic: 120 },
  bpHigh: { systolic: 160, diastolic: 100 },
  painHigh: 8,
};

function reaches(reading: BloodPressureLimit, limit: BloodPressureLimit): boolean {
  return reading.systolic >= limit.systolic || reading.diastolic >= limit.diastolic;
}

/** The signal a blood-pressure reading raises, if any. */
export function bloodPressureSignal(
  reading: BloodPressureLimit,
  thresholds: TriageThresholds = DEFAULT_TRIAGE_THRESHOLDS,
): TriageSignal | undefined {
  if (reaches(reading, thresholds.bpCrisis)) return { level: 'urgent', reason: 'bp_crisis' };
  if (reaches(reading, thresholds.bpHigh)) return { level: 'elevated', reason: 'bp_high' };
  return undefined;
}

/** The signal a pain score raises, if any. */
export function painSignal(
  score: number,
  thresholds: TriageThresholds = DEFAULT_TRIAGE_THRESHOLDS,
): TriageSignal | undefined {
  return score >= thresholds.painHigh ? { level: 'elevated', reason: 'pain_high' } : undefined;
}
