/**
 * The month's sequence as the service ran it (issue 24: "the simulator's
 * report compares the fixed and the learned sequence on the same seeded
 * panel"): the cadence's touchpoints (the week 1 and 3 check-ins, the week-2
 * questionnaire; not the summary email, nor dose reminders) the service
 * started, by what they went (a text, a call, a link by text) and at which
 * local hour, and how many the patient answered; the patients the coordinator
 * had to call; the automated calls. From the service's records (outreach,
 * conversations, messages, questionnaire links, patient calls), the
 * practice's API and the coordinator's log, not from what the simulated
 * patients meant to do, so both sequences are measured alike.
 */
import { createApi } from './api.js';
import type { Sequence, SimRun } from './panel.js';

export interface SequenceFigures {
  sequence: Sequence;
  /** What the practice runs (GET /practices/:id's outreach.channelChoice, else its row's channel_choice); null: neither says. */
  setting: string | null;
  touchpoints: {
    sent: number;
    /** By what each went: a text check-in, a check-in call, the questionnaire's link. */
    by: Record<Medium, { sent: number; answered: number }>;
    answered: number;
    /** Sent at a local hour other than the cadence's (the learned hour), or by call to a patient who chose texts. */
    offHour: number;
    callInsteadOfText: number;
    /** Sent, by local hour ("10:00"). */
    hours: Record<string, number>;
  };
  /** Patient-months with a touchpoint sent, and those with at least one answered; each month of the run apart too. */
  patientMonths: { withTouchpoint: number; answered: number };
  months: Array<{ month: string; sent: number; answered: number; patientMonths: number; answeredMonths: number }>;
  /** Patient-months the call list named for a call (read by the coordinator), by reason, and either. */
  callList: { unreachable: number; nonResponder: number; either: number };
  /** The coordinator's own calls (her desk phone), attempts: to those on the call list, about cases; patients called from the list. */
  coordinatorCalls: { placed: number; fromCallList: number; aboutCases: number; patientsFromList: number };
  /** The service's calls to patients (check-ins; every attempt), and those a person answered. */
  automatedCalls: { placed: number; answered: number };
}

export type Medium = 'text' | 'call' | 'link';

interface TouchpointRow {
  patient_id: string;
  month: string;
  medium: Medium;
  preferred: 'sms' | 'voice';
  hour: string;
  answered: boolean;
}

export async function sequenceFigures(run: SimRun, cadenceTime: string): Promise<SequenceFigures> {
  const { pool } = run.service.db;
  // Cadence slots are keyed 'check_in:<month>:<week>:<weekday>:<flow>' (src/planning/plan.ts), whatever
  // kind the plan made of them (a questionnaire's week by phone is a symptoms check-in).
  const rows = (
    await pool.query<TouchpointRow>(
      `SELECT o.patient_id, split_part(o.slot, ':', 2) AS month, p.preferred_channel AS preferred,
              CASE WHEN o.kind = 'questionnaire' THEN 'link' WHEN coalesce(c.channel, p.preferred_channel) = 'voice' THEN 'call' ELSE 'text' END AS medium,
              to_char(o.planned_for AT TIME ZONE coalesce(p.timezone, pr.timezone), 'HH24:MI') AS hour,
              CASE WHEN o.kind = 'questionnaire' THEN q.submitted_at IS NOT NULL
                   ELSE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = o.conversation_id AND m.direction = 'inbound') END AS answered
         FROM outreach o
         JOIN patients p ON p.id = o.patient_id
         JOIN practices pr ON pr.id = o.practice_id
         LEFT JOIN conversations c ON c.id = o.conversation_id
         LEFT JOIN questionnaire_links q ON q.outreach_id = o.id
        WHERE o.slot LIKE 'check_in:%' AND o.kind IN ('check_in', 'questionnaire') AND o.status = 'started'
        ORDER BY o.patient_id, o.slot`,
    )
  ).rows;

  const by: SequenceFigures['touchpoints']['by'] = { text: { sent: 0, answered: 0 }, call: { sent: 0, answered: 0 }, link: { sent: 0, answered: 0 } };
  const hours: Record<string, number> = {};
  const months = new Map<string, { sent: number; answered: number; patients: Set<string>; reached: Set<string> }>();
  for (const r of rows) {
    by[r.medium].sent += 1;
    if (r.answered) by[r.medium].answered += 1;
    hours[r.hour] = (hours[r.hour] ?? 0) + 1;
    const m = months.get(r.month) ?? { sent: 0, answered: 0, patients: new Set<string>(), reached: new Set<string>() };
    m.sent += 1;
    m.patients.add(r.patient_id);
    if (r.answered) {
      m.answered += 1;
      m.reached.add(r.patient_id);
    }
    months.set(r.month, m);
  }
  const monthRows = [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, sent: m.sent, answered: m.answered, patientMonths: m.patients.size, answeredMonths: m.reached.size }));

  const { log } = run.coordinator;
  const listed = (reason?: string) => new Set(log.listed.filter((l) => !reason || l.reason === reason).map((l) => `${l.patientId}|${l.month}`)).size;
  const placed = log.calls.filter((c) => c.outcome !== 'called_back');
  const automated = (
    await pool.query<{ placed: string; answered: string }>(
      `SELECT count(*) AS placed, count(*) FILTER (WHERE outcome = 'answered') AS answered FROM patient_calls WHERE direction = 'outbound' AND patient_id IS NOT NULL`,
    )
  ).rows[0]!;

  return {
    sequence: run.options.sequence,
    setting: await practiceSetting(run),
    touchpoints: {
      sent: rows.length,
      by,
      answered: rows.filter((r) => r.answered).length,
      offHour: rows.filter((r) => r.hour !== cadenceTime).length,
      callInsteadOfText: rows.filter((r) => r.medium === 'call' && r.preferred === 'sms').length,
      hours: Object.fromEntries(Object.entries(hours).sort(([a], [b]) => a.localeCompare(b))),
    },
    patientMonths: { withTouchpoint: monthRows.reduce((a, m) => a + m.patientMonths, 0), answered: monthRows.reduce((a, m) => a + m.answeredMonths, 0) },
    months: monthRows,
    callList: { unreachable: listed('unreachable'), nonResponder: listed('non_responder'), either: listed() },
    coordinatorCalls: {
      placed: placed.length,
      fromCallList: placed.filter((c) => c.about === 'call_list').length,
      aboutCases: placed.filter((c) => c.about === 'case').length,
      patientsFromList: new Set(placed.filter((c) => c.about === 'call_list').map((c) => c.patientId)).size,
    },
    automatedCalls: { placed: Number(automated.placed), answered: Number(automated.answered) },
  };
}

/**
 * The practice's outreach.channelChoice as its API gives it; when the API's view leaves it out,
 * as the practices table holds it (channel_choice); null when neither has it: no such setting.
 */
async function practiceSetting(run: SimRun): Promise<string | null> {
  const api = createApi(run.service.app, run.service.config.adminToken!);
  const practice = await api.get<{ outreach?: { channelChoice?: unknown } }>(`/practices/${run.practice.id}`);
  const value = practice.outreach?.channelChoice;
  if (typeof value === 'string') return value;
  try {
    const { rows } = await run.service.db.pool.query<{ channel_choice: string | null }>('SELECT channel_choice FROM practices WHERE id = $1', [run.practice.id]);
    return rows[0]?.channel_choice ?? null;
  } catch {
    return null;
  }
}

/** The checks: the practice runs the sequence asked for; no figure answers more than was sent. */
export function sequenceChecks(f: SequenceFigures): Array<[string, string[]]> {
  const t = f.touchpoints;
  const over = [
    ...Object.entries(t.by).filter(([, x]) => x.answered > x.sent).map(([medium, x]) => `${medium}: ${x.answered} answered of ${x.sent}`),
    ...f.months.filter((m) => m.answered > m.sent || m.answeredMonths > m.patientMonths).map((m) => `${m.month}: ${m.answered} of ${m.sent}, ${m.answeredMonths} of ${m.patientMonths} patients`),
    ...(f.automatedCalls.answered > f.automatedCalls.placed ? [`calls: ${f.automatedCalls.answered} answered of ${f.automatedCalls.placed}`] : []),
  ];
  return [
    ['the practice runs the sequence asked for (outreach.channelChoice)', f.setting === f.sequence ? [] : [`asked for ${f.sequence}, the practice says ${f.setting ?? 'nothing'}`]],
    ['no touchpoint figure answers more than was sent', over],
  ];
}

/** A share as "62.5%" ("-" of nothing). */
export const share = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);

/**
 * The comparison as rows: a label, then one cell per sequence (fixed, learned). Text and HTML
 * alike; each cell holds the count and, where it is one, the share.
 */
export function comparisonRows(runs: readonly SequenceFigures[]): Array<[string, ...string[]]> {
  const row = (label: string, cell: (f: SequenceFigures) => string): [string, ...string[]] => [label, ...runs.map(cell)];
  const months = [...new Set(runs.flatMap((f) => f.months.map((m) => m.month)))].sort();
  const month = (f: SequenceFigures, name: string) => f.months.find((m) => m.month === name);
  return [
    row('touchpoints sent', (f) => String(f.touchpoints.sent)),
    row('  by text / call / link', (f) => `${f.touchpoints.by.text.sent} / ${f.touchpoints.by.call.sent} / ${f.touchpoints.by.link.sent}`),
    row('  off the cadence hour; call, not text', (f) => `${f.touchpoints.offHour}; ${f.touchpoints.callInsteadOfText}`),
    row('  at local hour', (f) => Object.entries(f.touchpoints.hours).map(([h, n]) => `${h} ${n}`).join(', ') || '-'),
    row('touchpoints answered', (f) => `${f.touchpoints.answered} (${share(f.touchpoints.answered, f.touchpoints.sent)})`),
    row('  by text', (f) => `${f.touchpoints.by.text.answered} (${share(f.touchpoints.by.text.answered, f.touchpoints.by.text.sent)})`),
    row('  by call', (f) => `${f.touchpoints.by.call.answered} (${share(f.touchpoints.by.call.answered, f.touchpoints.by.call.sent)})`),
    row('  by link (form sent back)', (f) => `${f.touchpoints.by.link.answered} (${share(f.touchpoints.by.link.answered, f.touchpoints.by.link.sent)})`),
    ...months.map((name) =>
      row(`  in ${name}`, (f) => {
        const m = month(f, name);
        return m ? `${m.answered} of ${m.sent} (${share(m.answered, m.sent)})` : '-';
      }),
    ),
    row('patient-months answered (>= 1)', (f) => `${f.patientMonths.answered} of ${f.patientMonths.withTouchpoint} (${share(f.patientMonths.answered, f.patientMonths.withTouchpoint)})`),
    ...months.map((name) =>
      row(`  in ${name}`, (f) => {
        const m = month(f, name);
        return m ? `${m.answeredMonths} of ${m.patientMonths} (${share(m.answeredMonths, m.patientMonths)})` : '-';
      }),
    ),
    row('call list: unreachable / non-responder', (f) => `${f.callList.unreachable} / ${f.callList.nonResponder} (${f.callList.either} patient-months)`),
    row('coordinator calls placed', (f) => `${f.coordinatorCalls.placed} (${f.coordinatorCalls.fromCallList} from the list, to ${f.coordinatorCalls.patientsFromList} patients; ${f.coordinatorCalls.aboutCases} about cases)`),
    row('automated calls placed (answered)', (f) => `${f.automatedCalls.placed} (${f.automatedCalls.answered})`),
  ];
}

/** What the comparison's figures mean, for the table's foot. */
export const COMPARISON_NOTES = [
  "Touchpoints: the cadence's week 1 and 3 check-ins and week-2 questionnaire the service started (outreach rows), not dose reminders or the summary email. A text or call is answered when the patient replied in its conversation (a key on a call counts), a link when the form was sent back (the service's own rule in src/store/contact-history.ts).",
  'Call list: patient-months the coordinator found on GET /call-list as unreachable (texts unanswered in a row) or non-responder (silent this month from day 20), whether or not she reached them; her calls are from her log (her desk phone, the article\'s outcomes, the same for every patient).',
  "The learned sequence learns from each patient's history, so it can differ only from the second month; the plan is made nightly. The patients' routines (who works days, who ignores texts) are the simulator's assumptions (simulate/routine.ts, profile.ts).",
];
