/**
 * A practice's own triage rules: a new version replaces the current one (the
 * red-flag rule and a message-for-the-team rule must stay), and applies from
 * the next data each patient sends.
 */
import { z } from 'zod';
import { DomainError } from '../../errors.js';
import { parseRuleSet, type RuleSet, type VersionedRuleSet } from '../../triage/index.js';
import { withTransaction } from '../../store/sql.js';
import { insertPracticeRuleSet } from '../../store/triage.js';
import { practiceFor, writerKey } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';

export const RuleSetBodySchema = z
  .object({
    rules: z.array(z.record(z.string(), z.unknown())).describe('Each rule: id, kind, level and the parameters of its kind'),
    stable: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    example: {
      rules: [
        { id: 'red_flag', kind: 'red_flag', level: 'urgent' },
        { id: 'message_for_team', kind: 'message_for_team', level: 'elevated' },
        { id: 'bp_crisis', kind: 'blood_pressure_at_or_above', level: 'urgent', systolic: 175, diastolic: 115 },
        { id: 'missed_doses', kind: 'missed_doses', level: 'urgent', atLeast: 3, withinDays: 7 },
      ],
    },
  });

const REPLACED = auditName('triage_rules.replace');

/** A rule set from a body, or a 400 naming each rule and field at fault. */
export function validRuleSet(body: unknown): RuleSet {
  const parsed = parseRuleSet(body);
  if (parsed.ok) return parsed.value;
  const message = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new DomainError('validation_failed', message);
}

/** Stores the rules sent (checked once the caller may) as the practice's new version (admins). */
export async function replaceTriageRules(ctx: ActionContext, input: { practiceId: string; rules: unknown }): Promise<VersionedRuleSet> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const rules = validRuleSet(input.rules);
  return withTransaction(ctx.db.pool, async (tx) => {
    const version = await insertPracticeRuleSet(tx, practice.id, rules, ctx.at, writerKey(ctx.actor));
    await audit(tx, ctx, REPLACED, practice.id);
    return { ...rules, version };
  });
}
