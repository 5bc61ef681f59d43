import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './index.js';
import { DomainError, notFound } from '../errors.js';
import { practiceRules } from '../bot/triage.js';
import { DEFAULT_RULES_VERSION, parseRuleSet, RuleSchema, type RuleSet } from '../triage/index.js';
import { findPractice } from '../store/practices.js';
import { insertPracticeRuleSet } from '../store/triage.js';
import { authorize } from './auth.js';
import { IdParamsSchema, errorResponses } from './schemas.js';

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

const RuleSetResponseSchema = z.object({
  version: z.string().describe("'default-N' for the shipped defaults, 'practice-N' for the practice's own"),
  isDefault: z.boolean(),
  rules: z.array(RuleSchema),
  stable: z.object({ days: z.number(), minAnsweredCheckIns: z.number() }),
});

const LevelCounts = z.object({ urgent: z.number(), elevated: z.number(), routine: z.number(), stable: z.number() });
const ReplaySchema = z.object({
  patients: z.number(),
  current: LevelCounts,
  proposed: LevelCounts,
  moves: z.array(z.object({ from: z.string(), to: z.string(), patients: z.number() })),
});

/** A rule set from a request body, or a 400 naming each rule and field at fault. */
export function validRuleSet(body: unknown): RuleSet {
  const parsed = parseRuleSet(body);
  if (parsed.ok) return parsed.value;
  const message = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new DomainError('validation_failed', message);
}

export const triageRuleRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { deps }) => {
  const { pool } = deps.db;

  async function practiceFor(id: string) {
    const practice = await findPractice(pool, id);
    if (!practice) throw notFound('practice');
    return practice;
  }

  app.get(
    '/practices/:id/triage-rules',
    {
      schema: {
        tags: ['triage'],
        summary: "The practice's triage rules (its own, or the defaults)",
        params: IdParamsSchema,
        response: { 200: RuleSetResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      await practiceFor(request.params.id);
      const rules = await practiceRules(pool, request.params.id);
      return { ...rules, isDefault: rules.version === DEFAULT_RULES_VERSION };
    },
  );

  app.put(
    '/practices/:id/triage-rules',
    {
      schema: {
        tags: ['triage'],
        summary: "Replaces the practice's triage rules",
        description:
          'A new version; evaluations name the version they used. The red_flag rule (always urgent) and a ' +
          'message_for_team rule must stay. New rules apply from the next data each patient sends.',
        params: IdParamsSchema,
        body: RuleSetBodySchema,
        response: { 200: RuleSetResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      await practiceFor(request.params.id);
      const rules = validRuleSet(request.body);
      const by = request.principal.kind === 'api_key' ? `api_key:${request.principal.keyId}` : 'admin_token';
      const version = await insertPracticeRuleSet(pool, request.params.id, rules, request.receivedAt, by);
      return { ...rules, version, isDefault: false };
    },
  );

  app.post(
    '/practices/:id/triage-rules/replay',
    {
      schema: {
        tags: ['triage'],
        summary: 'What a proposed rule set would do, without changing anything',
        description: "Evaluates every patient's recent data under the current and the proposed rules, and counts who would move.",
        params: IdParamsSchema,
        body: RuleSetBodySchema,
        response: { 200: ReplaySchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.principal, request.params.id, 'admin', 'practice');
      const practice = await practiceFor(request.params.id);
      return deps.bot.replayRules(practice, validRuleSet(request.body));
    },
  );
};
