/**
 * The week-2 questionnaire's month: the link texts as Twilio took them, what
 * the service recorded of each link (opened, sent back, lapsed), what the
 * simulated phones did on the form (left part-way, came back), the PHQ
 * screens the answers made, and each self-harm answer with its escalation
 * (an urgent alert, the on-call phone rung). The article's figure beside it:
 * a portal questionnaire is answered 34% of the time (NCQA).
 */
import { createHash } from 'node:crypto';
import type { SimRun } from './panel.js';
import type { SimForm } from './forms.js';
import { REMINDER, tokenIn } from './form-visitor.js';

/** The article: "Patient portal questionnaire (Week 2) ... Response rate: 34%, according to NCQA." */
export const ARTICLE_QUESTIONNAIRE_RESPONSE = 0.34;
/** A self-harm answer is escalated when the on-call phone rings within this of it (as every urgent alert must). */
const RING_WITHIN_MS = 60_000;

export interface QuestionnaireFigures {
  /** Links the service made for the month's questionnaire slot (patients who take texts). */
  links: number;
  /** The invites and reminders Twilio took, and the invites delivered. */
  sent: number;
  delivered: number;
  reminded: number;
  /** As the service recorded each link by the end of the run. */
  opened: number;
  completed: number;
  lapsed: number;
  /** Lapsed after being opened: left part-way and not finished in the 7 days. */
  lapsedOpened: number;
  /** Neither sent back nor lapsed when the run ended (the 7 days not over). */
  stillOpen: number;
  /** Completed of sent (the article's response rate is 34%). */
  rate: number | null;
  /** The phones' side: opened on the reminder, left part-way, came back by the same link and finished. */
  openedOnReminder: number;
  leftPartWay: number;
  cameBack: number;
  finishedAfterComingBack: number;
  /** The depression screens the service recorded from the forms, and the alerts they raised. */
  phq: { phq2: number; phq2Positive: number; phq9: number; phq9AtLeast10: number; alerts: number };
  /** PHQ-9 item 9 answered above "not at all": how many, the crisis page shown (988 first), an urgent alert raised on it, the on-call phone rung within a minute. */
  selfHarm: { answers: number; crisisPage: number; alerted: number; rung: number };
  /** Words of their own written on forms sent back, from the corpora, and how many were concerning. */
  written: { total: number; concerning: number };
  /** Every request the phones made to the form, by status; screens refused (422) or other surprises; visits that found the link closed. */
  requests: { total: number; byStatus: Record<string, number>; refused: number; closedVisits: number };
}

export const hashOf = (token: string) => createHash('sha256').update(token).digest();

/** The service's link for a simulated form (by the hash of a token it was handed), or null. */
export async function linkOf(run: SimRun, form: SimForm): Promise<{ id: string; response_message_id: string | null; patient_id: string } | null> {
  const { rows } = await run.service.db.pool.query<{ id: string; response_message_id: string | null; patient_id: string }>(
    'SELECT l.id, l.response_message_id, l.patient_id FROM questionnaire_tokens t JOIN questionnaire_links l ON l.id = t.link_id WHERE t.token_hash = ANY($1)',
    [form.texts.map((t) => hashOf(t.token))],
  );
  return rows[0] ?? null;
}

/**
 * The urgent alert a self-harm answer raised (or joined as evidence), with its first ring: the answer is
 * kept as a message of the form channel (questionnaire_self_harm) at the instant it was given.
 */
export async function selfHarmAlert(run: SimRun, patientId: string, at: Date): Promise<{ created_at: Date; rang: Date | null } | null> {
  const { rows } = await run.service.db.pool.query<{ created_at: Date; rang: Date | null }>(
    `SELECT a.created_at, (SELECT min(e.started_at) FROM escalation_attempts e WHERE e.alert_id = a.id AND e.kind = 'call' AND e.round >= 1) AS rang
       FROM messages m JOIN alerts a ON a.patient_id = m.patient_id AND a.level = 'urgent'
      WHERE m.patient_id = $1 AND m.kind = 'questionnaire_self_harm' AND m.created_at = $2
        AND (a.message_id = m.id OR EXISTS (SELECT 1 FROM alert_evidence e WHERE e.alert_id = a.id AND e.message_id = m.id)
             OR EXISTS (SELECT 1 FROM alert_evidence e JOIN observations o ON o.id = e.observation_id WHERE e.alert_id = a.id AND o.message_id = m.id))
      ORDER BY a.created_at LIMIT 1`,
    [patientId, at],
  );
  return rows[0] ?? null;
}

export async function questionnaireFigures(run: SimRun): Promise<QuestionnaireFigures> {
  const { pool } = run.service.db;
  const q = async <T extends object>(sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;
  const patients = new Set(run.patients.map((p) => p.phone));
  const linkTexts = run.twilio.messages.filter((m) => patients.has(m.to) && tokenIn(m.body));
  const invites = linkTexts.filter((m) => !REMINDER.test(m.body));
  const links = (
    await q<{ n: string; opened: string; completed: string; lapsed: string; lapsed_opened: string; still_open: string }>(
      `SELECT count(*) AS n, count(opened_at) AS opened, count(submitted_at) AS completed, count(lapsed_at) AS lapsed,
              count(*) FILTER (WHERE lapsed_at IS NOT NULL AND opened_at IS NOT NULL) AS lapsed_opened,
              count(*) FILTER (WHERE submitted_at IS NULL AND lapsed_at IS NULL) AS still_open
         FROM questionnaire_links`,
    )
  )[0]!;
  const screens = await q<{ instrument: string; score: number }>(
    `SELECT o.value->>'instrument' AS instrument, (o.value->>'score')::int AS score FROM observations o JOIN messages m ON m.id = o.message_id
      WHERE o.kind = 'depression_screen' AND m.kind = 'questionnaire_answer'`,
  );
  const phqAlerts = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM alerts WHERE split_part(reason, ':', 1) = 'depression_screen'`))[0]!.n);

  const forms = run.forms.forms;
  const selfHarm = { answers: 0, crisisPage: 0, alerted: 0, rung: 0 };
  const rings = run.twilio.calls.filter((c) => c.to === run.coordinatorPhone).map((c) => c.at.getTime());
  for (const form of forms.filter((f) => f.selfHarm)) {
    const answer = form.selfHarm!;
    selfHarm.answers += 1;
    if (answer.crisisPage) selfHarm.crisisPage += 1;
    const alert = await selfHarmAlert(run, form.patient.id!, answer.at);
    if (!alert) continue;
    selfHarm.alerted += 1;
    const from = answer.at.getTime();
    const chain = alert.rang !== null && alert.rang.getTime() - from <= RING_WITHIN_MS;
    if (chain && rings.some((t) => t >= from && t - from <= RING_WITHIN_MS)) selfHarm.rung += 1;
  }
  const completedForms = forms.filter((f) => f.completedAt);
  const written = completedForms.flatMap((f) => f.answers.written.filter((w) => f.taken[w.linkId] !== undefined));
  const byStatus: Record<string, number> = {};
  for (const r of run.forms.requests) byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;

  const sent = invites.length;
  return {
    links: Number(links.n),
    sent,
    delivered: invites.filter((m) => m.status === 'delivered').length,
    reminded: linkTexts.length - invites.length,
    opened: Number(links.opened),
    completed: Number(links.completed),
    lapsed: Number(links.lapsed),
    lapsedOpened: Number(links.lapsed_opened),
    stillOpen: Number(links.still_open),
    rate: sent === 0 ? null : Math.round((Number(links.completed) / sent) * 1000) / 1000,
    openedOnReminder: forms.filter((f) => f.visits.length > 0 && f.texts.some((t) => t.kind === 'reminder' && t.at <= f.visits[0]!)).length,
    leftPartWay: forms.filter((f) => f.leftAt).length,
    cameBack: forms.filter((f) => f.cameBackAt).length,
    finishedAfterComingBack: forms.filter((f) => f.cameBackAt && f.completedAt).length,
    phq: {
      phq2: screens.filter((s) => s.instrument === 'phq2').length,
      phq2Positive: screens.filter((s) => s.instrument === 'phq2' && s.score >= 3).length,
      phq9: screens.filter((s) => s.instrument === 'phq9').length,
      phq9AtLeast10: screens.filter((s) => s.instrument === 'phq9' && s.score >= 10).length,
      alerts: phqAlerts,
    },
    selfHarm,
    written: { total: written.length, concerning: written.filter((w) => w.label.concerning).length },
    requests: {
      total: run.forms.requests.length,
      byStatus: Object.fromEntries(Object.entries(byStatus).sort(([a], [b]) => a.localeCompare(b))),
      refused: forms.reduce((a, f) => a + f.refused.length + f.answers.unknown.length, 0),
      closedVisits: forms.reduce((a, f) => a + f.closed.length, 0),
    },
  };
}
