import type { FlowOutcome, FlowStep, Observation } from '../flows/types.js';
import { saveStep, type Conversation, type ConversationStatus } from '../store/conversations.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import type { TriageInputs } from '../store/triage.js';
import { promisesFollowUp } from './promises.js';
import type { RuntimeDeps } from '../runtime.js';
import { utteranceOf, type Utterance } from './speech.js';

const STATUS_BY_OUTCOME: Record<FlowOutcome, ConversationStatus> = {
  completed: 'completed',
  no_usable_answer: 'no_usable_answer',
  timed_out: 'timed_out',
};

/** Whether a step took the patient's text as the answer to its question: it moved on, or ended answered (not a re-prompt). */
export const tookAnswer = (stateBefore: string, step: FlowStep) => step.state !== stateBefore || (step.done && step.outcome === 'completed');

export interface StepContext {
  practice: Practice;
  patient: Patient;
  conversation: Conversation;
  /** The inbound message the step answered (null for a timeout). */
  inbound: { id: string } | null;
  /** When the step happened (the text arrived, the wait ran out), by the service clock. */
  at: Date;
  /** Whether what the step says goes out now (a reply); only then does the wait for the next answer start now. */
  speaksNow: boolean;
  /** The caller assesses what the step observes, reading observations since then (alerts' triageSince): the step reads them. */
  triageSince?: Date | undefined;
}

export interface RecordedStep {
  /** What the step says, for a channel to render; null when it says nothing. */
  says: Utterance | null;
  /** What the patient reported, as the flow recorded it (triage is the caller's to run). */
  observations: Observation[];
  /** The step says someone will follow up (a prompt marked `promise`). */
  promises: boolean;
  /** What triage reads after the step, read with it (when asked by `triageSince` and the step observed something). */
  triageInputs: TriageInputs | null;
}

/**
 * Records one flow step: the new snapshot with the end of the next wait (a
 * timeout job kept pending by then: store/conversation-timeouts.ts), and what the patient reported;
 * asked, it reads what triage needs next in the same round trip.
 */
export async function recordStep(tx: Queryable, deps: RuntimeDeps, ctx: StepContext, step: FlowStep): Promise<RecordedStep> {
  const { practice, patient, conversation, inbound, at } = ctx;
  const status: ConversationStatus = step.done ? STATUS_BY_OUTCOME[step.outcome ?? 'completed'] : 'active';
  const waitMs = conversation.replyWindowSeconds !== null ? conversation.replyWindowSeconds * 1000 : deps.conversationTimeoutMs;
  const expiresAt = !step.done && ctx.speaksNow ? new Date(at.getTime() + waitMs) : null;
  const observations: Observation[] = step.outputs.flatMap((o) => (o.type === 'observe' ? [o.observation] : []));
  // One statement: the step, what the patient reported (insertObservations' rows), and the end of the conversation
  // on the record (recordConversationEnd's event), in that order.
  const triageInputs = await saveStep(
    tx,
    conversation.id,
    { state: step.state, snapshot: step.snapshot, flowVersion: step.version, answers: step.answers, status, expiresAt, at },
    {
      practiceId: practice.id,
      patientId: patient.id,
      messageId: inbound?.id ?? null,
      observations,
      ended: step.done ? { flow: conversation.flow } : null,
      // Nothing observed, nothing to assess: the read is spared.
      triageSince: observations.length > 0 ? ctx.triageSince : null,
    },
  );
  const promises = step.outputs.some((o) => o.type === 'say' && promisesFollowUp(o.prompt));
  return { says: utteranceOf(step.outputs), observations, promises, triageInputs };
}
