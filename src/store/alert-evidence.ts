/**
 * What an alert rests on: observations and messages, each kept once per
 * alert, so a piece of evidence raises one alert per reason.
 */
import type { Queryable } from './sql.js';

export interface NewEvidence {
  key: string;
  observationId?: string | null | undefined;
  messageId?: string | null | undefined;
  explanation: string;
  at: Date;
}

/** SQL: the rows of `json` (a parameter holding evidenceJson) as a record set. */
export const evidenceRowsSql = (json: string) =>
  `jsonb_to_recordset(${json}::jsonb) AS e(key text, observation_id uuid, message_id uuid, explanation text, at timestamptz)`;

/** Evidence as the JSON parameter evidenceRowsSql reads. */
export const evidenceJson = (evidence: readonly NewEvidence[]) =>
  JSON.stringify(evidence.map((e) => ({ key: e.key, observation_id: e.observationId ?? null, message_id: e.messageId ?? null, explanation: e.explanation, at: e.at })));

/** Adds evidence to an alert; returns the keys that were new to it. */
export async function addEvidence(db: Queryable, alertId: string, evidence: readonly NewEvidence[], addedAt: Date): Promise<string[]> {
  if (evidence.length === 0) return [];
  const { rows } = await db.query<{ evidence_key: string }>(
    `INSERT INTO alert_evidence (alert_id, evidence_key, observation_id, message_id, explanation, at, added_at)
     SELECT $1, e.key, e.observation_id, e.message_id, e.explanation, e.at, $3
     FROM ${evidenceRowsSql('$2')}
     ON CONFLICT DO NOTHING RETURNING evidence_key`,
    [alertId, evidenceJson(evidence), addedAt],
  );
  return rows.map((row) => row.evidence_key);
}

/** Which of these evidence keys already raised an alert (open or not) for this patient and reason. */
export async function alertedEvidence(db: Queryable, patientId: string, reason: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await db.query<{ evidence_key: string }>(
    `SELECT e.evidence_key FROM alert_evidence e JOIN alerts a ON a.id = e.alert_id
     WHERE a.patient_id = $1 AND a.reason = $2 AND e.evidence_key = ANY($3)`,
    [patientId, reason, keys],
  );
  return new Set(rows.map((row) => row.evidence_key));
}

export interface StoredEvidence {
  key: string;
  observationId: string | null;
  messageId: string | null;
  explanation: string;
  at: string;
  addedAt: string;
}

export async function listEvidence(db: Queryable, alertId: string): Promise<StoredEvidence[]> {
  const { rows } = await db.query<{
    evidence_key: string;
    observation_id: string | null;
    message_id: string | null;
    explanation: string;
    at: Date;
    added_at: Date;
  }>('SELECT * FROM alert_evidence WHERE alert_id = $1 ORDER BY at, evidence_key', [alertId]);
  return rows.map((row) => ({
    key: row.evidence_key,
    observationId: row.observation_id,
    messageId: row.message_id,
    explanation: row.explanation,
    at: row.at.toISOString(),
    addedAt: row.added_at.toISOString(),
  }));
}
