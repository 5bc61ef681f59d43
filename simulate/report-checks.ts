/**
 * The invariants about people and billing: every urgent alert rang the
 * on-call chain within a minute; no billed minute came from the bot (every
 * counting time entry is the coordinator's, logged by her or captured from
 * her own handling); every month's codes follow from its minutes. The code
 * rules here are written out again from DOMAIN.md on purpose: a check that
 * called the service's own code would agree with it by construction.
 */
import { DateTime } from 'luxon';
import type { SimRun } from './panel.js';
import type { MonthRow } from './report-billing.js';

export type Check = [name: string, violations: string[]];

const RING_WITHIN_MS = 60_000;

export async function urgentRang(run: SimRun): Promise<Check> {
  const { rows } = await run.service.db.pool.query<{ patient_id: string; created_at: Date; rang: Date | null }>(
    `SELECT a.patient_id, a.created_at, min(e.started_at) FILTER (WHERE e.kind = 'call' AND e.round >= 1) AS rang
       FROM alerts a LEFT JOIN escalation_attempts e ON e.alert_id = a.id WHERE a.level = 'urgent' GROUP BY a.id, a.patient_id, a.created_at`,
  );
  const rings = run.twilio.calls.filter((c) => c.to === run.coordinatorPhone).map((c) => c.at.getTime());
  const bad = rows.filter((r) => {
    const from = r.created_at.getTime();
    const chain = r.rang !== null && r.rang.getTime() - from <= RING_WITHIN_MS;
    return !chain || !rings.some((t) => t >= from && t - from <= RING_WITHIN_MS);
  });
  return ['every urgent alert rang the on-call chain within a minute', bad.map((r) => `${who(run, r.patient_id, r.created_at)}: ${r.rang ? `rang after ${Math.round((r.rang.getTime() - r.created_at.getTime()) / 1000)} s` : 'never rang'}`)];
}

/** Every counting entry is the coordinator's: one she logged, or captured from an alert she resolved or a call bridged to her. */
export async function noBotMinutes(run: SimRun): Promise<Check> {
  const me = run.coordinator.coordinatorId;
  const { rows } = await run.service.db.pool.query<{ patient_id: string; staff_id: string; started_at: Date; ended_at: Date; source: string; captured_from: string | null }>(
    'SELECT patient_id, staff_id, started_at, ended_at, source, captured_from FROM time_entries WHERE superseded_at IS NULL ORDER BY started_at, patient_id',
  );
  const resolvedByHer = new Set((await run.service.db.pool.query<{ id: string }>('SELECT id FROM alerts WHERE resolved_by = $1', [me])).rows.map((r) => r.id));
  const bridgedToHer = new Set(
    (await run.service.db.pool.query<{ id: string }>('SELECT id FROM escalation_attempts WHERE coordinator_id = $1 AND bridge_seconds > 0', [me])).rows.map((r) => r.id),
  );
  const logged = new Set(run.coordinator.log.entries.map((e) => `${e.patientId}|${e.start.getTime()}|${e.seconds}`));
  const bad = rows.filter((e) => {
    if (e.staff_id !== me) return true;
    const seconds = Math.round((e.ended_at.getTime() - e.started_at.getTime()) / 1000);
    if (e.source === 'manual') return !logged.has(`${e.patient_id}|${e.started_at.getTime()}|${seconds}`);
    const [kind, id] = (e.captured_from ?? ':').split(':');
    return !((kind === 'alert' && resolvedByHer.has(id!)) || (kind === 'escalation_call' && bridgedToHer.has(id!)));
  });
  return ['no billed minute from bot activity (every time entry is the coordinator\'s)', bad.map((e) => `${who(run, e.patient_id, e.started_at)}: ${e.source} entry${e.captured_from ? ` from ${e.captured_from.split(':')[0]}` : ''}`)];
}

/** DOMAIN.md's thresholds: [base, its minutes, add-on, its minutes, most add-ons]. */
const FAMILIES = [
  ['99490', 20, '99439', 20, 2],
  ['99487', 60, '99489', 30, Infinity],
  ['99491', 30, '99437', 30, Infinity],
] as const;

/** Why a month with the minutes may still have no code: no consent, too few conditions under the plan, the code turned off. */
const BLOCKING: readonly string[] = ['no_consent', 'too_few_conditions', 'code_disabled'];

/** What is wrong with a month's codes for its minutes, or null. */
function codesProblem(row: MonthRow): string | null {
  const staffAndPractitioner = row.clinicalStaffSeconds + row.practitionerSeconds;
  const bases = row.codes.filter((c) => FAMILIES.some(([base]) => base === c.code));
  if (row.codes.length === 0) {
    const blocked = row.warnings.some((w) => BLOCKING.includes(w.code));
    return staffAndPractitioner >= 20 * 60 && !blocked ? `${Math.floor(staffAndPractitioner / 60)} min and no code` : null;
  }
  if (bases.length !== 1 || bases[0]!.units !== 1) return `${row.codes.map((c) => c.code).join(' + ')}: not one base code`;
  const [base, baseMinutes, addOn, addOnMinutes, most] = FAMILIES.find(([b]) => b === bases[0]!.code)!;
  const seconds = base === '99491' ? row.practitionerSeconds : staffAndPractitioner;
  if (seconds < baseMinutes * 60) return `${base} on ${Math.floor(seconds / 60)} min`;
  const units = Math.min(most, Math.floor((seconds - baseMinutes * 60) / (addOnMinutes * 60)));
  const given = row.codes.find((c) => c.code === addOn)?.units ?? 0;
  if (row.codes.some((c) => c.code !== base && c.code !== addOn)) return `${row.codes.map((c) => c.code).join(' + ')}: codes of two families`;
  return given === units ? null : `${addOn} x${given} on ${Math.floor(seconds / 60)} min (x${units} expected)`;
}

/**
 * Codes follow from the minutes, and the minutes are the month's counting time entries:
 * for a draft, those counting now; for an approved month, those that counted when it was
 * approved (later time is an addendum beside the frozen record).
 */
export async function codesConsistent(run: SimRun, months: Array<{ month: string; rows: MonthRow[] }>): Promise<Check> {
  const zone = run.options.practiceTz;
  const bad: string[] = [];
  for (const { month, rows } of months) {
    const from = DateTime.fromISO(`${month}-01`, { zone });
    const [start, end] = [from.toMillis(), from.plus({ months: 1 }).toMillis()];
    const { rows: entries } = await run.service.db.pool.query<{ patient_id: string; started_at: Date; ended_at: Date; recorded_at: Date; superseded_at: Date | null }>(
      'SELECT patient_id, started_at, ended_at, recorded_at, superseded_at FROM time_entries WHERE started_at < $2 AND ended_at > $1',
      [new Date(start), new Date(end)],
    );
    /** Seconds in the month of the patient's entries that counted at `at` (null: now). */
    const countedAt = (patientId: string, at: number | null) =>
      entries
        .filter((e) => e.patient_id === patientId && (at === null ? !e.superseded_at : e.recorded_at.getTime() <= at && (!e.superseded_at || e.superseded_at.getTime() > at)))
        .reduce((a, e) => a + Math.max(0, Math.floor((Math.min(e.ended_at.getTime(), end) - Math.max(e.started_at.getTime(), start)) / 1000)), 0);
    for (const row of rows) {
      const problem = codesProblem(row);
      const seconds = row.clinicalStaffSeconds + row.practitionerSeconds;
      const entered = countedAt(row.patientId, row.approval ? Date.parse(row.approval.approvedAt) : null);
      if (problem) bad.push(`${month} ${name(run, row.patientId)} (${row.status}): ${problem}`);
      if (seconds !== entered) bad.push(`${month} ${name(run, row.patientId)} (${row.status}): ${seconds} s on the month, ${entered} s in its time entries`);
    }
  }
  return ['every month\'s codes consistent with its minutes', bad];
}

const name = (run: SimRun, patientId: string) => `patient ${run.patients.find((p) => p.id === patientId)?.index ?? '?'}`;
const who = (run: SimRun, patientId: string, at: Date) =>
  `${name(run, patientId)} at ${DateTime.fromJSDate(at, { zone: run.options.practiceTz }).toFormat('LLL d HH:mm')}`;
