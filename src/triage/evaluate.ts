import { DEFAULT_RULE_SET } from './defaults.js';
import { findingsOf } from './kinds.js';
import type { VersionedRuleSet } from './rules.js';
import { LEVEL_RANK, type Evaluation, type Finding, type TriageFacts, type TriageLevel } from './types.js';
import { count } from './words.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A finding that only repeats, at a lower level, what a more urgent finding
 * already rests on adds nothing: 185/125 is a crisis, not also "high".
 */
function withoutEchoes(findings: Finding[]): Finding[] {
  const urgentKeys = new Set(findings.filter((f) => f.level === 'urgent').flatMap((f) => f.evidence.map((e) => e.key)));
  return findings.filter((f) => f.level === 'urgent' || f.evidence.length === 0 || !f.evidence.every((e) => urgentKeys.has(e.key)));
}

/** Routine or stable, when no rule fired: stable needs quiet weeks and every check-in answered. */
function calmLevel(facts: TriageFacts, rules: VersionedRuleSet): { level: TriageLevel; reasons: string[] } {
  const { days, minAnsweredCheckIns } = rules.stable;
  const since = facts.now.getTime() - days * DAY_MS;
  const recent = facts.observations.filter((o) => o.observedAt.getTime() >= since);
  const unanswered = recent.filter((o) => o.kind === 'non_response' || o.kind === 'no_usable_answer').length;
  const answered = new Set(
    recent.filter((o) => o.conversationId && o.kind !== 'non_response' && o.kind !== 'no_usable_answer').map((o) => o.conversationId),
  ).size;
  const quiet = facts.lastConcernAt === null || facts.lastConcernAt.getTime() < since;
  const longEnough = facts.enrolledAt.getTime() <= since;
  if (quiet && longEnough && unanswered === 0 && answered >= minAnsweredCheckIns) {
    return { level: 'stable', reasons: [`Answered ${count(answered, 'check-in')} in the last ${days} days, all in range`] };
  }
  const why = unanswered > 0 ? `${count(unanswered, 'check-in')} not answered in the last ${days} days` : 'Nothing calls for a review';
  return { level: 'routine', reasons: [why] };
}

/**
 * Evaluates a patient's facts against a rule set: every rule that fires,
 * with its evidence and explanation, and the level they make. No rule
 * firing leaves the patient routine, or stable after quiet, engaged weeks.
 */
export function evaluateTriage(facts: TriageFacts, rules: VersionedRuleSet = DEFAULT_RULE_SET): Evaluation {
  const findings = withoutEchoes(rules.rules.flatMap((rule) => findingsOf(rule, facts)));
  const base = { findings, rulesVersion: rules.version, evaluatedAt: facts.now };
  if (findings.length === 0) return { ...base, ...calmLevel(facts, rules) };
  const level = findings.reduce<TriageLevel>((top, f) => (LEVEL_RANK[f.level] > LEVEL_RANK[top] ? f.level : top), 'routine');
  const ordered = [...findings].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  return { ...base, level, reasons: ordered.map((f) => f.explanation) };
}
