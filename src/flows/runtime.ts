/**
 * The pure step runtime: one event in, outputs and a new persisted snapshot
 * out. An actor lives only for one step (restore, send, persist, stop), so
 * nothing about a conversation is held in memory between messages.
 */
import { createActor } from 'xstate';
import type { Snapshot, StateValue } from 'xstate';
import type { FlowContext } from './machines/flow-setup.js';
import { FLOWS, upgradeSnapshot } from './registry.js';
import type {
  FlowEvent,
  FlowInput,
  FlowName,
  FlowOutcome,
  FlowOutput,
  FlowStep,
  PersistedFlowSnapshot,
} from './types.js';

/** The snapshot fields the runtime reads, whatever the machine. */
interface FlowSnapshotView {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: FlowContext;
  output?: FlowOutcome;
  error?: unknown;
}

function stateToString(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateToString(child)}`))
    .join(',');
}

/**
 * Runs one step. Errors thrown inside the machine (a parser bug, say) would
 * otherwise be reported asynchronously and crash the process; here they are
 * caught and rethrown to the caller, who can keep the stored snapshot as is.
 */
function runStep(
  name: FlowName,
  options: { input: FlowInput } | { snapshot: PersistedFlowSnapshot },
  event?: FlowEvent,
): FlowStep {
  // All flows share flowSetup's types; only their state values differ, which
  // the runtime reads generically as a dotted string.
  const { machine, version } = FLOWS[name];
  const actor =
    'snapshot' in options
      ? createActor(machine, { snapshot: options.snapshot as Snapshot<unknown> })
      : createActor(machine, { input: options.input });
  const outputs: FlowOutput[] = [];
  let failure: { error: unknown } | undefined;
  actor.on('*', (emitted: FlowOutput) => outputs.push(emitted));
  actor.subscribe({ error: (error) => (failure = { error }) });

  actor.start();
  // XState's development build logs any event sent to a finished actor, text
  // included: a patient's words must never reach a log, so do not send it.
  if (event && !failure && actor.getSnapshot().status === 'active') actor.send(event);
  const snapshot = actor.getSnapshot() as FlowSnapshotView;
  const persisted = actor.getPersistedSnapshot() as unknown as PersistedFlowSnapshot;
  actor.stop();

  if (failure || snapshot.status === 'error') {
    throw new Error(`Flow "${name}" failed in state ${stateToString(snapshot.value)}`, {
      cause: failure?.error ?? snapshot.error,
    });
  }
  const done = snapshot.status === 'done';
  return {
    snapshot: persisted,
    version,
    outputs,
    state: stateToString(snapshot.value),
    done,
    ...(done && snapshot.output ? { outcome: snapshot.output } : {}),
    // A copy: the caller may keep it after the snapshot moves on.
    answers: { ...snapshot.context.answers },
  };
}

/**
 * Starts a flow: creates its actor and returns what the initial state emits
 * (the opening question) with the snapshot to store.
 *
 * @throws Error when the medication flow has no `input.medication`, or when
 *   the machine fails.
 */
export function startFlow(name: FlowName, input: FlowInput): FlowStep {
  if (name === 'medication' && !input.medication) {
    throw new Error('The medication flow needs input.medication');
  }
  return runStep(name, { input });
}

/**
 * Restores a flow from its stored snapshot, delivers one event and returns the
 * outputs with the new snapshot. A snapshot written by an older version of the
 * flow is upgraded first (registry.ts). Restoring does not re-run entry
 * actions, so the question already asked is not asked again. An event sent to
 * a finished flow changes nothing and emits nothing.
 *
 * @throws Error when the machine fails or the version is unknown; the stored snapshot stays valid.
 */
export function advanceFlow(
  name: FlowName,
  snapshot: PersistedFlowSnapshot,
  event: FlowEvent,
  version: number = FLOWS[name].version,
): FlowStep {
  return runStep(name, { snapshot: upgradeSnapshot(name, version, snapshot) }, event);
}
