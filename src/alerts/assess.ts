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
import { listMedications, type Medication } from '../store/medications.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { findPracticeRuleSet, listObservationFacts, recordEvaluation, type TriageState } from '../store/triage.js';
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

async function loadFacts(db: Queryable, practice: Practice, patient: Patient, rules: VersionedRuleSet, at: Date): Promise<TriageFacts> {
  const since = new Date(at.getTime() - lookback(rules));
  const [observations, medications] = await Promise.all([listObservationFacts(db, [patient.id], since), listMedications(db, patient.id)]);
  return triageFacts(practice, patient, observations.get(patient.id) ?? [], medications, at);
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
): Promise<{ evaluation: Evaluation; state: TriageState; alerts: Alert[] }> {
  const { practice, patient } = subject;
  const rules = await practiceRules(tx, practice.id);
  const evaluation = evaluateTriage(await loadFacts(tx, practice, patient, rules, at), rules);
  const state = await recordEvaluation(tx, { practiceId: practice.id, patientId: patient.id }, evaluation, trigger);
  const alerts: Alert[] = [];
  for (const finding of evaluation.findings) {
    const alert = await alertOnNewEvidence(tx, subject, finding, rules, at);
    if (alert) alerts.push(alert);
  }
  return { evaluation, state, alerts };
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
