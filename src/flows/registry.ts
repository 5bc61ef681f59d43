/**
 * Every flow with the version of its definition. A conversation stores the
 * version that wrote its snapshot; when a deploy changes a flow in a way an
 * open conversation would notice (a state renamed, a context field added),
 * its version goes up and a migration upgrades older snapshots, so check-ins
 * open across the deploy carry on where they were.
 */
import type { AnyStateMachine } from 'xstate';
import { medicationMachine } from './machines/medication.js';
import { refillMachine } from './machines/refill.js';
import { reminderMachine } from './machines/reminder.js';
import { symptomsMachine } from './machines/symptoms.js';
import { wellnessMachine } from './machines/wellness.js';
import type { FlowName, PersistedFlowSnapshot } from './types.js';

/** Upgrades a snapshot written by version n of a flow to version n + 1. */
export type SnapshotMigration = (snapshot: PersistedFlowSnapshot) => PersistedFlowSnapshot;

interface FlowDefinition {
  machine: AnyStateMachine;
  version: number;
  /** migrations[n] upgrades a snapshot of version n; one for every version below the current one. */
  migrations: Readonly<Record<number, SnapshotMigration>>;
}

export const FLOWS: Readonly<Record<FlowName, FlowDefinition>> = {
  wellness: { machine: wellnessMachine, version: 1, migrations: {} },
  reminder: {
    machine: reminderMachine,
    // v2: one reminder for every medicine due at its time (context.medications). A v1 snapshot is a reminder for
    // its one context.medication, which v2 reads as such (doses.ts, medicinesAsked): nothing to change.
    version: 2,
    migrations: { 1: (snapshot) => snapshot },
  },
  refill: { machine: refillMachine, version: 1, migrations: {} },
  medication: { machine: medicationMachine, version: 1, migrations: {} },
  symptoms: {
    machine: symptomsMachine,
    // v2: the crisis limit comes from the practice's triage rules (context.bpCrisis); v1 had 180/120 built in.
    version: 2,
    migrations: { 1: (snapshot) => withContext(snapshot, { bpCrisis: { systolic: 180, diastolic: 120 } }) },
  },
};

/** A snapshot with fields added to its context (those it has already are kept). */
function withContext(snapshot: PersistedFlowSnapshot, fields: Record<string, unknown>): PersistedFlowSnapshot {
  const context = (snapshot.context ?? {}) as Record<string, unknown>;
  return { ...snapshot, context: { ...fields, ...context } };
}

export const currentFlowVersion = (name: FlowName): number => FLOWS[name].version;

/**
 * A stored snapshot as the current definition reads it.
 * @throws Error for a version this code does not know (newer than it, or a missing migration):
 *   guessing could put a patient's answers in the wrong place.
 */
export function upgradeSnapshot(name: FlowName, version: number, snapshot: PersistedFlowSnapshot): PersistedFlowSnapshot {
  const flow = FLOWS[name];
  if (!Number.isInteger(version) || version < 1 || version > flow.version) {
    throw new Error(`Flow "${name}" snapshot has version ${version}; this deploy knows versions 1 to ${flow.version}`);
  }
  let upgraded = snapshot;
  for (let v = version; v < flow.version; v += 1) {
    const migrate = flow.migrations[v];
    if (!migrate) throw new Error(`Flow "${name}" has no migration from version ${v}`);
    upgraded = migrate(upgraded);
  }
  return upgraded;
}
