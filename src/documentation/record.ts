/**
 * Builds the monthly record from what the store holds for the month: the
 * interaction log, the reported data, the minutes, the suggested codes with
 * their reasons and warnings, and the drafted (or edited) note.
 */
import { duration, suggestCodes } from './billing.js';
import { icd10For } from './icd10.js';
import { draftNote } from './narrative.js';
import { ACTIVITY_PHRASES, answeredByPhrase, callStatusPhrase, eventPhrase } from './phrases/index.js';
import { summariseQuestionnaire, type QuestionnaireIn } from './questionnaires.js';
import { summariseReported, type ObservationIn } from './reported.js';
import { staffLabel } from './staff-label.js';
import type {
  AlertHandling,
  BillingSettings,
  CarePlan,
  CarePlanSummary,
  Condition,
  ContactChannel,
  Interaction,
  MonthAppointments,
  MonthConsent,
  MonthRecord,
  MonthTimeEntry,
} from './types.js';

export interface MonthSources {
  month: string;
  period: { start: Date; end: Date };
  practice: MonthRecord['practice'] & { billing: BillingSettings };
  patient: MonthRecord['patient'];
  consent: MonthRecord['consent'];
  /** The CCM consents recorded by the month's end (left out where they are not read). */
  ccmConsents?: MonthConsent[];
  /** The conditions enrolled with the patient, in words. */
  conditions: string[];
  carePlan: CarePlan | null;
  decisions: { complex: boolean; carePlanRevised: boolean; noteText: string | null };
  entries: MonthTimeEntry[];
  messages: { id: string; at: string; direction: 'inbound' | 'outbound'; channel: ContactChannel; body: string }[];
  calls: { id: string; at: string; direction: 'inbound' | 'outbound'; status: string; answeredBy: string | null; seconds: number | null }[];
  events: { id: string; at: string; type: string }[];
  observations: ObservationIn[];
  medications: { id: string; name: string }[];
  alerts: AlertHandling[];
  /** Questionnaires the patient answered in the month, oldest first. */
  questionnaires: QuestionnaireIn[];
  /** The month's appointments and the upcoming ones (left out where appointments are not read). */
  appointments?: MonthAppointments;
  twoWayContact: boolean;
}

const STAFF_EVENTS = /^(check_in\.cancelled_by_staff|care_plan\.|alert\.(acknowledged|resolved)|unmatched\.reviewed)/;
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Enrolled conditions and care-plan problems, one list: a condition counts when the active plan manages it. */
function conditionsOf(s: Pick<MonthSources, 'carePlan' | 'conditions'>): Condition[] {
  const plan = s.carePlan;
  const managed = plan?.status === 'active' ? plan.problems : [];
  const fromPlan = managed.map((p) => ({ name: p.condition, icd10: p.icd10, underCarePlan: true }));
  const others = s.conditions
    .filter((c) => !managed.some((p) => sameName(p.condition, c)))
    .map((name) => ({ name, icd10: icd10For(name), underCarePlan: false }));
  return [...fromPlan, ...others];
}

const inMonth = (date: string | null, month: string) => date !== null && date.startsWith(month);

function carePlanOf(s: MonthSources): CarePlanSummary {
  const p = s.carePlan;
  if (!p) return { status: 'none', establishedOn: null, revisedOn: null, goals: [], interventions: [], reviewSchedule: null };
  const { status, establishedOn, revisedOn, goals, interventions, reviewSchedule } = p;
  return { status, establishedOn, revisedOn, goals, interventions, reviewSchedule };
}

/** "Check-in call, not answered", "Call from the patient, answered, 4 min 5 s (voicemail picked up)". */
function callSummary(c: MonthSources['calls'][number]): string {
  const who = c.direction === 'inbound' ? 'Call from the patient' : 'Check-in call';
  const machine = c.answeredBy && c.answeredBy !== 'human' ? ` (${answeredByPhrase(c.answeredBy)})` : '';
  return `${who}, ${callStatusPhrase(c.status)}${c.seconds ? `, ${duration(c.seconds)}` : ''}${machine}`;
}

function interactionsOf(s: MonthSources): Interaction[] {
  const lines: Interaction[] = [
    ...s.messages.map((m) => ({
      id: m.id,
      at: m.at,
      type: 'message' as const,
      actor: m.direction === 'inbound' ? ('patient' as const) : ('bot' as const),
      channel: m.channel,
      direction: m.direction,
      summary: m.body,
    })),
    ...s.calls.map((c) => ({
      id: c.id,
      at: c.at,
      type: 'call' as const,
      actor: c.direction === 'inbound' ? ('patient' as const) : ('bot' as const),
      channel: 'voice' as const,
      direction: c.direction,
      summary: callSummary(c),
    })),
    ...s.events.map((e) => ({
      id: e.id,
      at: e.at,
      type: 'event' as const,
      actor: STAFF_EVENTS.test(e.type) ? ('staff' as const) : ('bot' as const),
      channel: null,
      direction: null,
      summary: eventPhrase(e.type).text,
    })),
    ...s.entries.map((t) => ({
      id: t.id,
      at: t.start,
      type: 'time_entry' as const,
      actor: 'staff' as const,
      channel: null,
      direction: null,
      summary: `${staffLabel({ name: t.staffName, credential: t.credential })}: ${ACTIVITY_PHRASES[t.activity]}, ${duration(Math.floor((Date.parse(t.end) - Date.parse(t.start)) / 1000))}${t.note ? ` (${t.note})` : ''}`,
    })),
  ];
  return lines.sort((a, b) => a.at.localeCompare(b.at));
}

/** What the codes of a month rest on: a part of the sources, enough for a practice's whole month at once. */
export type CodeSources = Pick<MonthSources, 'month' | 'consent' | 'conditions' | 'carePlan' | 'decisions' | 'entries' | 'twoWayContact'> & {
  practice: Pick<MonthSources['practice'], 'timezone' | 'billing'>;
};

const revisedIn = (s: Pick<MonthSources, 'carePlan' | 'month'>) => inMonth(s.carePlan?.establishedOn ?? null, s.month) || inMonth(s.carePlan?.revisedOn ?? null, s.month);

/** The minutes, codes and warnings of a month. */
export function monthCodes(s: CodeSources) {
  return suggestCodes({
    month: s.month,
    timezone: s.practice.timezone,
    entries: s.entries,
    consent: s.consent,
    chronicConditions: conditionsOf(s).filter((c) => c.underCarePlan).length,
    complex: s.decisions.complex,
    carePlanEstablishedOrRevised: s.decisions.carePlanRevised || revisedIn(s),
    twoWayContact: s.twoWayContact,
    billing: s.practice.billing,
  });
}

/** The record as it stands now (a draft); approval freezes what this returns. */
export function buildMonthRecord(s: MonthSources): Omit<MonthRecord, 'status' | 'approval' | 'addenda'> {
  const conditions = conditionsOf(s);
  const carePlan = carePlanOf(s);
  const revisedThisMonth = revisedIn(s);
  const suggestion = monthCodes(s);
  const counted = new Map(suggestion.totals.entries.map((e) => [e.id, e]));
  const { billing: _billing, ...practice } = s.practice;
  const record: Omit<MonthRecord, 'status' | 'approval' | 'addenda' | 'note'> = {
    month: s.month,
    period: { start: s.period.start.toISOString(), end: s.period.end.toISOString() },
    practice,
    patient: s.patient,
    consent: s.consent,
    ...(s.ccmConsents && { ccmConsents: s.ccmConsents }),
    conditions,
    carePlan,
    complex: s.decisions.complex,
    carePlanRevised: s.decisions.carePlanRevised || revisedThisMonth,
    interactions: interactionsOf(s),
    botActivity: {
      textsSent: s.messages.filter((m) => m.direction === 'outbound').length,
      // Answers from the form are counted as the questionnaire answered, not as texts.
      textsReceived: s.messages.filter((m) => m.direction === 'inbound' && m.channel !== 'form').length,
      calls: s.calls.length,
      questionnairesSent: s.events.filter((e) => e.type === 'questionnaire_sent').length,
      questionnairesAnswered: s.questionnaires.length,
    },
    reported: summariseReported(s.observations, s.medications),
    questionnaires: s.questionnaires.map(summariseQuestionnaire),
    alerts: s.alerts,
    ...(s.appointments && { appointments: s.appointments }),
    time: {
      entries: s.entries.map((e) => ({ ...e, ...counted.get(e.id)! })),
      clinicalStaffSeconds: suggestion.totals.clinicalStaffSeconds,
      practitionerSeconds: suggestion.totals.practitionerSeconds,
      byActivity: suggestion.totals.byActivity,
    },
    codes: suggestion.codes,
    codeExplanation: suggestion.explanation,
    warnings: suggestion.warnings,
    needsReview: suggestion.needsReview,
  };
  const note = s.decisions.noteText ?? draftNote({ ...record, status: 'draft', approval: null, addenda: [] });
  return { ...record, note: { text: note, edited: s.decisions.noteText !== null } };
}
