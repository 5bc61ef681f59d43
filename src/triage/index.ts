/** Triage: rules as data, evaluated over a patient's facts. Pure: no I/O. */
import { RuleSetSchema, type RuleSet } from './rules.js';

export { evaluateTriage } from './evaluate.js';
export { DEFAULT_RULE_SET, DEFAULT_RULE_SET_INPUT, DEFAULT_RULES_VERSION } from './defaults.js';
export { RuleSchema, RuleSetSchema } from './rules.js';
export type { Rule, RuleKind, RuleSet, RuleSetInput, VersionedRuleSet } from './rules.js';
export * from './types.js';
export { CONCERN_WORDS, RED_FLAG_WORDS, concernWords, redFlagWords } from './words.js';
export { REASON_WORDS, reasonWords } from './reason-words.js';

/**
 * The blood pressure at which a practice's rules call for a coordinator at
 * once (its urgent blood-pressure rules, the most sensitive of them): the
 * symptoms check-in answers such a reading with "call 911 or us now".
 */
export function urgentBloodPressureLimit(rules: RuleSet): { systolic: number; diastolic: number } | undefined {
  const urgent = rules.rules.flatMap((r) => (r.kind === 'blood_pressure_at_or_above' && r.level === 'urgent' ? [r] : []));
  if (urgent.length === 0) return undefined;
  return { systolic: Math.min(...urgent.map((r) => r.systolic)), diastolic: Math.min(...urgent.map((r) => r.diastolic)) };
}

export interface RuleSetProblem {
  /** Where, naming the rule by its id: "rules[3] (bp_crisis).systolic". */
  path: string;
  message: string;
}

/** Validates a proposed rule set; its problems name the rule (index and id) and the field. */
export function parseRuleSet(input: unknown): { ok: true; value: RuleSet } | { ok: false; problems: RuleSetProblem[] } {
  const parsed = RuleSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const rules = (input as { rules?: unknown })?.rules;
  const problems = parsed.error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    if (first === 'rules' && typeof index === 'number') {
      const id = Array.isArray(rules) ? (rules[index] as { id?: unknown } | undefined)?.id : undefined;
      const named = `rules[${index}]${typeof id === 'string' ? ` (${id})` : ''}`;
      return { path: [named, ...rest.map(String)].join('.'), message: issue.message };
    }
    return { path: issue.path.map(String).join('.') || '(rule set)', message: issue.message };
  });
  return { ok: false, problems };
}
