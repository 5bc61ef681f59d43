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

/** Why a dose was not taken, as a text names it ("ran out of the lisinopril"); a menu answer is a MissedReason. */
export type NamedReason = MissedReason | 'stopped' | 'cost';

/** Taken or not, for one medicine named in a reply. */
export interface DoseAnswer {
  taken: boolean;
  reason?: NamedReason;
}

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
  // medication; for a reminder for several medicines, `medicationTaken` and the reason are said of those `doses` does not name
  medicationTaken?: boolean;
  missedReason?: MissedReason;
  missedDetail?: string;
  /** A reminder: what the patient said of a medicine by name ("took the metformin but not the lisinopril"), by medication id. */
  doses?: Record<string, DoseAnswer>;
  // refill
  hasRefill?: boolean;
  // symptoms; 'skipped' when the patient had no way to measure
  bloodPressure?: BloodPressureReading | 'skipped';
  pain?: number;
  trend?: SymptomTrend;
}
