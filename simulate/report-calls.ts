/**
 * The service's own calls as the simulated Twilio saw them (who picked up:
 * a person, a machine, nobody, a busy line), check-in calls and escalation
 * rings apart, beside what the service recorded of them; and the checks on
 * them: every webhook answered, every call recorded as it went, everything
 * alarming said on a call reached a person.
 */
import type { SimRun } from './panel.js';
import type { CallKind } from './calls.js';
import type { Check } from './report-checks.js';

export interface CallFigures {
  /** Placed by the service, by outcome (human, machine, no_answer, busy). */
  checkIn: Record<string, number>;
  rings: Record<string, number>;
  /** Patients who let a check-in call ring out and called the practice back. */
  callbacks: number;
  /** Keys and words callers gave the service's questions. */
  responses: number;
  /** What the service made of them: observations from call answers, rings acknowledged by key. */
  observationsFromCalls: number;
  ringsAcknowledged: number;
  /** Things patients said on calls from the labelled corpora, and how many were concerning. */
  spoken: { total: number; concerning: number };
}

const count = (run: SimRun, kind: CallKind) => {
  const byOutcome: Record<string, number> = { human: 0, machine: 0, no_answer: 0, busy: 0 };
  for (const r of run.twilio.phones.records) if (r.kind === kind) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  return byOutcome;
};

export async function callFigures(run: SimRun): Promise<CallFigures> {
  const q = async (sql: string) => Number((await run.service.db.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const records = run.twilio.phones.records;
  return {
    checkIn: count(run, 'check_in'),
    rings: count(run, 'escalation'),
    callbacks: records.filter((r) => r.kind === 'callback').length,
    responses: records.reduce((a, r) => a + r.responses, 0),
    observationsFromCalls: await q(`SELECT count(*) AS n FROM observations o JOIN messages m ON m.id = o.message_id WHERE m.kind = 'voice_answer'`),
    ringsAcknowledged: await q(`SELECT count(*) AS n FROM escalation_attempts WHERE kind = 'call' AND outcome IN ('acknowledged', 'bridged')`),
    spoken: { total: run.twilio.phones.spoken.length, concerning: run.twilio.phones.spoken.filter((s) => s.label.concerning).length },
  };
}

/** What the service should have recorded for each way a call went. */
const EXPECTED: Record<'check_in' | 'escalation', Record<string, (outcome: string | null) => boolean>> = {
  check_in: { human: (o) => o === 'answered', machine: (o) => o === 'machine', no_answer: (o) => o === 'no-answer', busy: (o) => o === 'busy' },
  escalation: {
    human: (o) => o !== null && !['no_answer', 'busy', 'voicemail', 'failed'].includes(o),
    machine: (o) => o === 'voicemail',
    no_answer: (o) => o === 'no_answer',
    busy: (o) => o === 'busy',
  },
};

export async function callChecks(run: SimRun): Promise<Check[]> {
  const { pool } = run.service.db;
  const records = run.twilio.phones.records;
  const sids = records.map((r) => r.sid);
  const recorded = new Map<string, string | null>();
  for (const r of (await pool.query<{ sid: string; outcome: string | null }>('SELECT call_sid AS sid, outcome FROM patient_calls WHERE call_sid = ANY($1)', [sids])).rows) recorded.set(r.sid, r.outcome);
  for (const r of (await pool.query<{ sid: string; outcome: string | null }>('SELECT call_sid AS sid, outcome FROM escalation_attempts WHERE call_sid = ANY($1)', [sids])).rows) recorded.set(r.sid, r.outcome);
  const patientOf = new Map(run.patients.map((p) => [p.phone, p.index]));
  const who = (phone: string) => (patientOf.has(phone) ? `patient ${patientOf.get(phone)}` : 'the coordinator');
  const misrecorded = records.flatMap((r) => {
    if (r.kind === 'dial') return [];
    if (!recorded.has(r.sid)) return [`${r.kind} call to ${who(r.to)} (${r.outcome}): not recorded`];
    if (r.kind === 'callback') return [];
    const outcome = recorded.get(r.sid) ?? null;
    return EXPECTED[r.kind][r.outcome]!(outcome) ? [] : [`${r.kind} call to ${who(r.to)}: ${r.outcome}, recorded as ${outcome ?? 'nothing'}`];
  });

  // Something alarming said on a call reached a person as a text would: an alert on its line of the transcript, or it as evidence.
  const concerning = run.twilio.phones.spoken.filter((s) => s.label.concerning);
  const unreached: string[] = [];
  for (const s of concerning) {
    const { rows } = await pool.query<{ reached: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM alerts a WHERE a.message_id = m.id) OR EXISTS (SELECT 1 FROM alert_evidence e WHERE e.message_id = m.id)
              OR EXISTS (SELECT 1 FROM alert_evidence e JOIN observations o ON o.id = e.observation_id WHERE o.conversation_id = m.conversation_id AND o.observed_at >= m.created_at) AS reached
         FROM messages m JOIN patients p ON p.id = m.patient_id
        WHERE p.phone = $1 AND m.kind = 'voice_answer' AND m.created_at = $2`,
      [s.phone, s.at],
    );
    if (!rows.some((r) => r.reached)) unreached.push(`${s.label.ref} (${s.label.level}) said by ${who(s.phone)} on a call`);
  }
  return [
    ['every Twilio webhook answered (no 4xx or 5xx)', run.twilio.failures],
    ['every call recorded by the service as it went', misrecorded],
    ['everything concerning said on a call reached a person', unreached],
  ];
}
