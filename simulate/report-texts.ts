/**
 * Texts as Twilio saw them and what the service made of it: delivered and
 * undelivered (by Twilio's error), the statuses the service recorded from the
 * callbacks, what became of each number that cannot take texts; and the
 * patient model's month: answer rates as engagement drifts, doses as the
 * service recorded them by each patient's adherence pattern. The checks: the
 * service recorded every delivery as Twilio reported it, and texted no number
 * once Twilio had said it can never take a text (30005, 30006).
 */
import type { SimRun } from './panel.js';
import type { SimPatient } from './patients.js';
import type { Check } from './report-checks.js';
import { FINAL_AFTER_MS } from './twilio.js';

/** Texts handed to Twilio after its report, within this, were already on their way: the send and the callback crossed. */
const IN_FLIGHT_MS = 60_000;
/** Twilio's errors after which the number never takes a text (the service promises to stop: messaging/status-callback.ts). */
const PERMANENT = new Set([30005, 30006]);

export interface TextFigures {
  /** Texts Twilio took (through the API or as TwiML replies), by how they ended; `pending`: no final report by the run's end. */
  delivery: { taken: number; asReplies: number; delivered: number; undelivered: Record<string, number>; pending: number };
  /** Statuses the service holds for those texts. */
  recorded: Record<string, number>;
  wrongNumbers: Array<{ patient: number; code: number; texts: number; undelivered: number; afterFirstFailure: number; stopped: string }>;
  /** Answer rate to questions the service started, first and second half of the run, by how the patient's engagement drifts. */
  engagement: Array<{ drift: SimPatient['drift']; patients: number; firstHalf: Rate; secondHalf: Rate }>;
  /** Doses the service recorded (taken, missed; refills asked for), by adherence pattern, for patients with a dose reminder. */
  adherence: Array<{ pattern: SimPatient['adherence']; patients: number; taken: number; missed: number; refillConcerns: number; unanswered: number }>;
}

export interface Rate {
  asked: number;
  answered: number;
}

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((t, k) => ({ ...t, [k]: (t[k] ?? 0) + 1 }), {});

export async function textFigures(run: SimRun): Promise<TextFigures> {
  const { pool } = run.service.db;
  const messages = run.twilio.messages;
  const sids = messages.map((m) => m.sid);
  const statuses = (await pool.query<{ status: string }>('SELECT status FROM messages WHERE twilio_sid = ANY($1) ORDER BY twilio_sid', [sids])).rows;
  const recorded = Object.fromEntries(Object.entries(tally(statuses.map((r) => r.status))).sort(([a], [b]) => a.localeCompare(b)));

  const engagement = (['steady', 'fading', 'warming'] as const).map((drift) => {
    const who = new Set(run.patients.filter((p) => p.drift === drift && !p.wrongNumber).map((p) => p.index));
    const half = (first: boolean): Rate => {
      const asked = run.asked.filter((a) => who.has(a.patient) && a.progress < 0.5 === first);
      return { asked: asked.length, answered: asked.filter((a) => a.answered).length };
    };
    return { drift, patients: who.size, firstHalf: half(true), secondHalf: half(false) };
  });

  const doses = (await pool.query<{ patient_id: string; kind: string; taken: string | null; n: string }>(
    `SELECT patient_id, kind, value->>'taken' AS taken, count(*) AS n FROM observations
      WHERE kind IN ('medication_adherence', 'refill_concern', 'reminder_unanswered') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  )).rows;
  const adherence = (['takes', 'misses', 'rations'] as const).map((pattern) => {
    const ids = new Set(run.patients.filter((p) => p.adherence === pattern && p.medicationTime && !p.wrongNumber).map((p) => p.id));
    const sum = (kind: string, taken?: string) => doses.filter((d) => ids.has(d.patient_id) && d.kind === kind && (taken === undefined || d.taken === taken)).reduce((a, d) => a + Number(d.n), 0);
    return { pattern, patients: ids.size, taken: sum('medication_adherence', 'true'), missed: sum('medication_adherence', 'false'), refillConcerns: sum('refill_concern'), unanswered: sum('reminder_unanswered') };
  });

  return {
    delivery: {
      taken: messages.length,
      asReplies: messages.filter((m) => m.via === 'twiml').length,
      delivered: messages.filter((m) => m.status === 'delivered').length,
      undelivered: tally(messages.filter((m) => m.status === 'undelivered').map((m) => String(m.errorCode))),
      pending: messages.filter((m) => m.status === 'queued' || m.status === 'sent').length,
    },
    recorded,
    wrongNumbers: await wrongNumbers(run),
    engagement,
    adherence,
  };
}

/** Each number that cannot take texts: how many went to it, how many after Twilio first said so, and how the service stopped. */
async function wrongNumbers(run: SimRun): Promise<TextFigures['wrongNumbers']> {
  const { pool } = run.service.db;
  const rows = [];
  for (const p of run.patients.filter((x) => x.wrongNumber)) {
    const texts = run.twilio.messages.filter((m) => m.to === p.phone);
    const failed = texts.filter((m) => m.status === 'undelivered');
    const first = failed[0] ? failureReportedAt(failed[0].at) : null;
    const state = (
      await pool.query<{ phone_invalid_at: Date | null; unreachable_at: Date | null; landline_at: Date | null }>(
        `SELECT phone_invalid_at, unreachable_at,
                (SELECT min(at) FROM patient_events e WHERE e.patient_id = p.id AND e.type = 'phone_landline') AS landline_at
         FROM patients p WHERE id = $1`,
        [p.id],
      )
    ).rows[0]!;
    const hoursAfter = (at: Date) => (first ? `${Math.round((at.getTime() - first) / 36e5)} h after the first failure` : 'before any failure');
    const stopped = state.phone_invalid_at
      ? `marked unable to take texts, ${hoursAfter(state.phone_invalid_at)}`
      : state.landline_at
        ? `called instead (a landline), ${hoursAfter(state.landline_at)}`
        : state.unreachable_at
        ? `on the call list (unreachable), ${hoursAfter(state.unreachable_at)}`
        : 'not stopped';
    rows.push({ patient: p.index, code: p.wrongNumber!, texts: texts.length, undelivered: failed.length, afterFirstFailure: first === null ? 0 : texts.filter((m) => m.at.getTime() > first).length, stopped });
  }
  return rows;
}

/** When Twilio's final report on a text taken at `at` reached the service. */
const failureReportedAt = (at: Date) => at.getTime() + FINAL_AFTER_MS;

export function textChecks(run: SimRun, recordedBySid: Map<string, string>): Check[] {
  const who = (phone: string) => run.patients.find((p) => p.phone === phone)?.index ?? 'the team';
  const misrecorded = run.twilio.messages
    .filter((m) => m.status === 'delivered' || m.status === 'undelivered')
    .filter((m) => recordedBySid.get(m.sid) !== m.status)
    .map((m) => `a text to patient ${who(m.to)} (${m.via}): ${m.status}, recorded as ${recordedBySid.get(m.sid) ?? 'nothing'}`);
  const textedDead = run.patients
    .filter((p) => p.wrongNumber && PERMANENT.has(p.wrongNumber))
    .flatMap((p) => {
      const texts = run.twilio.messages.filter((m) => m.to === p.phone);
      const first = texts.find((m) => m.status === 'undelivered');
      if (!first) return [];
      const deadline = failureReportedAt(first.at) + IN_FLIGHT_MS;
      return texts.filter((m) => m.at.getTime() > deadline).map(() => `patient ${p.index} (${p.wrongNumber}) texted after Twilio reported the number`);
    });
  return [
    ["every text's delivery recorded by the service as Twilio reported it", misrecorded],
    ['no text to a number Twilio reported cannot take texts (30005, 30006)', textedDead],
  ];
}

export async function recordedStatuses(run: SimRun): Promise<Map<string, string>> {
  const { rows } = await run.service.db.pool.query<{ sid: string; status: string }>('SELECT twilio_sid AS sid, status FROM messages WHERE twilio_sid = ANY($1)', [run.twilio.messages.map((m) => m.sid)]);
  return new Map(rows.map((r) => [r.sid, r.status]));
}
