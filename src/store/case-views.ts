/**
 * Cases as people read them: with the patient's and the coordinators' names,
 * the evidence of their alerts with the patient's own words, and which cases
 * the live channel has news of.
 */
import type { AlertLevel } from './alerts.js';
import { toCase, type Case, type CaseRow, type CaseStatus } from './cases.js';
import { toIso, type Queryable } from './sql.js';

export interface CaseWithNames extends Case {
  patient: { id: string; firstName: string; lastName: string; phone: string };
  acknowledgedByName: string | null;
  resolvedByName: string | null;
}

type CaseWithNamesRow = CaseRow & { first_name: string; last_name: string; phone: string; acknowledged_by_name: string | null; resolved_by_name: string | null };

const WITH_NAMES = `SELECT c.*, p.first_name, p.last_name, p.phone, ack.name AS acknowledged_by_name, res.name AS resolved_by_name
  FROM cases c JOIN patients p ON p.id = c.patient_id
  LEFT JOIN coordinators ack ON ack.id = c.acknowledged_by
  LEFT JOIN coordinators res ON res.id = c.resolved_by`;

const toCaseWithNames = (row: CaseWithNamesRow): CaseWithNames => ({
  ...toCase(row),
  patient: { id: row.patient_id, firstName: row.first_name, lastName: row.last_name, phone: row.phone },
  acknowledgedByName: row.acknowledged_by_name,
  resolvedByName: row.resolved_by_name,
});

export interface CaseQuery {
  practiceId: string;
  status?: CaseStatus | 'unresolved' | undefined;
  level?: AlertLevel | undefined;
  limit: number;
}

/** A practice's cases: urgent first, then the longest open. */
export async function listCases(db: Queryable, q: CaseQuery): Promise<CaseWithNames[]> {
  const { rows } = await db.query<CaseWithNamesRow>(
    `${WITH_NAMES}
     WHERE c.practice_id = $1
       AND ($2::text IS NULL OR ($2 = 'unresolved' AND c.status <> 'resolved') OR c.status = $2)
       AND ($3::text IS NULL OR c.level = $3)
     ORDER BY (c.level = 'urgent') DESC, c.opened_at, c.id LIMIT $4`,
    [q.practiceId, q.status ?? null, q.level ?? null, q.limit],
  );
  return rows.map(toCaseWithNames);
}

export async function findCasesWithNames(db: Queryable, ids: readonly string[]): Promise<CaseWithNames[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<CaseWithNamesRow>(`${WITH_NAMES} WHERE c.id = ANY($1::uuid[])`, [ids]);
  return rows.map(toCaseWithNames);
}

export interface EvidenceWithWords {
  alertId: string;
  explanation: string;
  at: string;
  observationId: string | null;
  messageId: string | null;
  /** The patient's text behind it: its own message, or the one its observation was read from. */
  words: string | null;
}

/** The evidence of these alerts, oldest first, each with the patient's words where a text was behind it. */
export async function listEvidenceWithWords(db: Queryable, alertIds: readonly string[]): Promise<EvidenceWithWords[]> {
  if (alertIds.length === 0) return [];
  const { rows } = await db.query<{
    alert_id: string;
    explanation: string;
    at: Date;
    observation_id: string | null;
    message_id: string | null;
    words: string | null;
  }>(
    `SELECT e.alert_id, e.explanation, e.at, e.observation_id, e.message_id, m.body AS words
     FROM alert_evidence e
     LEFT JOIN observations o ON o.id = e.observation_id
     LEFT JOIN messages m ON m.id = coalesce(e.message_id, o.message_id) AND m.direction = 'inbound'
     WHERE e.alert_id = ANY($1::uuid[]) ORDER BY e.at, e.evidence_key`,
    [alertIds],
  );
  return rows.map((row) => ({
    alertId: row.alert_id,
    explanation: row.explanation,
    at: toIso(row.at),
    observationId: row.observation_id,
    messageId: row.message_id,
    words: row.words,
  }));
}

/** An urgent case a live page has news of, and the alerts that are the news. */
export interface UrgentCaseNews {
  caseId: string;
  /** The seq of the newest of them. */
  seq: string;
  alerts: Array<{ seq: string; createdAt: string }>;
}

/** Alerts per read, at most; the rest come with the next one (what was sent is skipped, so each read gets further). */
const NEWS_LIMIT = 200;

/**
 * Urgent cases (not resolved) with alerts a live page has not had, oldest
 * news first: a new urgent case, or news on one (another alert joining it,
 * or an elevated case made urgent). Its alerts are those after `afterSeq`
 * and, whatever their seq, those created since `since` (an alert whose
 * transaction committed after the page's cursor had passed its seq: see
 * web/live-events.ts); never those in `skip`, the page has them.
 */
export async function urgentCaseNews(
  db: Queryable,
  practiceId: string,
  q: { afterSeq: string; since: Date; skip: readonly string[] },
): Promise<UrgentCaseNews[]> {
  const { rows } = await db.query<{ case_id: string; seq: string; created_at: Date }>(
    `SELECT a.case_id, a.seq::text AS seq, a.created_at FROM alerts a JOIN cases c ON c.id = a.case_id
     WHERE a.practice_id = $1 AND (a.seq > $2::bigint OR a.created_at >= $3) AND a.seq <> ALL($4::bigint[])
       AND c.level = 'urgent' AND c.status <> 'resolved'
     ORDER BY a.seq LIMIT ${NEWS_LIMIT}`,
    [practiceId, q.afterSeq, q.since, q.skip],
  );
  // In seq order, so each case's last alert is its newest, and a case moves behind those with older news.
  const news = new Map<string, UrgentCaseNews>();
  for (const row of rows) {
    const entry = news.get(row.case_id) ?? { caseId: row.case_id, seq: row.seq, alerts: [] };
    news.delete(row.case_id);
    entry.seq = row.seq;
    entry.alerts.push({ seq: row.seq, createdAt: toIso(row.created_at) });
    news.set(row.case_id, entry);
  }
  return [...news.values()];
}
