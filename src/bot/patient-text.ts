import { advanceFlow, type FlowEvent, type Locale, type Observation } from '../flows/index.js';
import { classifyKeyword, detectRedFlag } from '../flows/safety/index.js';
import { isPleasantry } from '../flows/text/index.js';
import { readMessage, type MessageReading } from '../flows/understand/index.js';
import type { PromptKey } from '../../prompts/index.js';
import type { Alert } from '../store/alerts.js';
import type { Conversation } from '../store/conversations.js';
import { lastSentTo, type Message } from '../store/messages.js';
import { insertObservations } from '../store/observations.js';
import { recordEvent } from '../store/patient-events.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { raiseAlert, type AlertSubject } from './alerts.js';
import { stopConversation } from './conversation-end.js';
import { recordStep } from './conversation-step.js';
import type { BotDeps } from './deps.js';
import { askHeldQuestionNow, findHeldQuestion } from './held-question.js';
import { optIn, optOut } from './opt-out.js';
import { recordReply } from './outbox.js';
import { readingObservations, type Answered } from './reading.js';
import { callbackWhen } from './callback-when.js';
import { systemText, textOf } from './speech.js';
import { assessPatient } from './triage.js';
import { escalateRedFlag, raiseDistress } from './urgent-report.js';
import { wrongNumber } from './wrong-number.js';

/** Automatic answers to texts nobody asked for are sent at most this often per number. */
const AUTO_ANSWER_INTERVAL_MS = 12 * 60 * 60 * 1000;

export interface PatientText {
  practice: Practice;
  patient: Patient;
  /** The patient's open conversation, locked; null when none is open. */
  conversation: Conversation | null;
  inbound: Message;
  /** When the text arrived, by the service clock: everything it causes is stamped with it. */
  at: Date;
}

/** What goes back to the patient, in order: acknowledgements first, then the question. */
interface Reply {
  kind: string;
  body: string;
  conversationId?: string | null;
  promises: boolean;
}

/**
 * A patient's text, in the order safety needs: opt-out and opt-in, red flags
 * ("call 911", escalated at once), "help me", HELP, "wrong number"; then the
 * whole message is read, whatever the question: its concerns, readings and
 * requests are recorded beside the answer to the question, triage decides
 * who hears of them, and every reply that promises a follow-up is backed by
 * an alert.
 */
export async function handlePatientText(tx: Queryable, deps: BotDeps, t: PatientText): Promise<Message[]> {
  const { practice, patient, inbound, at } = t;
  const locale: Locale = patient.language;
  const keyword = classifyKeyword(inbound.body);
  const redFlag = detectRedFlag(inbound.body);
  const reading = readMessage(inbound.body);
  const subject: AlertSubject = { practice, patient, conversationId: t.conversation?.id ?? null, messageId: inbound.id };
  const say = (kind: string, key: PromptKey, conversationId: string | null = null): Reply => ({
    kind,
    body: systemText(key, locale, practice, patient),
    conversationId,
    promises: false,
  });
  const send = (replies: Reply[]) => sendReplies(tx, deps, t, replies);

  if (patient.smsOptedOutAt) {
    // Nothing is texted to an opted-out patient until they opt back in; a red flag or distress still reaches the team.
    if (keyword === 'opt_in') {
      await optIn(tx, practice, patient, inbound.id, at);
      return send([say('opt_in_confirmation', 'system.opt_in_confirmation')]);
    }
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    else if (reading.requests.includes('distress')) await raiseDistress(tx, t);
    return [];
  }
  // Before opt-out: "wrong number" stops every text as an opt-out would, and also asks the team to check the number.
  if (reading.requests.includes('wrong_number') && !redFlag) {
    await wrongNumber(tx, t);
    return send([say('wrong_number', 'system.wrong_number')]);
  }
  if (keyword === 'opt_out') {
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    await optOut(tx, practice, patient, { messageId: inbound.id, source: 'patient_text', at });
    return send([say('opt_out_confirmation', 'system.opt_out_confirmation')]);
  }
  if (redFlag) {
    const conversationId = await escalateRedFlag(tx, t, redFlag);
    return send([say('red_flag', redFlag.category === 'self_harm' ? 'system.red_flag_self_harm' : 'system.red_flag', conversationId)]);
  }
  if (reading.requests.includes('distress')) {
    const conversationId = await raiseDistress(tx, t);
    return send([say('distress', 'system.distress', conversationId)]);
  }
  if (keyword === 'help') {
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: inbound.id, type: 'help_requested', at });
    return send([say('help', 'system.help')]);
  }
  return send(await readAndAnswer(tx, deps, t, reading, subject, say));
}

async function readAndAnswer(
  tx: Queryable,
  deps: BotDeps,
  t: PatientText,
  reading: MessageReading,
  subject: AlertSubject,
  say: (kind: string, key: PromptKey, conversationId?: string | null) => Reply,
): Promise<Reply[]> {
  const { practice, patient, inbound, at } = t;
  let conversation = t.conversation;
  const replies: Reply[] = [];
  const event = (type: string) =>
    recordEvent(tx, { practiceId: practice.id, patientId: patient.id, conversationId: conversation?.id ?? null, messageId: inbound.id, type, at });

  const held = conversation ? await findHeldQuestion(tx, conversation.id) : null;
  if (reading.requests.includes('who_is_this')) {
    await event('asked_who_we_are');
    replies.push(say('who_we_are', 'system.who_we_are'));
  }
  if (reading.requests.includes('already_answered') && conversation && !held) {
    await event('already_answered');
    await stopConversation(tx, conversation, 'cancelled', at);
    replies.push(say('already_answered', 'system.already_answered', conversation.id));
    conversation = null;
  }

  // The question: the one held for quiet hours goes now (they never saw it, so their text answers nothing);
  // otherwise their text goes to the check-in, or only repeats the question when they asked who we are.
  let question: Reply | null = null;
  let answered: Answered = { observations: [] };
  let aboutAConcern = false;
  let stillOpen = conversation !== null;
  if (held && conversation) {
    const body = await askHeldQuestionNow(tx, deps, conversation, held, at);
    question = { kind: 'check_in', body, conversationId: conversation.id, promises: false };
  } else if (conversation) {
    const flowEvent: FlowEvent = reading.requests.includes('who_is_this') ? { type: 'REPEAT' } : { type: 'REPLY', text: inbound.body };
    const step = advanceFlow(conversation.flow, conversation.snapshot, flowEvent, conversation.flowVersion);
    const recorded = await recordStep(tx, deps, { practice, patient, conversation, inbound: { id: inbound.id }, at, speaksNow: true }, step);
    const category = step.answers.concernCategory;
    answered = { observations: recorded.observations, concernCategory: category !== conversation.answers.concernCategory ? String(category) : undefined };
    // The check-in is about their concern already, and its closing says the care team will review it.
    aboutAConcern = step.answers.wellness === 'concerns' && !step.done;
    stillOpen = !step.done;
    if (recorded.says) {
      const body = textOf(recorded.says, patient.language, practice, patient);
      question = { kind: 'conversation', body, conversationId: conversation.id, promises: recorded.promises };
    }
  }

  const extra = readingObservations(reading, answered);
  const unsolicited = !t.conversation && extra.length === 0 && replies.length === 0 && !isPleasantry(inbound.body);
  if (unsolicited) extra.push({ kind: 'patient_message', value: {} });
  await insertObservations(tx, { practiceId: practice.id, patientId: patient.id, conversationId: subject.conversationId, messageId: inbound.id, observedAt: at }, extra);
  const reported = answered.observations.length + extra.length > 0;
  const alerts = reported ? (await assessPatient(tx, subject, at, conversation ? 'answer' : 'text')).alerts : [];

  // What they wrote beyond the answer is urgent (a sugar of 45, oxygen 86%): a nurse calls instead of the next question.
  if (extra.length > 0 && alerts.some((a) => a.level === 'urgent')) {
    if (conversation && stillOpen) await stopConversation(tx, conversation, 'escalated', at);
    const key = mentionsLowSugar(reading) ? 'system.low_sugar' : 'system.urgent_reading';
    return [...replies, { ...say('urgent_reading', key, conversation?.id ?? null), promises: true }];
  }

  const questionPromises = aboutAConcern || (question?.promises ?? false);
  const acknowledgement = await acknowledge(tx, t, { alerts, extra, unsolicited, questionPromises });
  if (acknowledgement) replies.push({ ...acknowledgement, promises: true });
  if (question) replies.push(question);
  if (replies.some((r) => r.promises) && alerts.length === 0) await backPromise(tx, subject, at);
  return replies;
}

const LOW_SUGAR_MGDL = 70;
/** Low blood sugar read in the text: a reading under the usual 70 mg/dL, or its signs ("shaky and sweaty"). */
const mentionsLowSugar = (reading: MessageReading) =>
  reading.concerns.includes('glucose_low') || reading.vitals.some((v) => v.kind === 'glucose' && v.mgdl < LOW_SUGAR_MGDL);

/**
 * Says what happens next when the text asked for something or told us
 * something: when a nurse will call, that a request was passed on, that the
 * care team will look at what they wrote. Once per reply; none when the
 * question's own closing already says so.
 */
async function acknowledge(
  tx: Queryable,
  t: PatientText,
  c: { alerts: Alert[]; extra: Observation[]; unsolicited: boolean; questionPromises: boolean },
): Promise<Omit<Reply, 'promises'> | null> {
  const { practice, patient } = t;
  const text = (key: PromptKey, params: Record<string, string> = {}) =>
    systemText(key, patient.language, practice, patient, params);
  const callback = c.alerts.find((a) => a.reason === 'request:callback');
  if (callback) {
    const when = callbackWhen(new Date(callback.reviewDueAt ?? t.at), t.at, practice.timezone, patient.language);
    return { kind: 'acknowledgement', body: text('system.callback_arranged', { when }) };
  }
  if (c.alerts.some((a) => a.reason.startsWith('request:'))) return { kind: 'acknowledgement', body: text('system.request_noted') };
  if (c.unsolicited) {
    const last = await lastSentTo(tx, patient.phone, 'acknowledgement');
    if (last && t.at.getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS) return null;
    return { kind: 'acknowledgement', body: text('system.acknowledgement') };
  }
  if (c.alerts.length > 0 && c.extra.length > 0 && !c.questionPromises) {
    return { kind: 'acknowledgement', body: text('system.concern_noted') };
  }
  return null;
}

/** A reply promised a follow-up that no rule raised an alert for: a person must still see it. */
async function backPromise(tx: Queryable, subject: AlertSubject, at: Date): Promise<void> {
  const evidence = [{ key: `message:${subject.messageId}`, messageId: subject.messageId, explanation: 'A reply told the patient the care team will follow up', at }];
  await raiseAlert(tx, subject, { level: 'elevated', reason: 'follow_up_promised', explanation: 'The patient was told the care team will follow up', evidence }, at);
}

async function sendReplies(tx: Queryable, deps: BotDeps, t: PatientText, replies: Reply[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const reply of replies) {
    const to = { practice: t.practice, patient: t.patient, toNumber: t.patient.phone, inReplyTo: t.inbound.id, conversationId: reply.conversationId ?? null, at: t.at };
    sent.push(await recordReply(tx, deps, to, reply.kind, reply.body));
  }
  return sent;
}
