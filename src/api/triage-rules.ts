import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from './options.js';
import { authorize, replaceTriageRules, RuleSetBodySchema, validRuleSet } from '../actions/index.js';
import { notFound } from '../errors.js';
import { practiceRules } from '../alerts/index.js';
import { DEFAULT_RULES_VERSION, RuleSchema } from '../triage/index.js';
import { findPractice } from '../store/practices.js';
import { actionContext } from './context.js';
import { IdParamsSchema, errorResponses } from './schemas.js';
import { replayRules } from '../alerts/index.js';

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
    async (request) => ({ ...(await replaceTriageRules(actionContext(deps, request), { practiceId: request.params.id, rules: request.body })), isDefault: false }),
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
      return replayRules(deps.runtime, practice, validRuleSet(request.body));
    },
  );
};
