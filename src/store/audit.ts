import type { Queryable } from './sql.js';

/** Who read or changed a record: the bootstrap admin token, a practice's API key, or a signed-in user. */
export type Actor = { kind: 'admin_token' } | { kind: 'api_key'; id: string } | { kind: 'user'; id: string };

export interface AuditEntry {
  actor: Actor;
  practiceId: string | null;
  action: string;
  requestId?: string | undefined;
  /** When, by the service clock. */
  at: Date;
}

/**
 * Records that `actor` did `action` on each of `patientIds` (one row per
 * patient). A change that concerns no patient (a practice's settings, a
 * login) passes `[null]`: one row for the practice.
 */
export async function recordAccess(db: Queryable, entry: AuditEntry, patientIds: readonly (string | null)[]): Promise<void> {
  if (patientIds.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (actor_kind, actor_id, practice_id, patient_id, action, request_id, at)
     SELECT $1, $2, $3, patient_id, $4, $5, $7 FROM unnest($6::uuid[]) AS patient_id`,
    [
      entry.actor.kind,
      entry.actor.kind === 'admin_token' ? null : entry.actor.id,
      entry.practiceId,
      entry.action,
      entry.requestId ?? null,
      patientIds,
      entry.at,
    ],
  );
}

export interface AuditRow {
  at: string;
  actorKind: Actor['kind'];
  actorId: string | null;
  practiceId: string | null;
  patientId: string | null;
  action: string;
}

export async function listAccess(db: Queryable, patientId: string): Promise<AuditRow[]> {
  const { rows } = await db.query<{
    at: Date;
    actor_kind: Actor['kind'];
    actor_id: string | null;
    practice_id: string | null;
    patient_id: string | null;
    action: string;
  }>('SELECT * FROM audit_log WHERE patient_id = $1 ORDER BY at, id', [patientId]);
  return rows.map((row) => ({
    at: row.at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    practiceId: row.practice_id,
    patientId: row.patient_id,
    action: row.action,
  }));
}
