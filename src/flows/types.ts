/**
 * The contract between the conversation runtime (src/bot) and the flows.
 *
 * Flows are pure: they receive events, keep their state in a JSON-serialisable
 * XState snapshot and emit outputs. They never send, store or log anything;
 * the runtime turns outputs into messages, observation rows and alerts.
 */
import type { PromptKey } from '../../prompts/en.js';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

export type FlowName = 'wellness' | 'medication' | 'symptoms';
export const FLOW_NAMES = ['wellness', 'medication', 'symptoms'] as const satisfies readonly FlowName[];

/** What a flow knows when it starts; copied into its context, so it survives persistence. */
export interface FlowInput {
  locale: Locale;
  /** Set for the medication flow: which medication the question is about. */
  medication?: { id: string; name: string; dose: string };
}

/** Events the runtime delivers to a running flow. */
export type FlowEvent =
  /** A patient's reply (SMS text, or speech/digits from a call in a later issue). */
  | { type: 'REPLY'; text: string }
  /** The wait for a reply ran out (delivered by the conversation.timeout job). */
  | { type: 'TIMEOUT' };

/** Observations a flow records: what the patient reported, in structured form. */
export type Observation =
  | { kind: 'wellness'; value: { status: 'well' | 'concerns' } }
  | {
      kind: 'concern';
      value: {
        /** Menu category, or 'other' for free text. */
        category: string;
        text?: string;
        severity?: 'mild' | 'moderate' | 'severe';
        trend?: 'new' | 'worse' | 'same';
      };
    }
  | {
      kind: 'medication_adherence';
      value: {
        medicationId: string;
        taken: boolean;
        reason?: 'forgot' | 'side_effects' | 'ran_out' | 'other';
        detail?: string;
      };
    }
  | { kind: 'refill_concern'; value: { medicationId: string } }
  | { kind: 'blood_pressure'; value: { systolic: number; diastolic: number } }
  | { kind: 'pain'; value: { score: number } }
  | { kind: 'symptom_trend'; value: { trend: 'better' | 'same' | 'worse' } }
  /** The patient answered, but nothing usable after the allowed re-prompts. */
  | { kind: 'no_usable_answer'; value: { question: string } }
  /** The wait for a reply timed out. */
  | { kind: 'non_response'; value: { question: string } };

export type ObservationKind = Observation['kind'];

/**
 * Something the runtime must act on. `urgent` escalates to the on-call
 * coordinator at once; `elevated` asks for a coordinator review within 48 h.
 */
export interface TriageSignal {
  level: 'urgent' | 'elevated';
  /** A stable machine-readable reason, e.g. 'bp_crisis', 'missed_dose'. */
  reason: string;
}

/** Prompt variables the runtime always supplies when rendering. */
export interface PromptVars {
  firstName: string;
  practiceName: string;
  /** The practice's phone number, formatted for reading. */
  practicePhone: string;
  [extra: string]: string | number;
}

/** Outputs a flow emits while handling one event, in order. */
export type FlowOutput =
  /** Text for the patient, by prompt key; `params` add to the runtime's PromptVars. */
  | { type: 'say'; prompt: PromptKey; params?: Record<string, string | number> }
  | { type: 'observe'; observation: Observation }
  | { type: 'signal'; signal: TriageSignal };

export type FlowOutcome = 'completed' | 'no_usable_answer' | 'timed_out';

/** The JSON that is stored for a conversation between events. */
export type PersistedFlowSnapshot = Record<string, unknown>;

/** What one step of a flow produced. */
export interface FlowStep {
  snapshot: PersistedFlowSnapshot;
  /** The version of the flow's definition that wrote the snapshot. */
  version: number;
  outputs: FlowOutput[];
  /** The state the flow is in, as a dotted path, e.g. 'askSeverity' or 'done'. */
  state: string;
  /** True when the flow reached its final state. */
  done: boolean;
  /** Set when done. */
  outcome?: FlowOutcome;
  /** Everything answered so far, keyed by question, for the API and documentation. */
  answers: Record<string, unknown>;
}
