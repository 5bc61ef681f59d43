/**
 * The invariants about people and billing: every urgent alert rang the
 * on-call chain within a minute; no billed minute came from the bot (every
 * counting time entry is the coordinator's, logged by her or captured from
 * her own handling); every month's codes follow from its minutes. The code
 * rules here are written out again from DOMAIN.md on purpose: a check that
 * called the service's own code would agree with it by construction. And the
 * week-2 questionnaire's: every form sent back is in the patient's
 * observations (what each answer should make is written out here too), every
 * self-harm answer took the crisis path and raised an urgent alert, no link's
 * token is in a stored message, every form request answered without a 5xx.
 */
import type pg from 'pg';
import { DateTime } from 'luxon';
import { FALL_LINK_IDS, HEALTH_LINK_ID, phqLinkId, READING_LINK_IDS, SYMPTOM_LINK_IDS } from '../src/flows/questionnaire/index.js';
import type { SimRun } from './panel.js';
import type { MonthRow } from './report-billing.js';
import { PHQ_POINTS } from './form-answers.js';
import { tokenIn } from './form-visitor.js';
import { linkOf, selfHarmAlert } from './report-questionnaire.js';

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

/** What a form's answers (as the service took them, by field name) must have become: one observation each. */
function expectedObservations(taken: Record<string, string>): Array<{ what: string; is: (o: { kind: string; value: Record<string, unknown> }) => boolean }> {
  const expected: ReturnType<typeof expectedObservations> = [];
  const add = (what: string, kind: string, value: Record<string, unknown>) =>
    expected.push({ what, is: (o) => o.kind === kind && Object.entries(value).every(([k, v]) => o.value[k] === v) });
  if (taken[HEALTH_LINK_ID]) add(`self-rated health ${taken[HEALTH_LINK_ID]}`, 'self_rated_health', { answer: taken[HEALTH_LINK_ID] });
  const phq = (count: number) => {
    const points = Array.from({ length: count }, (_, i) => PHQ_POINTS[taken[phqLinkId(i + 1)] ?? '']);
    return points.every((x) => x !== undefined) ? points.reduce((a, b) => a! + b!, 0)! : null;
  };
  const [phq2, phq9] = [phq(2), phq(9)];
  if (phq2 !== null) add(`PHQ-2 ${phq2}`, 'depression_screen', { instrument: 'phq2', score: phq2 });
  if (phq9 !== null) add(`PHQ-9 ${phq9}`, 'depression_screen', { instrument: 'phq9', score: phq9 });
  for (const [name, value] of Object.entries(taken)) {
    const medicine = /^medicine\.(.+)\.taken$/.exec(name)?.[1];
    if (medicine) add(`a medicine ${value === 'yes' ? 'taken' : 'not taken'}`, 'medication_adherence', { medicationId: medicine, taken: value === 'yes' });
  }
  const number = (name: string) => (taken[name] ? Number(taken[name]) : null);
  const [top, bottom, sugar, weight] = [number(READING_LINK_IDS.systolic), number(READING_LINK_IDS.diastolic), number(READING_LINK_IDS.glucose), number(READING_LINK_IDS.weight)];
  if (top !== null && bottom !== null) add(`BP ${top}/${bottom}`, 'blood_pressure', { systolic: top, diastolic: bottom });
  if (sugar !== null) add(`glucose ${sugar}`, 'glucose', { mgdl: sugar });
  if (weight !== null) add(`weight ${weight}`, 'weight', { pounds: weight });
  if (taken[FALL_LINK_IDS.fell] === 'yes') add('a fall', 'concern_reported', { category: 'fall' });
  if (taken[SYMPTOM_LINK_IDS.any] === 'yes') add('symptoms new or worse', 'symptom_trend', { trend: 'worse' });
  return expected;
}

export async function questionnaireChecks(run: SimRun): Promise<Check[]> {
  const { pool } = run.service.db;
  const forms = run.forms.forms;
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: run.options.practiceTz }).toFormat('LLL d HH:mm');

  const unrecorded: string[] = [];
  const unreached: string[] = [];
  for (const form of forms.filter((f) => f.completedAt)) {
    const link = await linkOf(run, form);
    const whose = `patient ${form.patient.index}'s form (${local(form.completedAt!)})`;
    if (!link?.response_message_id) {
      unrecorded.push(`${whose}: ${link ? 'no response recorded' : 'no link for its tokens'}`);
      continue;
    }
    const { rows } = await pool.query<{ kind: string; value: Record<string, unknown> }>('SELECT kind, value FROM observations WHERE message_id = $1 AND patient_id = $2', [link.response_message_id, form.patient.id]);
    for (const e of expectedObservations(form.taken)) if (!rows.some(e.is)) unrecorded.push(`${whose}: ${e.what} not among its observations`);
    // Concerning words of their own on the form reached a person: an alert on the form's answers, or them as evidence.
    for (const w of form.answers.written.filter((x) => x.label.concerning && form.taken[x.linkId] !== undefined)) {
      const { rows: reached } = await pool.query(
        `SELECT 1 FROM alerts a WHERE a.message_id = $1
         UNION ALL SELECT 1 FROM alert_evidence e WHERE e.message_id = $1
         UNION ALL SELECT 1 FROM alert_evidence e JOIN observations o ON o.id = e.observation_id WHERE o.message_id = $1 LIMIT 1`,
        [link.response_message_id],
      );
      if (reached.length === 0) unreached.push(`${w.label.ref} (${w.label.level}) written on ${whose}`);
    }
  }

  const selfHarm: string[] = [];
  for (const form of forms.filter((f) => f.selfHarm)) {
    const answer = form.selfHarm!;
    const whose = `patient ${form.patient.index} at ${local(answer.at)}`;
    if (answer.location !== '/q/crisis') selfHarm.push(`${whose}: the answer led to ${answer.location ?? 'no redirect'}, not the crisis page`);
    else if (!answer.crisisPage) selfHarm.push(`${whose}: the crisis page did not offer 988`);
    if (!(await selfHarmAlert(run, form.patient.id!, answer.at))) selfHarm.push(`${whose}: no urgent alert on the answer`);
  }

  const tokens = [...new Set(run.twilio.messages.map((m) => tokenIn(m.body)).filter((t): t is string => t !== null))];
  const leaks = await tokenLeaks(pool, tokens);

  const failed = run.forms.requests.filter((r) => r.status >= 500).map((r) => `${r.method} ${r.path} answered ${r.status} at ${local(r.at)}`);
  const refused = forms.flatMap((f) => [...f.refused, ...f.answers.unknown].map((x) => `patient ${f.patient.index}: ${x}`));
  return [
    ["every completed form's answers are in the patient's observations", unrecorded],
    ['everything concerning written on a form reached a person', unreached],
    ['every self-harm answer took the crisis path and raised an urgent alert', selfHarm],
    ['no questionnaire token in any stored message body', leaks.map((r) => `${r.n} ${r.kind} message(s) hold a link's token`)],
    ['no form request answered 5xx', failed],
    ['every form screen the patients posted was taken', refused],
  ];
}

/**
 * Stored messages holding any of these tokens, per kind (ordered by kind as PostgreSQL orders it): a message
 * counts once for each token it holds, as a join of messages and tokens on position(token IN body) > 0
 * counts. That join compared every token with every message, a cost that grew with the square of the panel
 * (tens of thousands of each at 4,000 patients). A body holds a token exactly when one of its windows of the
 * token's length is one; only a body with a run of that many word characters (tokens are [A-Za-z0-9_-])
 * can, so PostgreSQL sends only those.
 */
async function tokenLeaks(pool: pg.Pool, tokens: string[]): Promise<Array<{ kind: string; n: number }>> {
  if (tokens.length === 0) return [];
  const wanted = new Set(tokens);
  const lengths = [...new Set(tokens.map((t) => t.length))];
  const { rows } = await pool.query<{ kind: string; body: string }>('SELECT kind, body FROM messages WHERE body ~ $1 ORDER BY kind', [
    `[[:alnum:]_-]{${Math.min(...lengths)}}`,
  ]);
  const counts = new Map<string, number>();
  for (const { kind, body } of rows) {
    const held = new Set<string>();
    for (const length of lengths) for (let i = 0; i + length <= body.length; i += 1) if (wanted.has(body.slice(i, i + length))) held.add(body.slice(i, i + length));
    if (held.size > 0) counts.set(kind, (counts.get(kind) ?? 0) + held.size);
  }
  return [...counts].map(([kind, n]) => ({ kind, n }));
}
