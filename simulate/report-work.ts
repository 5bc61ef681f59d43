/**
 * The coordinator's month in figures: the article's workload measures (calls
 * a day, hours of outreach a day, contact completion, patients per
 * coordinator, documentation minutes) and the time from a concern written
 * to a person acting on it. From her log and what the service recorded.
 */
import { patientsInContact } from '../src/store/month-activity.js';
import type { SimRun } from './panel.js';
import { OUTREACH_KINDS, WORK_MODEL, type WorkKind } from './work-model.js';
import { WorkingHours } from './working-hours.js';

const DAYS_A_MONTH = 365.25 / 12;

export interface Spread {
  /** How many were measured (acted on within the run). */
  n: number;
  medianMinutes: number | null;
  p95Minutes: number | null;
  /** Not acted on by the end of the run. */
  waiting: number;
}

export interface Workload {
  workingDays: number;
  calls: { attempted: number; completed: number; attemptedPerDay: number; completedPerDay: number; byOutcome: Record<string, number> };
  /** Her texts to patients from their cases, answers a call would otherwise have given. */
  texts: { sent: number; perDay: number };
  /** Her phone rung by the escalation chain (urgent alerts). */
  rings: number;
  minutesByKind: Record<WorkKind, number>;
  /** Hours a working day: outreach and documentation (OUTREACH_KINDS), and everything she did. */
  hoursPerDay: { outreach: number; total: number };
  /** Patients (not opted out) with two-way contact in the run, by the service's own rule (a reply, an answered call, a logged call). */
  contact: { patients: number; reached: number; rate: number };
  /** The panel she could carry, scaled linearly from this one (null: she did nothing to scale). */
  patientsPerCoordinator: { atOutreachShare: number | null; wholeDay: number | null };
  documentation: { minutesPerPatient: number; minutesPerPatientMonth: number };
}

export interface Latency {
  /** Every patient text an alert was raised on or took as evidence, to her opening its case. */
  concerns: Spread;
  urgentOpened: Spread;
  elevatedOpened: Spread;
  /** Urgent alerts, from the text to the on-call ring (the escalation chain's first call). */
  urgentRang: Spread;
  /** Urgent alerts, from the text to a person acknowledging it: a key on the ring, or her opening the case. */
  urgentAcknowledged: Spread;
}

const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

/** Nearest-rank percentile of minutes. */
function spread(minutes: number[], waiting: number): Spread {
  const sorted = [...minutes].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!) : null);
  return { n: sorted.length, medianMinutes: rank(0.5), p95Minutes: rank(0.95), waiting };
}

export async function workload(run: SimRun, start: Date, end: Date): Promise<Workload> {
  const { log } = run.coordinator;
  const workingDays = new WorkingHours(run.options.practiceTz).workingDays(start, end);
  const perDay = (n: number) => round(n / Math.max(1, workingDays));
  const byOutcome: Record<string, number> = {};
  for (const c of log.calls) byOutcome[c.outcome] = (byOutcome[c.outcome] ?? 0) + 1;
  const attempted = log.calls.filter((c) => c.outcome !== 'called_back').length;
  const completed = (byOutcome.answered ?? 0) + (byOutcome.called_back ?? 0);
  const minutesByKind = { today: 0, review: 0, call: 0, text: 0, documentation: 0, approval: 0 } satisfies Record<WorkKind, number>;
  for (const w of log.work) minutesByKind[w.kind] += w.minutes;
  for (const k of Object.keys(minutesByKind) as WorkKind[]) minutesByKind[k] = round(minutesByKind[k], 1);
  const total = Object.values(minutesByKind).reduce((a, b) => a + b, 0) / 60;
  const outreach = OUTREACH_KINDS.reduce((a, k) => a + minutesByKind[k], 0) / 60;

  const active = run.patients.filter((p) => !p.optedOutAt);
  const reached = await patientsInContact(run.service.db.pool, active.map((p) => p.id!), { from: start, to: end });
  const totalPerDay = total / Math.max(1, workingDays);
  const scale = (hours: number) => (totalPerDay > 0 ? Math.round((run.patients.length * hours) / totalPerDay) : null);
  const documentation = (minutesByKind.documentation + minutesByKind.approval) / Math.max(1, active.length);
  return {
    workingDays,
    calls: { attempted, completed, attemptedPerDay: perDay(attempted), completedPerDay: perDay(completed), byOutcome },
    texts: { sent: log.texts.length, perDay: perDay(log.texts.length) },
    rings: run.twilio.calls.filter((c) => c.to === run.coordinatorPhone).length,
    minutesByKind,
    hoursPerDay: { outreach: perDay(outreach), total: perDay(total) },
    contact: { patients: active.length, reached: reached.size, rate: round(reached.size / Math.max(1, active.length), 3) },
    patientsPerCoordinator: { atOutreachShare: scale(WORK_MODEL.fullDayHours * WORK_MODEL.outreachShare), wholeDay: scale(WORK_MODEL.fullDayHours) },
    documentation: { minutesPerPatient: round(documentation), minutesPerPatientMonth: round((documentation * DAYS_A_MONTH) / run.options.days) },
  };
}

export async function latency(run: SimRun): Promise<Latency> {
  const { pool } = run.service.db;
  // Every patient text behind an alert: the one it was raised on, or evidence (itself or a reading read from it).
  const behind = (
    await pool.query<{ message_id: string; written_at: Date; case_id: string; level: 'urgent' | 'elevated' }>(
      `SELECT m.id AS message_id, m.created_at AS written_at, a.case_id, a.level
         FROM messages m JOIN alerts a ON a.message_id = m.id WHERE m.direction = 'inbound'
       UNION
       SELECT m.id, m.created_at, a.case_id, a.level
         FROM alert_evidence e JOIN messages m ON m.id = e.message_id JOIN alerts a ON a.id = e.alert_id WHERE m.direction = 'inbound'
       UNION
       SELECT m.id, m.created_at, a.case_id, a.level
         FROM alert_evidence e JOIN observations o ON o.id = e.observation_id JOIN messages m ON m.id = o.message_id JOIN alerts a ON a.id = e.alert_id
        WHERE m.direction = 'inbound'`,
    )
  ).rows;
  const texts = new Map<string, { at: number; cases: Set<string>; urgent: boolean }>();
  for (const r of behind) {
    const t = texts.get(r.message_id) ?? { at: r.written_at.getTime(), cases: new Set<string>(), urgent: false };
    t.cases.add(r.case_id);
    t.urgent ||= r.level === 'urgent';
    texts.set(r.message_id, t);
  }
  const opened = run.coordinator.log.opened;
  const acted = (t: { at: number; cases: Set<string> }) => opened.find((o) => t.cases.has(o.caseId) && o.at.getTime() >= t.at)?.at.getTime();
  const measure = (subset: Array<{ at: number; cases: Set<string> }>) => {
    const times = subset.map((t) => ({ t, acted: acted(t) }));
    return spread(times.flatMap(({ t, acted: a }) => (a === undefined ? [] : [(a - t.at) / 60_000])), times.filter((x) => x.acted === undefined).length);
  };
  const all = [...texts.values()];

  const rang = (
    await pool.query<{ created_at: Date; rang: Date | null }>(
      `SELECT a.created_at, min(e.started_at) FILTER (WHERE e.kind = 'call' AND e.round >= 1) AS rang
         FROM alerts a LEFT JOIN escalation_attempts e ON e.alert_id = a.id WHERE a.level = 'urgent' GROUP BY a.id, a.created_at`,
    )
  ).rows;
  // The text an urgent alert was raised on (else the alert itself), to its acknowledgement.
  const acknowledged = (
    await pool.query<{ written_at: Date; acknowledged_at: Date | null }>(
      `SELECT coalesce(m.created_at, a.created_at) AS written_at, a.acknowledged_at
         FROM alerts a LEFT JOIN messages m ON m.id = a.message_id WHERE a.level = 'urgent'`,
    )
  ).rows;
  return {
    concerns: measure(all),
    urgentOpened: measure(all.filter((t) => t.urgent)),
    elevatedOpened: measure(all.filter((t) => !t.urgent)),
    urgentRang: spread(rang.flatMap((r) => (r.rang ? [(r.rang.getTime() - r.created_at.getTime()) / 60_000] : [])), rang.filter((r) => !r.rang).length),
    urgentAcknowledged: spread(acknowledged.flatMap((r) => (r.acknowledged_at ? [(r.acknowledged_at.getTime() - r.written_at.getTime()) / 60_000] : [])), acknowledged.filter((r) => !r.acknowledged_at).length),
  };
}
