import {
  DEFAULT_RULE_SET,
  evaluateTriage,
  type Evaluation,
  type Finding,
  type ObservationFact,
  type TriageFacts,
  type VersionedRuleSet,
} from '../triage/index.js';
import { alertedEvidence } from '../store/alert-evidence.js';
import type { Alert } from '../store/alerts.js';
import type { Medication } from '../store/medications.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import {
  findPracticeRuleSet,
  findTaggedPracticeRuleSet,
  loadTriageInputs,
  recordEvaluation,
  type TriageInputs,
} from '../store/triage.js';
import { raiseAlert, type AlertSubject } from './raise.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The rules a practice triages by: its own set, or the defaults. */
export async function practiceRules(db: Queryable, practiceId: string): Promise<VersionedRuleSet> {
  return (await findPracticeRuleSet(db, practiceId)) ?? DEFAULT_RULE_SET;
}

/** How far back a rule set looks: its longest rule window, or the stable period. */
export const lookback = (rules: VersionedRuleSet) =>
  Math.max(rules.stable.days, ...rules.rules.map((rule) => rule.withinDays)) * DAY_MS;

/** What triage knows of a patient, from their recent observations and medications, as of `at`. */
export function triageFacts(
  practice: Practice,
  patient: Patient,
  observations: ObservationFact[],
  medications: Medication[],
  at: Date,
): TriageFacts {
  return {
    now: at,
    timezone: practice.timezone,
    enrolledAt: new Date(patient.createdAt),
    conditions: patient.conditions,
    observations,
    medications: medications.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name, refillDueOn: m.refillDueOn })),
    lastConcernAt: patient.lastConcernAt ? new Date(patient.lastConcernAt) : null,
  };
}

/**
 * The rule set last read per practice, by its tag (store/triage.ts): a guess
 * that every assessment checks against the database in the statement that
 * reads the patient's observations, so rules changed by any instance are
 * read again before they are used. Rule sets are small and practices few.
 */
const knownRules = new Map<string, { tag: string | null; rules: VersionedRuleSet }>();
const heldRules = (practiceId: string) => knownRules.get(practiceId) ?? { tag: null, rules: DEFAULT_RULE_SET };

/**
 * How far back an assessment of the practice's patients at `at` will read, by
 * the rules held for it: a caller that writes observations can read triage's
 * inputs since then in the same statement and hand them over (Preloaded).
 */
export const triageSince = (practiceId: string, at: Date) => new Date(at.getTime() - lookback(heldRules(practiceId).rules));

/**
 * The practice's current rules and what triage reads of the patient, as of
 * `at`: usually one round trip (the rules held are still current); when the
 * rules changed, they are read, and the observations again if the rules look
 * back further or less far.
 */
async function loadRulesAndFacts(
  db: Queryable,
  practice: Practice,
  patient: Patient,
  at: Date,
  preloaded: Preloaded,
): Promise<{ rules: VersionedRuleSet; facts: TriageFacts }> {
  const { medications } = preloaded;
  const ids = { practiceId: practice.id, patientId: patient.id };
  const since = (rules: VersionedRuleSet) => new Date(at.getTime() - lookback(rules));
  const held = heldRules(practice.id);
  let rules = held.rules;
  // Read already (with the step that observed), when it goes back as far as these rules look and has what is needed.
  const given = preloaded.inputs && preloaded.inputs.since.getTime() === since(rules).getTime() && (medications || preloaded.inputs.medications) ? preloaded.inputs : null;
  let inputs: TriageInputs = given ?? (await loadTriageInputs(db, ids, since(rules), !medications));
  if (inputs.rulesTag !== held.tag) {
    const current = await findTaggedPracticeRuleSet(db, practice.id);
    rules = current?.rules ?? DEFAULT_RULE_SET;
    knownRules.set(practice.id, { tag: current?.tag ?? null, rules });
    if (lookback(rules) !== lookback(held.rules)) inputs = await loadTriageInputs(db, ids, since(rules), !medications);
  }
  const facts = triageFacts(practice, patient, inputs.observations, medications ?? inputs.medications ?? [], at);
  return { rules, facts };
}

/** What the caller has read already this turn, so the assessment need not read it again. */
export interface Preloaded {
  /** The patient's medications, as listMedications reads them, read in this transaction. */
  medications?: Medication[] | undefined;
  /** What triage reads, read in this transaction since triageSince, after the last observation was written. */
  inputs?: TriageInputs | null | undefined;
}

/**
 * Re-evaluates a patient after new data (an answer, a timeout, a red flag),
 * in the caller's transaction, with the patient's row locked: stores the
 * evaluation as the patient's level, and raises an alert for each finding
 * that rests on evidence no alert of its reason has seen yet.
 */
export async function assessPatient(
  tx: Queryable,
  subject: AlertSubject,
  at: Date,
  trigger: string,
  preloaded: Preloaded = {},
): Promise<{ evaluation: Evaluation; alerts: Alert[] }> {
  const { practice, patient } = subject;
  const { rules, facts } = await loadRulesAndFacts(tx, practice, patient, at, preloaded);
  const evaluation = evaluateTriage(facts, rules);
  await recordEvaluation(tx, { practiceId: practice.id, patientId: patient.id }, evaluation, trigger);
  const alerts: Alert[] = [];
  for (const finding of evaluation.findings) {
    const alert = await alertOnNewEvidence(tx, subject, finding, rules, at);
    if (alert) alerts.push(alert);
  }
  return { evaluation, alerts };
}

/** Raises (or joins) the finding's alert when it rests on evidence no alert of its reason has seen; returns it. */
async function alertOnNewEvidence(tx: Queryable, subject: AlertSubject, finding: Finding, rules: VersionedRuleSet, at: Date): Promise<Alert | null> {
  const seen = await alertedEvidence(tx, subject.patient.id, finding.reason, finding.evidence.map((e) => e.key));
  const fresh = finding.evidence.filter((e) => !seen.has(e.key));
  if (fresh.length === 0) return null;
  const evidence = fresh.map((e) => ({ key: e.key, observationId: e.observationId ?? null, explanation: finding.explanation, at: e.at }));
  const reviewHours = rules.rules.find((rule) => rule.id === finding.ruleId)?.reviewHours;
  const request = { level: finding.level, reason: finding.reason, explanation: finding.explanation, evidence, reviewHours };
  return (await raiseAlert(tx, subject, request, at)).alert;
}
