/**
 * The month's figures and the invariants, from what the simulator saw (texts
 * and calls handed to Twilio, texts patients wrote, with their labels) and
 * what the service recorded (messages, alerts, cases, triage levels).
 * Deterministic for a seed: no ids, no wall time (the CLI adds that).
 */
import { DateTime } from 'luxon';
import type { SimRun } from './panel.js';
import { billing, monthRows, type Billing } from './report-billing.js';
import { codesConsistent, noBotMinutes, questionnaireChecks, urgentRang } from './report-checks.js';
import { questionnaireFigures, type QuestionnaireFigures } from './report-questionnaire.js';
import { latency, workload, type Latency, type Workload } from './report-work.js';
import { callChecks, callFigures, type CallFigures } from './report-calls.js';
import { recordedStatuses, textChecks, textFigures, type TextFigures } from './report-texts.js';
import { profileChanges } from './profile.js';
import { ARTICLE_CADENCE } from './panel.js';
import { sequenceChecks, sequenceFigures, type SequenceFigures } from './report-sequence.js';
import { routineFigures, type RoutineFigures } from './report-routine.js';

export interface Invariant {
  name: string;
  violations: number;
  /** A few examples, by patient index and local time: no PHI, these are simulated anyway. */
  examples: string[];
}

export interface Report {
  patients: number;
  days: number;
  seed: number;
  practiceTz: string;
  /** The profile's figures that differ from the defaults ("spanish=1"); empty: the default model. */
  profile: string[];
  /** The month's sequence as the service ran it: touchpoints by channel and hour, answered; who the coordinator had to call (report-sequence.ts). */
  sequence: SequenceFigures;
  /** The patient model's routines: who works days, who ignores texts, and how they answered (report-routine.ts). */
  routine: RoutineFigures;
  texts: { toPatients: number; perPatient: number; maxPerPatient: number; byKind: Record<string, number>; toCoordinators: number };
  calls: { toPatients: number; toCoordinators: number } & CallFigures;
  /** Delivery as Twilio reported it, numbers that cannot take texts, engagement drift and adherence. */
  delivery: TextFigures;
  answered: { questions: number; answered: number; rate: number };
  /** The week-2 questionnaire: sent, reminded, opened, completed beside the article's 34%, left part-way, lapsed; PHQ screens; self-harm answers escalated. */
  questionnaire: QuestionnaireFigures;
  written: { total: number; labelled: number; concerning: number; urgent: number };
  alerts: { urgent: number; elevated: number; cases: number; patientsWithCase: number; byReason: Record<string, number> };
  triage: Record<'urgent' | 'elevated' | 'routine' | 'stable', number>;
  /** Concerning texts (by corpus ref) that raised no alert: what a nurse should have seen and did not. */
  reachedNobody: string[];
  /** The simulated coordinator's month beside the article's workload table (report-work.ts). */
  workload: Workload;
  /** From a concern written to a person acting on it. */
  latency: Latency;
  billing: Billing;
  invariants: Invariant[];
}

export async function buildReport(run: SimRun): Promise<Report> {
  const { pool } = run.service.db;
  const { practiceTz: tz } = run.options;
  const patientOf = new Map(run.patients.map((p) => [p.phone, p]));
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: tz });
  const where = (phone: string, at: Date) => `patient ${patientOf.get(phone)?.index} at ${local(at).toFormat('LLL d HH:mm')}`;

  const q = async <T extends object>(sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;
  const perPatient = await q<{ n: string }>(
    `SELECT count(m.id) AS n FROM patients p LEFT JOIN messages m ON m.patient_id = p.id AND m.direction = 'outbound' AND m.audience = 'patient' AND m.kind <> 'voice_prompt' GROUP BY p.id`,
  );
  const counts = perPatient.map((r) => Number(r.n));
  const byKind = Object.fromEntries(
    (await q<{ kind: string; n: string }>(`SELECT kind, count(*) AS n FROM messages WHERE direction = 'outbound' AND audience = 'patient' AND kind <> 'voice_prompt' GROUP BY kind ORDER BY kind`)).map((r) => [r.kind, Number(r.n)]),
  );
  const toCoordinators = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE direction = 'outbound' AND audience = 'coordinator'`))[0]!.n);
  const alerts = Object.fromEntries((await q<{ level: string; n: string }>(`SELECT level, count(*) AS n FROM alerts GROUP BY level`)).map((r) => [r.level, Number(r.n)]));
  // Reasons without their detail ('red_flag:chest_pain' -> 'red_flag'), level first: what drives the load.
  const byReason = Object.fromEntries(
    (await q<{ reason: string; n: string }>(`SELECT level || ' ' || split_part(reason, ':', 1) AS reason, count(*) AS n FROM alerts GROUP BY 1 ORDER BY 2 DESC, 1`)).map((r) => [r.reason, Number(r.n)]),
  );
  const cases = (await q<{ n: string; patients: string }>(`SELECT count(*) AS n, count(DISTINCT patient_id) AS patients FROM cases`))[0]!;
  const triage = { urgent: 0, elevated: 0, routine: 0, stable: 0 };
  for (const r of await q<{ level: keyof typeof triage; n: string }>(`SELECT triage_level AS level, count(*) AS n FROM patients GROUP BY 1`)) triage[r.level] = Number(r.n);

  // A concerning text reached a person when an alert was raised on it or took it (or a reading read from it) as evidence,
  // or took as evidence what the same check-in recorded from then on: "no" to "did you take it?" is a missed dose
  // recorded when the patient has said why, or when the question times out; the alert shows the whole exchange.
  // The front desk's list is a person too: a text there is the office's work ("when can I come in for my flu shot").
  const concerning = run.written.filter((w) => w.label?.concerning);
  const reached = new Set(
    (await q<{ sid: string }>(
      `SELECT m.twilio_sid AS sid FROM messages m
       WHERE m.twilio_sid = ANY($1) AND (m.office_topics IS NOT NULL OR EXISTS (SELECT 1 FROM alerts a WHERE a.message_id = m.id)
         OR EXISTS (SELECT 1 FROM alert_evidence e WHERE e.message_id = m.id)
         OR EXISTS (SELECT 1 FROM alert_evidence e JOIN observations o ON o.id = e.observation_id WHERE o.message_id = m.id)
         OR EXISTS (SELECT 1 FROM alert_evidence e JOIN observations o ON o.id = e.observation_id
                    WHERE o.conversation_id = m.conversation_id AND o.observed_at >= m.created_at))`,
      [concerning.map((w) => w.sid)],
    )).map((r) => r.sid),
  );
  const unreached = concerning.filter((w) => !reached.has(w.sid));

  const toPatients = run.twilio.texts.filter((t) => patientOf.has(t.to));
  const callsToPatients = run.twilio.calls.filter((c) => patientOf.has(c.to));
  const invariants: Invariant[] = [];
  const check = (name: string, bad: string[]) => invariants.push({ name, violations: bad.length, examples: bad.slice(0, 5) });

  // Quiet hours: 08:00-21:00 practice time (the default the simulated practice keeps); replies go back in TwiML, not through here.
  const quiet = (at: Date) => local(at).hour < 8 || local(at).hour >= 21;
  check('no text or call to a patient in quiet hours (except replies)', [...toPatients, ...callsToPatients].filter((t) => quiet(t.at)).map((t) => where(t.to, t.at)));

  const optedOut = run.patients.filter((p) => p.optedOutAt);
  const afterOptOut = [...toPatients, ...callsToPatients].filter((t) => { const p = patientOf.get(t.to)!; return p.optedOutAt && t.at > p.optedOutAt; }).map((t) => where(t.to, t.at));
  for (const p of optedOut) {
    const late = await q<{ created_at: Date }>(`SELECT created_at FROM messages WHERE patient_id = $1 AND direction = 'outbound' AND in_reply_to IS NULL AND created_at > $2`, [p.id, p.optedOutAt]);
    afterOptOut.push(...late.map((m) => `${where(p.phone, m.created_at)} (queued)`));
  }
  check('nothing after an opt-out', afterOptOut);

  const twice = await q<{ patient: string; slot: string }>(
    `SELECT o.patient_id AS patient, o.slot FROM outreach o JOIN messages m ON m.conversation_id = o.conversation_id AND m.kind = o.kind AND m.direction = 'outbound'
     WHERE o.status = 'started' GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  const sameDay = new Map<string, number>();
  for (const t of toPatients) { const key = `${t.to}|${t.body}|${local(t.at).toISODate()}`; sameDay.set(key, (sameDay.get(key) ?? 0) + 1); }
  check('no patient texted twice for one slot', [
    ...twice.map((r) => `slot ${r.slot.split(':')[0]} of a patient`),
    ...[...sameDay].filter(([, n]) => n > 1).map(([key]) => `patient ${patientOf.get(key.split('|')[0]!)?.index} got one text ${sameDay.get(key)} times on ${key.split('|').at(-1)}`),
  ]);
  check('every concerning text reached a person', unreached.map((w) => `${w.label!.ref} (${w.label!.level}) from ${where(w.patient.phone, w.at)}`));

  const sequence = await sequenceFigures(run, ARTICLE_CADENCE.time);
  for (const [name, bad] of sequenceChecks(sequence)) check(name, bad);

  const start = DateTime.fromISO(run.options.startDate, { zone: tz }).toJSDate();
  const end = new Date(start.getTime() + run.options.days * 86_400_000);
  const months = await monthRows(run, start, end);
  for (const [name, bad] of [await urgentRang(run), await noBotMinutes(run), await codesConsistent(run, months), ...(await callChecks(run)), ...textChecks(run, await recordedStatuses(run)), ...(await questionnaireChecks(run))]) check(name, bad);

  const questions = run.questions;
  return {
    patients: run.patients.length,
    days: run.options.days,
    seed: run.options.seed,
    practiceTz: tz,
    profile: profileChanges(run.options.profile),
    sequence,
    routine: routineFigures(run),
    texts: {
      toPatients: counts.reduce((a, b) => a + b, 0),
      perPatient: round(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)),
      maxPerPatient: Math.max(0, ...counts),
      byKind,
      toCoordinators,
    },
    calls: { toPatients: callsToPatients.length, toCoordinators: run.twilio.calls.length - callsToPatients.length, ...(await callFigures(run)) },
    delivery: await textFigures(run),
    answered: { questions, answered: run.answered, rate: round(run.answered / Math.max(1, questions)) },
    questionnaire: await questionnaireFigures(run),
    written: {
      total: run.written.length,
      labelled: run.written.filter((w) => w.label).length,
      concerning: concerning.length,
      urgent: concerning.filter((w) => w.label!.level === 'urgent').length,
    },
    alerts: { urgent: alerts.urgent ?? 0, elevated: alerts.elevated ?? 0, cases: Number(cases.n), patientsWithCase: Number(cases.patients), byReason },
    triage,
    reachedNobody: unreached.map((w) => w.label!.ref),
    workload: await workload(run, start, end),
    latency: await latency(run),
    billing: await billing(run, months),
    invariants,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Broken invariants, for a loud exit. */
export const broken = (report: Report) => report.invariants.filter((i) => i.violations > 0);
