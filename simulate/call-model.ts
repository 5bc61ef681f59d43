/**
 * How the service's own calls turn out: who picks up a check-in call, how
 * long phones ring and people take to answer, what a machine reports, when
 * the coordinator answers her ring. One place for the figures, so a reader
 * can check them. The pickup shares are the article's call-outcome table
 * (../shared/seed/ccm-automation-article.txt, AMA 2025 via the article) as
 * for the coordinator's own calls (work-model.ts); everything else is
 * marked "assumption".
 */
import type { Random } from './random.js';

/** What Twilio reports of one call: a person, a machine, ringing out, a busy line. */
export type PickUp = 'human' | 'machine' | 'no_answer' | 'busy';

export const CALL_MODEL = {
  /**
   * The article's outcomes per attempt: a conversation 28%, voicemail 34%, no answer 22%, wrong
   * number / disconnected 8%, callback 8%. Here a voicemail is an answering machine; a wrong number
   * or disconnected line is a busy signal (assumption: the simulated numbers are all right, the line
   * is engaged); a callback rings out and the patient calls the practice back later.
   */
  patientOutcomes: { human: 0.28, machine: 0.34, no_answer: 0.22, busy: 0.08, callback: 0.08 },
  /**
   * The article's 28% is the panel's mean; the SMS patients' answer rate is spread around the
   * article's 67% (patients.ts). Assumption: a patient's chance of picking up scales with their own
   * answer rate (rate / 0.67), the other outcomes sharing the rest in the article's proportions.
   */
  meanAnswerRate: 0.67,
  /** Assumption: a phone is picked up after 2 to 5 rings (6-20 s); a busy signal within 2-6 s. */
  pickUpSeconds: [6, 20] as const,
  busySeconds: [2, 6] as const,
  /** Assumption: a machine's greeting lasts 4-9 s before the beep (Twilio's DetectMessageEnd verdict then). */
  greetingSeconds: [4, 9] as const,
  /** Assumption: most machines beep; some end in silence (both get the callback message). */
  machineEndBeepShare: 0.8,
  /** Assumption: a patient who did not pick up calls back after about 2 h (exponential), between 08:00 and 20:00. */
  callbackMeanHours: 2,
  /** Assumption: sentences are read at about 2.5 words a second; a caller starts answering 1-4 s after the question ends. */
  wordsPerSecond: 2.5,
  thinkSeconds: [1, 4] as const,
  /** Assumption: Twilio's speech recognizer is confident (0.75-0.98) about what patients say from the corpus. */
  speechConfidence: [0.75, 0.98] as const,
  /** Assumption: a patient who said something alarming takes the offer of a nurse on the line half the time. */
  wantsNurse: 0.5,
  /** Assumption: a nurse bridged to a patient in an emergency talks with them 3-8 minutes. */
  bridgeMinutes: [3, 8] as const,
  /**
   * Assumption: the coordinator answers her ring when she is on the premises (lunch included) and
   * not already on a call; she picks up after 5-15 s and presses the key that acknowledges.
   * Otherwise her phone rings out (no answer) and the chain moves on.
   */
  coordinatorPickUpSeconds: [5, 15] as const,
} as const;

export const between = (random: Random, [low, high]: readonly [number, number]): number => low + random() * (high - low);

/** Seconds to say `text` aloud. */
export const sayingSeconds = (text: string): number => Math.ceil(text.split(/\s+/).filter(Boolean).length / CALL_MODEL.wordsPerSecond);

/** One check-in call's outcome for a patient answering texts at `answerRate`. */
export function patientPickUp(random: Random, answerRate: number): PickUp | 'callback' {
  const shares = CALL_MODEL.patientOutcomes;
  const human = Math.min(0.9, shares.human * (answerRate / CALL_MODEL.meanAnswerRate));
  const scale = (1 - human) / (1 - shares.human);
  let r = random();
  for (const [outcome, share] of [['human', human], ['machine', shares.machine * scale], ['no_answer', shares.no_answer * scale], ['busy', shares.busy * scale]] as const) {
    if (r < share) return outcome;
    r -= share;
  }
  return 'callback';
}
