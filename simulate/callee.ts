/**
 * The people the service's calls reach: whether they pick up, and what they
 * press or say to what they hear. A patient answers a spoken question as they
 * would answer the same question by text (patients.ts: the same corpus and
 * the same state of health), by keypad where the menu asks for a key and by
 * speech where they say something of their own; the coordinator presses the
 * key her escalation call names for acknowledging, and takes a patient put
 * through to her. Each draws from a phone stream of their own (streamFor), so
 * what happens on calls does not move what anyone texts.
 */
import { answerIn, chanceAt, REASON_QUESTION, type SimPatient } from './patients.js';
import type { LabelledText } from './corpus.js';
import { between, CALL_MODEL, patientPickUp, type PickUp } from './call-model.js';
import type { Random } from './random.js';
import type { Twiml } from './twiml-read.js';

/** What a caller does at a <Gather>: keys, words, or nothing (silence: Twilio posts an empty result). */
export type Response = { digits: string } | { speech: string; confidence: number; label: LabelledText | null } | null;

/** What one callee remembers within a call (a new call starts afresh). */
export interface OnTheLine {
  /** The first question of the call is still to be answered. */
  opening: boolean;
  /** What they said in their own words on this call: said again when asked to put it in a few words. */
  said: string | null;
}

export interface Callee {
  readonly random: Random;
  /** Seconds of ringing before they pick up. */
  readonly pickUpSeconds: readonly [number, number];
  /** How they take a call ringing at `at`: 'callback' rings out, and they call the practice back later. */
  pickUp(at: Date): PickUp | 'callback';
  respond(twiml: Twiml, line: OnTheLine, at: Date): Response;
}

export function patientCallee(p: SimPatient, random: Random, progressAt: (at: Date) => number): Callee {
  const press = (digits: string): Response => ({ digits });
  const say = (speech: string, label: LabelledText | null): Response => ({ speech, confidence: Math.round(between(random, CALL_MODEL.speechConfidence) * 100) / 100, label });
  // Their answers as the text model gives them, drawn from the phone stream.
  const onPhone: SimPatient = { ...p, random };
  return {
    random,
    pickUpSeconds: CALL_MODEL.pickUpSeconds,
    // A number that cannot take texts: a landline (30006) is still their phone; an unknown or dead one rings out.
    // Otherwise their chance at the hour it rings (a day worker seldom picks up before the evening; one who ignores texts takes calls).
    pickUp: (at) => (p.optedOutAt || p.wrongNumber === 30003 || p.wrongNumber === 30005 ? 'no_answer' : patientPickUp(random, chanceAt(p, progressAt(at), at, 'call'))),
    respond(twiml, line, at) {
      if (twiml.next.kind !== 'gather') return null;
      const text = twiml.say;
      const progress = progressAt(at);
      if (/talk to a nurse now|hablar con una enfermera ahora/i.test(text)) return random() < CALL_MODEL.wantsNurse ? press('1') : null;
      if (/I heard:|Escuché:/.test(text)) return press('1');
      if (/say or press 1|diga u oprima 1/i.test(text)) return press('1');
      if (/from 0 to 10|del 0 al 10/.test(text)) return press(String(Math.floor(random() * 4)));
      const context = REASON_QUESTION.test(text)
        ? 'reason'
        : /blood pressure|diga su presión/i.test(text)
        ? 'bp'
        : /Compared with last week|Comparado con la semana pasada/i.test(text)
          ? 'symptom_trend'
          : /How are you feeling|Cómo se siente hoy/i.test(text)
            ? 'wellness'
            : /Did you take|taken|time for your|refill|tomar hoy|se tomó|Ya es hora de su|surtida/i.test(text)
              ? 'medication'
              : null;
      // Words wanted ("tell us in a few words"): what they said already, or nothing new to say.
      if (!context && twiml.next.numDigits === null && twiml.next.finishOnKey === null) return line.said ? say(line.said, null) : null;
      if (!context) return press('1');
      const answer = answerIn(onPhone, context, line.opening, progress);
      line.opening = false;
      if (context === 'bp' && /^\d+\/\d+$/.test(answer.body)) {
        const [top, bottom] = answer.body.split('/');
        return say(`${top} ${p.language === 'es' ? 'sobre' : 'over'} ${bottom}`, null);
      }
      if (/^\d+$/.test(answer.body)) return press(answer.body);
      line.said = answer.body;
      return say(answer.body, answer.label);
    },
  };
}

/** Whether the coordinator can take a call now (on the premises, not on another call): her desk's state. */
export type Availability = (at: Date) => boolean;

export function coordinatorCallee(random: Random, available: Availability): Callee {
  return {
    random,
    pickUpSeconds: CALL_MODEL.coordinatorPickUpSeconds,
    pickUp: (at) => (available(at) ? 'human' : 'no_answer'),
    respond(twiml) {
      // The escalation call's menu ("To acknowledge, press 2") or a patient's whisper ("To talk to them now, press 1").
      const key = /acknowledge, press (\d)/i.exec(twiml.say) ?? /talk to them now, press (\d)/i.exec(twiml.say);
      return key ? { digits: key[1]! } : null;
    },
  };
}
