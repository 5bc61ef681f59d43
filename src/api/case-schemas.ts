/** What the API says of a case: the JSON shapes, and the one presenter both case routes share. */
import { z } from 'zod';
import { describeReason, type CaseView } from '../alerts/index.js';

const PersonSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();
const LevelSchema = z.enum(['urgent', 'elevated']);
const StatusSchema = z.enum(['open', 'acknowledged', 'resolved']);

const ReasonSummarySchema = z.object({
  reason: z.string().describe("The code it is listed by: a triage rule's id, or 'red_flag:<category>'"),
  description: z.string().describe('In words, with what the same event also raised: "a fall — also: bleeding or bruising"'),
  level: LevelSchema,
});

export const CaseSchema = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), phone: z.string() }),
  level: LevelSchema.describe('The highest level of its unresolved alerts'),
  status: StatusSchema.describe('open: an alert nobody acknowledged yet; acknowledged: none open; resolved: all resolved'),
  reasons: z.array(ReasonSummarySchema).describe('Urgent first; the reasons of one event joined into one'),
  latestWords: z.object({ text: z.string(), at: z.string() }).nullable().describe('What the patient wrote last, among the texts behind the case'),
  reviewDueAt: z.string().nullable().describe('The earliest review deadline of its elevated alerts nobody has acknowledged'),
  overdue: z.boolean(),
  openedAt: z.string(),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: PersonSchema,
  resolvedAt: z.string().nullable(),
  resolvedBy: PersonSchema,
  resolutionNote: z.string().nullable(),
});

export const CaseDetailSchema = CaseSchema.extend({
  reasons: z.array(
    ReasonSummarySchema.extend({
      joined: z.array(z.object({ reason: z.string(), description: z.string() })).describe('Reasons of the same event listed under this one'),
      evidence: z.array(z.object({ reason: z.string(), explanation: z.string(), at: z.string(), words: z.string().nullable() })),
      words: z.array(z.string()).describe("The patient's own words behind it, oldest first"),
      alsoSaid: z.array(z.string()).describe('What else the patient said about it, raised only as a text for the team'),
      alertIds: z.array(z.uuid()),
      firstAt: z.string(),
      lastAt: z.string(),
    }),
  ),
  alerts: z
    .array(
      z.object({
        id: z.uuid(),
        level: LevelSchema,
        reason: z.string(),
        reasonText: z.string(),
        status: StatusSchema,
        createdAt: z.string(),
        reviewDueAt: z.string().nullable(),
        acknowledgedAt: z.string().nullable(),
        resolvedAt: z.string().nullable(),
      }),
    )
    .describe('Every alert of the case, oldest first (GET /alerts/:id has each in full)'),
});

export const CaseQuerySchema = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved', 'unresolved']).default('unresolved').describe('unresolved: open or acknowledged'),
  level: LevelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'unknown' } : null);

/** A case as the list shows it. */
export function presentCase(view: CaseView) {
  const c = view.case;
  return {
    ...c,
    reasons: view.reasons.map((r) => ({ reason: r.reason, description: r.description, level: r.level })),
    latestWords: view.latestWords,
    reviewDueAt: view.reviewDueAt,
    overdue: view.overdue,
    acknowledgedBy: person(c.acknowledgedBy, c.acknowledgedByName),
    resolvedBy: person(c.resolvedBy, c.resolvedByName),
  };
}

/** A case in full: each reason with its evidence and words, and every alert. */
export function presentCaseDetail(view: CaseView) {
  return {
    ...presentCase(view),
    reasons: view.reasons.map((r) => ({ ...r, joined: r.joined.map((reason) => ({ reason, description: describeReason(reason) })) })),
    alerts: view.alerts.map((a) => ({ ...a, reasonText: describeReason(a.reason) })),
  };
}
