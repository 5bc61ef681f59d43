/**
 * What the service sent: every text to patients and to the care team, newest
 * first, and the texts to the care team about one alert or one text from an
 * unknown number (so a coordinator can see who was told, and whether it went).
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface SentText {
  id: string;
  /** When it left, or when it was queued if it has not. */
  at: string;
  sentAt: string | null;
  audience: 'patient' | 'coordinator';
  /** Why it exists: 'check_in', 'reply', 'alert', 'digest', 'unknown_sender_alert', ... */
  kind: string;
  /** The number it went to, E.164. */
  to: string;
  body: string;
  status: string;
  errorCode: number | null;
  /** The patient it went to, or (a text to the care team) the patient it is about. */
  patient: { id: string; firstName: string; lastName: string } | null;
  /** The staff member it went to; null for a patient, or the practice's own phone. */
  coordinator: { id: string; name: string } | null;
  aboutAlertId: string | null;
  aboutMessageId: string | null;
}

interface Row {
  id: string;
  created_at: Date | string;
  sent_at: Date | string | null;
  audience: 'patient' | 'coordinator';
  kind: string;
  to_number: string;
  body: string;
  status: string;
  error_code: number | null;
  patient_id: string | null;
  first_name: string | null;
  last_name: string | null;
  coordinator_id: string | null;
  coordinator_name: string | null;
  about_alert_id: string | null;
  about_message_id: string | null;
}

const toSentText = (row: Row): SentText => ({
  id: row.id,
  at: toIso(row.sent_at ?? row.created_at),
  sentAt: toIsoOrNull(row.sent_at),
  audience: row.audience,
  kind: row.kind,
  to: row.to_number,
  body: row.body,
  status: row.status,
  errorCode: row.error_code,
  patient: row.patient_id ? { id: row.patient_id, firstName: row.first_name ?? '', lastName: row.last_name ?? '' } : null,
  coordinator: row.coordinator_id ? { id: row.coordinator_id, name: row.coordinator_name ?? 'unknown' } : null,
  aboutAlertId: row.about_alert_id,
  aboutMessageId: row.about_message_id,
});

// Texts only: the lines of a call are kept as messages too (channel 'voice') and are no text sent.
const SELECT = `SELECT m.id, m.created_at, m.sent_at, m.audience, m.kind, m.to_number, m.body, m.status, m.error_code,
                       m.patient_id, p.first_name, p.last_name, m.coordinator_id, c.name AS coordinator_name,
                       m.about_alert_id, m.about_message_id
                FROM messages m LEFT JOIN patients p ON p.id = m.patient_id LEFT JOIN coordinators c ON c.id = m.coordinator_id
                WHERE m.direction = 'outbound' AND m.channel = 'sms'`;

export type OutboundAudience = 'all' | 'patient' | 'coordinator';

/** A page of what the practice's service sent, newest first; `next` is the id to pass as `before`. */
export async function listOutbound(
  db: Queryable,
  practiceId: string,
  options: { audience: OutboundAudience; limit: number; before?: string | undefined },
): Promise<{ data: SentText[]; next: string | null }> {
  const { rows } = await db.query<Row>(
    `${SELECT} AND m.practice_id = $1 AND ($2 = 'all' OR m.audience = $2)
       AND ($3::uuid IS NULL OR m.seq < (SELECT seq FROM messages WHERE id = $3::uuid AND practice_id = $1))
     ORDER BY m.seq DESC LIMIT $4`,
    [practiceId, options.audience, options.before ?? null, options.limit + 1],
  );
  const page = rows.slice(0, options.limit).map(toSentText);
  return { data: page, next: rows.length > options.limit ? page.at(-1)!.id : null };
}

/**
 * The texts to the care team about these alerts, or about these messages (a
 * text from an unknown number, before and after it was linked to a patient), oldest first.
 */
export async function listNotifications(db: Queryable, about: { alertIds?: readonly string[]; messageIds?: readonly string[] }): Promise<SentText[]> {
  const { rows } = await db.query<Row>(
    `${SELECT} AND m.audience = 'coordinator' AND (m.about_alert_id = ANY($1::uuid[]) OR m.about_message_id = ANY($2::uuid[])) ORDER BY m.seq`,
    [about.alertIds ?? [], about.messageIds ?? []],
  );
  return rows.map(toSentText);
}
