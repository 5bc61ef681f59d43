import type { Observation } from '../flows/types.js';
import type { Queryable } from './sql.js';

export interface ObservationContext {
  practiceId: string;
  patientId: string;
  conversationId: string | null;
  /** The inbound message the values came from; null when nothing came (timeout). */
  messageId: string | null;
  observedAt: Date;
}

export async function insertObservations(db: Queryable, ctx: ObservationContext, observations: Observation[]): Promise<void> {
  if (observations.length === 0) return;
  await db.query({
    name: 'insert-observations',
    text: `INSERT INTO observations (practice_id, patient_id, conversation_id, message_id, kind, value, observed_at)
     SELECT $1, $2, $3, $4, o.kind, o.value, $5 FROM jsonb_to_recordset($6::jsonb) AS o(kind text, value jsonb)`,
    values: [ctx.practiceId, ctx.patientId, ctx.conversationId, ctx.messageId, ctx.observedAt, JSON.stringify(observations)],
  });
}

export interface StoredObservation {
  kind: string;
  value: Record<string, unknown>;
  conversationId: string | null;
  observedAt: string;
}

export async function listObservations(db: Queryable, patientId: string): Promise<StoredObservation[]> {
  const { rows } = await db.query<{ kind: string; value: Record<string, unknown>; conversation_id: string | null; observed_at: Date }>(
    'SELECT kind, value, conversation_id, observed_at FROM observations WHERE patient_id = $1 ORDER BY observed_at, seq',
    [patientId],
  );
  return rows.map((row) => ({
    kind: row.kind,
    value: row.value,
    conversationId: row.conversation_id,
    observedAt: row.observed_at.toISOString(),
  }));
}
