/**
 * Triage rules are data: a versioned rule set, validated here, with defaults
 * shipped in the repo (defaults.ts) and a per-practice override (PUT
 * /practices/:id/triage-rules). Each rule names a kind (what it looks at), the
 * level it raises and its parameters; evaluate.ts knows each kind.
 */
import { z } from 'zod';
import { CONCERN_CATEGORIES } from '../flows/understand/index.js';

const RuleId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,40}$/, 'must be 2-41 lower-case letters, digits or _, starting with a letter, like bp_crisis');
const Level = z.enum(['urgent', 'elevated']);
const days = (fallback: number) => z.number().int().min(1).max(60).default(fallback).describe('how many days back the rule looks');

const common = {
  id: RuleId,
  level: Level,
  description: z.string().max(300).optional(),
  reviewHours: z.number().int().min(1).max(720).optional().describe("Elevated: how long its alerts may wait for review (default: the practice's)"),
};

export const RuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('red_flag'), withinDays: days(2) }).describe('A red-flag phrase (chest pain, cannot breathe, ...)'),
  z.object({ ...common, kind: z.literal('message_for_team'), withinDays: days(2) }).describe('A text that came with no check-in open'),
  z.object({ ...common, kind: z.literal('severe_symptom'), withinDays: days(2) }).describe('A concern rated severe'),
  z
    .object({
      ...common,
      kind: z.literal('blood_pressure_at_or_above'),
      systolic: z.number().int().min(90).max(300),
      diastolic: z.number().int().min(50).max(200),
      withinDays: days(14),
    })
    .describe('The latest blood pressure at or above either number'),
  z
    .object({ ...common, kind: z.literal('blood_pressure_below'), systolic: z.number().int().min(60).max(120), withinDays: days(2) })
    .describe('The latest systolic blood pressure below systolic: too low to keep the head supplied'),
  z
    .object({
      ...common,
      kind: z.literal('blood_pressure_rising'),
      readings: z.number().int().min(2).max(10).default(3),
      minRise: z.number().int().min(1).max(100).default(10),
      withinDays: days(30),
    })
    .describe('The systolic of each of the last readings higher than the one before, by minRise in all'),
  z
    .object({
      ...common,
      kind: z.literal('pain_at_or_above'),
      score: z.number().int().min(0).max(10),
      onlyWhenNewOrWorse: z.boolean().default(false),
      withinDays: days(7),
    })
    .describe('The latest pain score at or above score (and reported as new or worse, when asked for)'),
  z.object({ ...common, kind: z.literal('symptoms_worse'), withinDays: days(7) }).describe('Symptoms reported worse than last week'),
  z.object({ ...common, kind: z.literal('new_or_worse_concern'), withinDays: days(7) }).describe('A concern reported as new or worse, or left without saying (the patient stopped answering)'),
  z
    .object({
      ...common,
      kind: z.literal('missed_doses'),
      atLeast: z.number().int().min(1).max(100),
      atMost: z.number().int().min(1).max(100).optional(),
      withinDays: days(7),
    })
    .refine((rule) => rule.atMost === undefined || rule.atMost >= rule.atLeast, { message: 'atMost must be at least atLeast', path: ['atMost'] })
    .describe('Missed doses reported in the window: at least atLeast (and at most atMost)'),
  z.object({ ...common, kind: z.literal('side_effects'), withinDays: days(7) }).describe('A dose not taken because of side effects'),
  z
    .object({ ...common, kind: z.literal('refill'), withinDays: days(7), overdueDays: z.number().int().min(0).max(30).default(0) })
    .describe('Out of a medication, or its refill date passed (by overdueDays) with no refill confirmed'),
  z.object({ ...common, kind: z.literal('distress'), withinDays: days(1) }).describe('"Help me", "auxilio": possible distress'),
  z
    .object({ ...common, kind: z.literal('concern_reported'), categories: z.array(z.enum(CONCERN_CATEGORIES)).min(1), withinDays: days(3) })
    .describe('A concern of these categories read in a text (a fall, swelling, dizziness, ...); one alert per category'),
  z
    .object({ ...common, kind: z.literal('request'), kinds: z.array(z.enum(['callback', 'appointment', 'refill'])).min(1), withinDays: days(3) })
    .describe('A request to be called, for an appointment or a refill; one alert per kind'),
  z.object({ ...common, kind: z.literal('unanswered'), withinDays: days(3) }).describe('A check-in closed with no usable answer'),
  z
    .object({ ...common, kind: z.literal('glucose_below'), mgdl: z.number().int().min(30).max(150), withinDays: days(2) })
    .describe('The latest blood sugar below mgdl'),
  z
    .object({ ...common, kind: z.literal('glucose_above'), mgdl: z.number().int().min(150).max(600), withinDays: days(2) })
    .describe('The latest blood sugar above mgdl'),
  z
    .object({ ...common, kind: z.literal('oxygen_below'), percent: z.number().int().min(70).max(99), withinDays: days(2) })
    .describe('The latest oxygen saturation below percent'),
  z
    .object({
      ...common,
      kind: z.literal('pulse_outside'),
      below: z.number().int().min(20).max(80),
      above: z.number().int().min(90).max(220),
      withinDays: days(2),
    })
    .describe('The latest pulse below `below` or above `above`'),
  z
    .object({ ...common, kind: z.literal('temperature_at_or_above'), fahrenheit: z.number().min(99).max(106), withinDays: days(3) })
    .describe('The latest temperature at or above fahrenheit'),
  z
    .object({
      ...common,
      kind: z.literal('weight_gain'),
      poundsInDay: z.number().min(1).max(20),
      poundsInWeek: z.number().min(1).max(40),
      conditions: z.array(z.string().min(2)).default(['heart failure', 'chf', 'hfref', 'hfpef', 'insuficiencia cardiaca']),
      withinDays: days(7),
    })
    .describe('A weight gain of poundsInDay in a day or poundsInWeek in a week, for patients with one of `conditions`'),
  z
    .object({
      ...common,
      kind: z.literal('depression_screen'),
      phq2AtLeast: z.number().int().min(1).max(6).default(3),
      phq9AtLeast: z.number().int().min(1).max(27).default(10),
      withinDays: days(14),
    })
    .describe(
      'The latest depression screen (week-2 form) at or above its limit: a PHQ-9 total at or above phq9AtLeast, or a PHQ-2 total at or above phq2AtLeast with no PHQ-9 after it',
    ),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];

/** Rules a practice may tune but not remove or lower: a person must hear of these. */
const REQUIRED_URGENT: readonly RuleKind[] = ['red_flag', 'distress'];
const REQUIRED: readonly RuleKind[] = ['red_flag', 'distress', 'message_for_team'];

export const RuleSetSchema = z
  .object({
    rules: z.array(RuleSchema).min(1).max(100),
    stable: z
      .object({
        days: z.number().int().min(7).max(180).default(30),
        minAnsweredCheckIns: z.number().int().min(1).max(20).default(2),
      })
      .default({ days: 30, minAnsweredCheckIns: 2 })
      .describe('Stable: nothing urgent or elevated for `days`, and every check-in in that time answered'),
  })
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `repeats the id of rules[${first}]` });
      seen.set(rule.id, index);
      if (REQUIRED_URGENT.includes(rule.kind) && rule.level !== 'urgent') {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'level'], message: `a ${rule.kind} rule is always urgent` });
      }
    });
    for (const kind of REQUIRED) {
      if (!set.rules.some((rule) => rule.kind === kind)) {
        ctx.addIssue({ code: 'custom', path: ['rules'], message: `must keep a ${kind} rule: a person must hear of these` });
      }
    }
  });
export type RuleSetInput = z.input<typeof RuleSetSchema>;
export type RuleSet = z.infer<typeof RuleSetSchema>;

/** A rule set as it is used: with the version evaluations record. */
export interface VersionedRuleSet extends RuleSet {
  version: string;
}
