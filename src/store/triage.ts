import type { Evaluation, ObservationFact, RuleSet, TriageLevel, VersionedRuleSet } from '../triage/index.js';
import { toMedication, type Medication, type MedicationRow } from './medications.js';
import { writeLater, type Queryable } from './sql.js';
import { medicationsJsonSql } from './turn-context.js';

/**
 * What names a practice's current rule set exactly, computed by the database
 * the same way wherever it is asked: its version and a digest of its rules.
 * A tag that matches one seen before means the rules are the ones seen then
 * (whichever instance or database wrote them); null when the practice uses
 * the defaults.
 */
const RULES_TAG = `version::text || ':' || md5(rules::text)`;

/** A practice's own rule set, latest version; null when it uses the defaults. */
export async function findPracticeRuleSet(db: Queryable, practiceId: string): Promise<VersionedRuleSet | null> {
  return (await findTaggedPracticeRuleSet(db, practiceId))?.rules ?? null;
}

/** A practice's own rule set, latest version, with its tag (RULES_TAG); null when it uses the defaults. */
export async function findTaggedPracticeRuleSet(db: Queryable, practiceId: string): Promise<{ rules: VersionedRuleSet; tag: string } | null> {
  const { rows } = await db.query<{ version: number; rules: RuleSet; tag: string }>({
    name: 'find-tagged-practice-rule-set',
    text: `SELECT version, rules, ${RULES_TAG} AS tag FROM triage_rule_sets WHERE practice_id = $1 ORDER BY version DESC LIMIT 1`,
    values: [practiceId],
  });
  const row = rows[0];
  return row ? { rules: { ...row.rules, version: `practice-${row.version}` }, tag: row.tag } : null;
}

/** What triage reads of one patient, in one round trip. */
export interface TriageInputs {
  /** The practice's current rule set's tag (null: the defaults), to check the rules the caller holds against. */
  rulesTag: string | null;
  /** How far back the observations go: the caller's rules must look back exactly as far for them to be complete. */
  since: Date;
  /** The patient's observations since `since`, oldest first, as listObservationFacts reads them. */
  observations: ObservationFact[];
  /** The patient's medications as listMedications reads them; null when not asked for. */
  medications: Medication[] | null;
}

/** SQL: the tag (RULES_TAG) of the practice's current rule set; null for the defaults. */
export const rulesTagSql = (practiceId: string) =>
  `(SELECT ${RULES_TAG} FROM triage_rule_sets WHERE practice_id = ${practiceId} ORDER BY version DESC LIMIT 1)`;

/** SQL: the rows of `observations` (columns id, kind, value, observed_at, conversation_id, seq) as triage reads them, oldest first, as JSON. */
export const observationFactsJsonSql = (observations: string) =>
  `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'kind', o.kind, 'value', o.value, 'observed_at', o.observed_at,
                                              'conversation_id', o.conversation_id) ORDER BY o.observed_at, o.seq), '[]'::json)
    FROM ${observations} o)`;

/** A row of observationFactsJsonSql's JSON. */
export interface ObservationFactRow {
  id: string;
  kind: string;
  value: Record<string, unknown>;
  observed_at: string;
  conversation_id: string | null;
}

/** Triage's inputs from the row a statement read them into (rulesTagSql, observationFactsJsonSql). */
export const toTriageInputs = (rulesTag: string | null, since: Date, observations: ObservationFactRow[], medications: MedicationRow[] | null): TriageInputs => ({
  rulesTag,
  since,
  observations: observations.map((o) => ({
    id: o.id,
    kind: o.kind,
    value: o.value,
    observedAt: new Date(o.observed_at),
    conversationId: o.conversation_id,
  })),
  medications: medications ? medications.map(toMedication) : null,
});

/**
 * One patient's observations since `since` (and their medications, when
 * asked for), with the tag of the practice's current rule set: what an
 * assessment reads, in one statement.
 */
export async function loadTriageInputs(
  db: Queryable,
  subject: { practiceId: string; patientId: string },
  since: Date,
  withMedications: boolean,
): Promise<TriageInputs> {
  const { rows } = await db.query<{ rules_tag: string | null; observations: ObservationFactRow[]; medications: MedicationRow[] | null }>({
    name: 'load-triage-inputs',
    text: `SELECT ${rulesTagSql('$1')} AS rules_tag,
             ${observationFactsJsonSql('(SELECT * FROM observations WHERE patient_id = $2 AND observed_at >= $3)')} AS observations,
             CASE WHEN $4 THEN ${medicationsJsonSql('$2')} END AS medications`,
    values: [subject.practiceId, subject.patientId, since, withMedications],
  });
  const row = rows[0]!;
  return toTriageInputs(row.rules_tag, since, row.observations, row.medications);
}

/** Stores a new version of a practice's rule set; returns its version name. */
export async function insertPracticeRuleSet(db: Queryable, practiceId: string, rules: RuleSet, at: Date, by: string): Promise<string> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO triage_rule_sets (practice_id, version, rules, created_at, created_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM triage_rule_sets WHERE practice_id = $1
     RETURNING version`,
    [practiceId, JSON.stringify(rules), at, by],
  );
  return `practice-${rows[0]!.version}`;
}

/** A patient's observations since `since`, oldest first, as triage reads them. */
export async function listObservationFacts(db: Queryable, patientIds: readonly string[], since: Date): Promise<Map<string, ObservationFact[]>> {
  const { rows } = await db.query<{
    id: string;
    patient_id: string;
    kind: string;
    value: Record<string, unknown>;
    observed_at: Date;
    conversation_id: string | null;
  }>({
    name: 'list-observation-facts',
    text: `SELECT id, patient_id, kind, value, observed_at, conversation_id FROM observations
     WHERE patient_id = ANY($1) AND observed_at >= $2 ORDER BY observed_at, seq`,
    values: [patientIds, since],
  });
  const facts = new Map<string, ObservationFact[]>(patientIds.map((id) => [id, []]));
  for (const row of rows) {
    facts.get(row.patient_id)!.push({
      id: row.id,
      kind: row.kind,
      value: row.value,
      observedAt: row.observed_at,
      conversationId: row.conversation_id,
    });
  }
  return facts;
}

/**
 * Stores an evaluation and makes it the patient's current level. `since`
 * moves only when the level changes. Nothing in the turn reads it back, so it
 * goes out with the turn's next statement (writeLater).
 */
export async function recordEvaluation(
  db: Queryable,
  subject: { practiceId: string; patientId: string },
  evaluation: Evaluation,
  trigger: string,
): Promise<void> {
  const concern = evaluation.level === 'urgent' || evaluation.level === 'elevated' ? evaluation.evaluatedAt : null;
  await writeLater(db, {
    name: 'record-evaluation',
    text: `WITH evaluation AS (
             INSERT INTO triage_evaluations (practice_id, patient_id, level, rules_version, findings, reasons, trigger, evaluated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           )
           UPDATE patients SET
             triage_since = CASE WHEN triage_level = $3 AND triage_since IS NOT NULL THEN triage_since ELSE $8 END,
             triage_level = $3, triage_reasons = $6, last_concern_at = coalesce($9, last_concern_at)
           WHERE id = $2`,
    values: [
      subject.practiceId,
      subject.patientId,
      evaluation.level,
      evaluation.rulesVersion,
      JSON.stringify(evaluation.findings),
      JSON.stringify(evaluation.reasons),
      trigger,
      evaluation.evaluatedAt,
      concern,
    ],
  });
}

export interface StoredEvaluation {
  level: TriageLevel;
  rulesVersion: string;
  reasons: string[];
  findings: unknown;
  trigger: string;
  evaluatedAt: string;
}

export async function listEvaluations(db: Queryable, patientId: string, limit: number): Promise<StoredEvaluation[]> {
  const { rows } = await db.query<{ level: TriageLevel; rules_version: string; reasons: string[]; findings: unknown; trigger: string; evaluated_at: Date }>(
    'SELECT * FROM triage_evaluations WHERE patient_id = $1 ORDER BY evaluated_at DESC, seq DESC LIMIT $2',
    [patientId, limit],
  );
  return rows.map((row) => ({
    level: row.level,
    rulesVersion: row.rules_version,
    reasons: row.reasons,
    findings: row.findings,
    trigger: row.trigger,
    evaluatedAt: row.evaluated_at.toISOString(),
  }));
}
