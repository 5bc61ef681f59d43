/**
 * Triage: which patients need a person, and how soon. Pure: the rules and the
 * evaluation take plain data and return plain data; src/alerts loads the facts
 * and acts on the result (alerts, escalation).
 */

/** From most to least in need of a person (DOMAIN.md "Triage levels"). */
export type TriageLevel = 'urgent' | 'elevated' | 'routine' | 'stable';
/** The levels a rule can raise; routine and stable are what is left when none fires. */
export type AlertingLevel = 'urgent' | 'elevated';

export const LEVEL_RANK: Readonly<Record<TriageLevel, number>> = { stable: 0, routine: 1, elevated: 2, urgent: 3 };

/** One thing the patient reported (a row of `observations`). */
export interface ObservationFact {
  id: string;
  kind: string;
  value: Record<string, unknown>;
  observedAt: Date;
  conversationId: string | null;
}

/** Everything triage looks at for one patient. */
export interface TriageFacts {
  now: Date;
  /** Where the practice is: explanations give dates and times there. */
  timezone: string;
  enrolledAt: Date;
  conditions: readonly string[];
  /** Recent observations, oldest first (the last 35 days cover every default window). */
  observations: readonly ObservationFact[];
  medications: ReadonlyArray<{ id: string; name: string; refillDueOn: string | null }>;
  /** When an evaluation last found the patient urgent or elevated; null when never. */
  lastConcernAt: Date | null;
}

/** What a finding rests on; its key makes one piece of evidence raise one alert, once. */
export interface Evidence {
  key: string;
  at: Date;
  observationId?: string;
}

/** A rule that fired, and why, in words a coordinator reads. */
export interface Finding {
  ruleId: string;
  level: AlertingLevel;
  /** The alert reason: the rule id, or 'red_flag:<category>' for one alert per kind of red flag. */
  reason: string;
  /** e.g. "BP 184/121 on Nov 3 at 09:12 is at or above 180/120" */
  explanation: string;
  /** The values the rule compared, as it saw them. */
  inputs: Record<string, unknown>;
  evidence: Evidence[];
}

export interface Evaluation {
  level: TriageLevel;
  findings: Finding[];
  /** The rule set's version, e.g. 'default-1' or 'practice-3'. */
  rulesVersion: string;
  evaluatedAt: Date;
  /** Why the level, in words: the findings' explanations, or what routine / stable rests on. */
  reasons: string[];
}
