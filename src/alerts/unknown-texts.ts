/**
 * Texts from numbers no patient has ("Mom fell, she hit her head"): what one
 * says, read the same way when it arrives (src/channels/sms) and when a
 * coordinator reads it in the app or the API, and what linking it to the
 * patient it is about does to that patient's record.
 */
import { detectRedFlag } from '../flows/safety/index.js';
import { isPleasantry } from '../flows/text/index.js';
import { readMessage, type Vital } from '../flows/understand/index.js';
import { formatForReading } from '../phone.js';
import type { Alert } from '../store/alerts.js';
import { recordEvent } from '../store/patient-events.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { concernWords } from '../triage/index.js';
import { raiseAlert } from './raise.js';
import { describeReason } from './reasons.js';

export interface UnknownTextReading {
  /** It reports an emergency: the sender is told to call 911 and the on-call coordinators are texted. */
  emergency: { reason: string; words: string } | null;
  /** It says more than a greeting: a person is to read it. */
  saysSomething: boolean;
  /** What else it mentions, in the words a coordinator reads ("a fall", "a request to be called"). */
  mentions: string[];
}

const vitalWords = (v: Vital): string => {
  switch (v.kind) {
    case 'glucose':
      return `blood sugar ${v.over ? 'over ' : ''}${v.mgdl}`;
    case 'oxygen':
      return `oxygen ${v.percent}%`;
    case 'pulse':
      return `pulse ${v.bpm}`;
    case 'weight':
      return `weight ${v.pounds} lb`;
    case 'weight_gain':
      return `a gain of ${v.pounds} lb`;
    case 'temperature':
      return `temperature ${v.fahrenheit} F`;
    case 'pain':
      return `pain ${v.score} of 10`;
    case 'blood_pressure':
      return `blood pressure ${v.systolic}/${v.diastolic}`;
  }
};

/** What a text from an unknown number says (pure). */
export function readUnknownText(body: string): UnknownTextReading {
  const redFlag = detectRedFlag(body);
  const reading = readMessage(body);
  const emergency = redFlag
    ? { reason: `red_flag:${redFlag.category}`, words: describeReason(`red_flag:${redFlag.category}`) }
    : reading.requests.includes('distress')
      ? { reason: 'distress', words: describeReason('distress') }
      : null;
  const mentions = [
    ...reading.concerns.map(concernWords),
    ...reading.requests.filter((r) => r !== 'distress').map((r) => describeReason(`request:${r}`)),
    ...reading.vitals.map(vitalWords),
  ];
  // "chest pain" is not said again as "pain", nor "a fall (hurt ...)" as "a fall".
  const more = [...new Set(mentions)].filter((m) => !emergency?.words.includes(m));
  return { emergency, saysSomething: body.trim() !== '' && !isPleasantry(body), mentions: more };
}

export interface TextToFile {
  id: string;
  from: string;
  body: string;
  receivedAt: string;
  reviewNeeded: boolean;
  urgent: boolean;
}

/**
 * A coordinator said whom an unknown sender's text is about: it joins that
 * patient's record (an event in their transcript) and, when it needed a
 * person, their case as the evidence of an alert: an urgent text raises (or
 * joins) an urgent one for its emergency, any other a message for the care
 * team. The text is not the patient's own, and the alert says so. A greeting
 * joins the record only.
 */
export async function fileUnderPatient(
  tx: Queryable,
  subject: { practice: Practice; patient: Patient },
  text: TextToFile,
  linkedBy: { id: string; name: string },
  at: Date,
): Promise<{ alert: Alert; opened: boolean } | null> {
  const { practice, patient } = subject;
  await recordEvent(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    messageId: text.id,
    type: 'unknown_sender.linked',
    detail: { messageId: text.id, coordinatorId: linkedBy.id },
    at,
  });
  if (!text.reviewNeeded && !text.urgent) return null;
  const reading = readUnknownText(text.body);
  const reason = text.urgent ? (reading.emergency?.reason ?? 'distress') : 'message_for_team';
  const mentions = reading.mentions.length > 0 ? `; it mentions ${reading.mentions.join(', ')}` : '';
  const explanation = `A text from ${formatForReading(text.from)}, not the patient's phone, that ${linkedBy.name} linked to the patient${mentions}`;
  return raiseAlert(
    tx,
    { practice, patient, conversationId: null, messageId: text.id },
    {
      level: text.urgent ? 'urgent' : 'elevated',
      reason,
      explanation,
      evidence: [{ key: `message:${text.id}`, messageId: text.id, explanation, at: new Date(text.receivedAt) }],
    },
    at,
  );
}
