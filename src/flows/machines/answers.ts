/**
 * What the flows record as answered so far. One flat shape for all flows so the
 * runtime can store and show `answers` without knowing which flow ran; each
 * flow fills only its own keys.
 */

export type ConcernCategory = 'pain' | 'breathing' | 'dizzy' | 'swelling' | 'medicine' | 'other';
export type Severity = 'mild' | 'moderate' | 'severe';
export type ConcernTrend = 'new' | 'worse' | 'same';
export type MissedReason = 'forgot' | 'side_effects' | 'ran_out' | 'other';
export type SymptomTrend = 'better' | 'same' | 'worse';

export interface BloodPressureReading {
  systolic: number;
  diastolic: number;
}

/** Everything answered so far; every value is plain JSON (it lives in the snapshot). */
export interface FlowAnswers {
  // wellness
  wellness?: 'well' | 'concerns';
  concernCategory?: ConcernCategory;
  concernText?: string;
  severity?: Severity;
  concernTrend?: ConcernTrend;
  // medication
  medicationTaken?: boolean;
  missedReason?: MissedReason;
  missedDetail?: string;
  // refill
  hasRefill?: boolean;
  // symptoms; 'skipped' when the patient had no way to measure
  bloodPressure?: BloodPressureReading | 'skipped';
  pain?: number;
  trend?: SymptomTrend;
}
