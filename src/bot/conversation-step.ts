import type { FlowOutcome, FlowStep, Observation } from '../flows/types.js';
import { saveStep, type Conversation, type ConversationStatus } from '../store/conversations.js';
import { enqueueJob } from '../store/job-queue.js';
import { insertObservations } from '../store/observations.js';
import { recordEvent } from '../store/patient-events.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { raiseAlert } from './alerts.js';
import type { BotDeps } from './deps.js';
import { flowText } from './speech.js';

const STATUS_BY_OUTCOME: Record<FlowOutcome, ConversationStatus> = {
  completed: 'completed',
  no_usable_answer: 'no_usable_answer',
  timed_out: 'timed_out',
};

export interface StepContext {
  practice: Practice;
  patient: Patient;
  conversation: Conversation;
  /** The inbound message the step answered (null for a timeout). */
  inbound: { id: string; receivedAt: Date } | null;
  /** Whether what the step says goes out now (a reply); only then does the wait for the next answer start now. */
  speaksNow: boolean;
}

/**
 * Records one flow step: the new snapshot (which makes older timeout jobs
 * stale), what the patient reported, the alerts it calls for, and the next
 * wait. Returns the text to send, if the step says anything.
 */
export async function recordStep(tx: Queryable, deps: BotDeps, ctx: StepContext, step: FlowStep): Promise<string | null> {
  const { practice, patient, conversation, inbound } = ctx;
  const status: ConversationStatus = step.done ? STATUS_BY_OUTCOME[step.outcome ?? 'completed'] : 'active';
  const expiresAt = !step.done && ctx.speaksNow ? new Date(deps.now().getTime() + deps.conversationTimeoutMs) : null;
  const saved = await saveStep(tx, conversation.id, {
    state: step.state,
    snapshot: step.snapshot,
    answers: step.answers,
    status,
    expiresAt,
  });

  const observations: Observation[] = step.outputs.flatMap((o) => (o.type === 'observe' ? [o.observation] : []));
  await insertObservations(
    tx,
    {
      practiceId: practice.id,
      patientId: patient.id,
      conversationId: conversation.id,
      messageId: inbound?.id ?? null,
      observedAt: inbound?.receivedAt ?? deps.now(),
    },
    observations,
  );
  const subject = { practice, patient, conversationId: conversation.id, messageId: inbound?.id ?? null };
  for (const output of step.outputs) {
    if (output.type === 'signal') await raiseAlert(tx, subject, output.signal.level, output.signal.reason);
  }
  if (expiresAt) {
    await enqueueJob(tx, 'conversation.timeout', { conversationId: conversation.id, version: saved.version }, expiresAt);
  }
  if (step.done) {
    await recordEvent(tx, {
      practiceId: practice.id,
      patientId: patient.id,
      conversationId: conversation.id,
      type: `conversation.${status}`,
      detail: { flow: conversation.flow },
    });
  }
  return flowText(step.outputs, conversation.input.locale, practice, patient);
}
