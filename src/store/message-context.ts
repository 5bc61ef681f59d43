/**
 * The conversation around what an alert rests on: the texts before and after
 * the patient's words, so a coordinator reads them in their place (what was
 * asked, what the bot answered) instead of alone.
 */
import { toIso, type Queryable } from './sql.js';

export interface ContextMessage {
  id: string;
  at: string;
  direction: 'inbound' | 'outbound';
  /** 'form' for answers sent from the questionnaire's web page. */
  channel: 'sms' | 'voice' | 'form';
  kind: string;
  body: string;
  status: string;
  /** Who wrote an inbound one: the patient's phone, or another number (a text linked to the patient). */
  from: string;
  /** Whom an outbound one went to: the patient, or the number of a text linked to them (its automatic answer). */
  to: string;
  /** One of the messages the alert rests on. */
  evidence: boolean;
}

/** The messages these alerts rest on: the one that raised each, and those its evidence names (itself or through an observation). */
export async function evidenceMessageIds(db: Queryable, alertIds: readonly string[]): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT message_id AS id FROM alerts WHERE id = ANY($1::uuid[]) AND message_id IS NOT NULL
     UNION
     SELECT coalesce(e.message_id, o.message_id) FROM alert_evidence e LEFT JOIN observations o ON o.id = e.observation_id
      WHERE e.alert_id = ANY($1::uuid[]) AND coalesce(e.message_id, o.message_id) IS NOT NULL`,
    [alertIds],
  );
  return rows.map((r) => r.id);
}

/**
 * The patient's messages (theirs, the bot's to them, and texts from other
 * numbers linked to them with the answers they got) within `around` places of any of `messageIds`, in
 * the order they passed; windows that touch are read as one.
 */
export async function messagesAround(db: Queryable, patientId: string, messageIds: readonly string[], around: number): Promise<ContextMessage[]> {
  if (messageIds.length === 0) return [];
  const { rows } = await db.query<{
    id: string;
    at: Date;
    direction: 'inbound' | 'outbound';
    channel: 'sms' | 'voice' | 'form';
    kind: string;
    body: string;
    status: string;
    from_number: string;
    to_number: string;
    evidence: boolean;
  }>(
    `WITH thread AS (
       SELECT m.id, coalesce(m.sent_at, m.created_at) AS at, m.direction, m.channel, m.kind, m.body, m.status, m.from_number, m.to_number,
              row_number() OVER (ORDER BY coalesce(m.sent_at, m.created_at), m.seq) AS n
       FROM messages m
       WHERE ((m.patient_id = $1 AND m.audience = 'patient') OR m.linked_patient_id = $1
              OR m.in_reply_to IN (SELECT id FROM messages WHERE linked_patient_id = $1))
         AND m.status NOT IN ('cancelled', 'pending', 'submitting')
     ), marked AS (SELECT n FROM thread WHERE id = ANY($2::uuid[]))
     SELECT t.id, t.at, t.direction, t.channel, t.kind, t.body, t.status, t.from_number, t.to_number, t.id = ANY($2::uuid[]) AS evidence
     FROM thread t WHERE EXISTS (SELECT 1 FROM marked WHERE abs(marked.n - t.n) <= $3)
     ORDER BY t.n`,
    [patientId, messageIds, around],
  );
  return rows.map((r) => ({
    id: r.id,
    at: toIso(r.at),
    direction: r.direction,
    channel: r.channel,
    kind: r.kind,
    body: r.body,
    status: r.status,
    from: r.from_number,
    to: r.to_number,
    evidence: r.evidence,
  }));
}

/** The alerts a message is evidence of (a text from an unknown number, once linked), with their cases. */
export async function alertsRestingOn(db: Queryable, messageId: string): Promise<Array<{ alertId: string; caseId: string | null; level: string; reason: string }>> {
  const { rows } = await db.query<{ id: string; case_id: string | null; level: string; reason: string }>(
    `SELECT a.id, a.case_id, a.level, a.reason FROM alert_evidence e JOIN alerts a ON a.id = e.alert_id
     WHERE e.message_id = $1 ORDER BY a.created_at, a.seq`,
    [messageId],
  );
  return rows.map((r) => ({ alertId: r.id, caseId: r.case_id, level: r.level, reason: r.reason }));
}
