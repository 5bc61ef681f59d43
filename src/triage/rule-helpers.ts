/** What every kind of rule uses to look at observations and say why it fired. */
import type { Rule } from './rules.js';
import type { Evidence, Finding, ObservationFact, TriageFacts } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;
export type Evaluator<K extends Rule['kind']> = (rule: RuleOf<K>, facts: TriageFacts) => Finding[];

/** Observations of `kinds` in the rule's window, oldest first. */
export function within(facts: TriageFacts, days: number, ...kinds: string[]): ObservationFact[] {
  const since = facts.now.getTime() - days * DAY_MS;
  return facts.observations.filter((o) => kinds.includes(o.kind) && o.observedAt.getTime() >= since);
}

export const evidenceOf = (o: ObservationFact): Evidence => ({ key: `observation:${o.id}`, at: o.observedAt, observationId: o.id });

export function finding(rule: Rule, explanation: string, inputs: Record<string, unknown>, evidence: Evidence[], reason = rule.id): Finding {
  return { ruleId: rule.id, level: rule.level, reason, explanation, inputs, evidence };
}
