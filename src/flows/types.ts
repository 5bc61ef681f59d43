/**
 * The contract between the conversation runtime (src/conversation) and the flows.
 *
 * Flows are pure: they receive events, keep their state in a JSON-serialisable
 * XState snapshot and emit outputs. They never send, store or log anything;
 * the runtime turns outputs into messages, observation rows and alerts.
 */
import type { PromptKey } from '../../prompts/en.js';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

/** The check-ins a person can start, and the cadence can plan. */
export type CheckInFlow = 'wellness' | 'medication' | 'symptoms';
export const FLOW_NAMES = ['wellness', 'medication', 'symptoms'] as const satisfies readonly CheckInFlow[];
/** Every flow: the check-ins, a dose reminder and the refill question. */
export type FlowName = CheckInFlow | 'reminder' | 'refill';

export interface BloodPressureLimit {
  systolic: number;
  diastolic: number;
}

/** What a flow knows when it starts; copied into its context, so it survives persistence. */
export interface FlowInput {
  locale: Locale;
  /**
   * Set for the medication, reminder and refill flows: which medication the
   * question is about. Name and dose are the words the texts use: the generic
   * "medicine" unless the practice allows names in texts; `onFile` is then its
   * name on file, never shown, by which a reply that names it is read.
   */
  medication?: { id: string; name: string; dose: string; onFile?: string };
  /**
   * Set for a dose reminder: every medication due at its time, by the names
   * on file (one text for all of them; a reply that names one is read per
   * medicine). The texts name them only when `namesInTexts`; `medication`
   * holds the words for the one when there is just one.
   */
  medications?: Array<{ id: string; name: string; dose: string }>;
  /** Whether texts may name the medications (the practice's `medicationNamesInTexts`). */
  namesInTexts?: boolean;
  /** Set for the refill flow: the due date as the patient reads it ("Dec 10", "10 de dic"). */
  refillDate?: string;
  /**
   * Set for the symptoms flow from the practice's triage rules: a reading at or
   * above either number is answered at once with "call 911 or us now" (the
   * rules, not the flow, raise the alert). Unset: no reading ends the check-in early.
   */
  bpCrisis?: BloodPressureLimit;
}

/** Events the runtime delivers to a running flow. */
export type FlowEvent =
  /** A patient's reply (SMS text, or speech/digits from a call in a later issue). */
  | { type: 'REPLY'; text: string }
  /** The wait for a reply ran out (delivered by the conversation.timeout job). */
  | { type: 'TIMEOUT' }
  /** Ask the current question again, as asked the first time (after "who is this?"); nothing is counted. */
  | { type: 'REPEAT' }
  /** The patient cannot answer here (silence on a call, twice): the check-in ends with no usable answer. */
  | { type: 'GIVE_UP' };

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
        reason?: 'forgot' | 'side_effects' | 'ran_out' | 'other' | 'stopped' | 'cost';
        detail?: string;
        /** Days of doses the patient says were missed ("since Monday"): one when unset. */
        days?: number;
      };
    }
  /**
   * A dose reminder went unanswered within its window. Silence says nothing of
   * whether the dose was taken, so this is not a reported dose: triage and the
   * month's adherence leave it out. Silence that goes on puts the patient on the
   * call list (unreachable), where a person asks.
   */
  | { kind: 'reminder_unanswered'; value: { medicationId: string } }
  | { kind: 'refill_concern'; value: { medicationId: string } }
  /** The patient has their refill (answered the refill question). */
  | { kind: 'refill_confirmed'; value: { medicationId: string } }
  | { kind: 'blood_pressure'; value: { systolic: number; diastolic: number } }
  | { kind: 'pain'; value: { score: number } }
  | { kind: 'symptom_trend'; value: { trend: 'better' | 'same' | 'worse' } }
  /** The patient answered, but nothing usable after the allowed re-prompts. */
  | { kind: 'no_usable_answer'; value: { question: string } }
  /** The wait for a reply timed out. */
  | { kind: 'non_response'; value: { question: string } }
  /** A red-flag phrase in a text (the runtime checks every text before any flow). */
  | { kind: 'red_flag'; value: { category: string } }
  /** Read in a text, whatever question it answered (src/flows/understand). */
  | { kind: 'concern_reported'; value: { category: string } }
  | { kind: 'request'; value: { kind: string } }
  | { kind: 'glucose'; value: { mgdl: number } }
  | { kind: 'oxygen'; value: { percent: number } }
  | { kind: 'pulse'; value: { bpm: number } }
  | { kind: 'weight'; value: { pounds: number } }
  | { kind: 'weight_gain'; value: { pounds: number; days: number | null } }
  | { kind: 'temperature'; value: { fahrenheit: number } }
  /** A text that came with no check-in open and is more than thanks: the care team reads it. */
  | { kind: 'patient_message'; value: Record<string, never> }
  /** The week-2 form's PROMIS Global01: the option's value, and its score from 1 (poor) to 5 (excellent). */
  | { kind: 'self_rated_health'; value: { answer: string; score: number } }
  /** A completed PHQ-2 or PHQ-9 (src/flows/questionnaire), one per instrument finished. */
  | { kind: 'depression_screen'; value: { instrument: 'phq2' | 'phq9'; score: number } };

export type ObservationKind = Observation['kind'];

/** Prompt variables the runtime always supplies when rendering. */
export interface PromptVars {
  firstName: string;
  practiceName: string;
  /** The practice's phone number, formatted for reading. */
  practicePhone: string;
  [extra: string]: string | number;
}

/**
 * What answer a question waits for, so each channel can ask for it its own
 * way: a text says "reply 1 or 2"; a call gathers one key, or digits ended by
 * the pound key, or speech.
 */
export type Expectation =
  /** One of `options` numbered choices (1..n); words that name a choice work too. */
  | { kind: 'choice'; options: number }
  /** A whole number from `min` to `max`. */
  | { kind: 'number'; min: number; max: number }
  /** Two numbers, systolic over diastolic. */
  | { kind: 'blood_pressure' }
  /** The patient's own words. */
  | { kind: 'words' };

/** Outputs a flow emits while handling one event, in order. */
export type FlowOutput =
  /**
   * Text for the patient, by prompt key; `params` add to the runtime's PromptVars.
   * `expects` is set when the prompt asks a question: what answer it waits for.
   */
  | { type: 'say'; prompt: PromptKey; params?: Record<string, string | number>; expects?: Expectation }
  | { type: 'observe'; observation: Observation };

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
