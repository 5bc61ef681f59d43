import type { Queryable } from './sql.js';

export type AlertLevel = 'urgent' | 'elevated';

export interface Alert {
  id: string;
  practiceId: string;
  patientId: string;
  conversationId: string | null;
  messageId: string | null;
  level: AlertLevel;
  reason: string;
  status: 'open' | 'acknowledged' | 'resolved';
  escalatedAt: string | null;
  createdAt: string;
}

interface AlertRow {
  id: string;
  practice_id: string;
  patient_id: string;
  conversation_id: string | null;
  message_id: string | null;
  level: AlertLevel;
  reason: string;
  status: Alert['status'];
  escalated_at: Date | null;
  created_at: Date;
}

const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  level: row.level,
  reason: row.reason,
  status: row.status,
  escalatedAt: row.escalated_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

export interface NewAlert {
  practiceId: string;
  patientId: string;
  conversationId: string | null;
  messageId: string | null;
  level: AlertLevel;
  reason: string;
  createdAt: Date;
}

export async function insertAlert(db: Queryable, a: NewAlert): Promise<Alert> {
  const { rows } = await db.query<AlertRow>({
    name: 'insert-alert',
    text: `INSERT INTO alerts (practice_id, patient_id, conversation_id, message_id, level, reason, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
    values: [a.practiceId, a.patientId, a.conversationId, a.messageId, a.level, a.reason, a.createdAt],
  });
  return toAlert(rows[0]!);
}

/** Marks the alert escalated; returns it only to the first caller, so escalation happens once. */
export async function claimEscalation(db: Queryable, id: string, at: Date): Promise<Alert | null> {
  const { rows } = await db.query<AlertRow>(
    'UPDATE alerts SET escalated_at = $2, updated_at = $2 WHERE id = $1 AND escalated_at IS NULL RETURNING *',
    [id, at],
  );
  return rows[0] ? toAlert(rows[0]) : null;
}
