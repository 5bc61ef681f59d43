import { advanceFlow, type Locale } from '../flows/index.js';
import { classifyKeyword, detectRedFlag, type RedFlag } from '../flows/safety/index.js';
import { isPleasantry } from '../flows/text/index.js';
import { findMessageBySid, lastSentTo, listReplies, type Message } from '../store/messages.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Conversation } from '../store/conversations.js';
import { recordInboundText, type InboundText } from '../store/inbound-context.js';
import { recordEvent } from '../store/patient-events.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { raiseAlert, type AlertSubject } from './alerts.js';
import { assessPatient } from './triage.js';
import { insertObservations } from '../store/observations.js';
import type { Observation } from '../flows/types.js';
import { redFlagWords } from '../triage/index.js';
import { recordStep } from './conversation-step.js';
import type { BotDeps } from './deps.js';
import { optIn, optOut } from './opt-out.js';
import { stopConversation } from './conversation-end.js';
import { recordReply } from './outbox.js';
import { systemText } from './speech.js';

export type InboundSms = InboundText;

/** What to send back in the TwiML response. */
export interface InboundResult {
  replies: Array<{ id: string; body: string }>;
  duplicate: boolean;
}

/** Automatic answers to texts nobody asked for are sent at most this often per number. */
const AUTO_ANSWER_INTERVAL_MS = 12 * 60 * 60 * 1000;

const asResult = (replies: Message[], duplicate = false): InboundResult => ({
  replies: replies.map((m) => ({ id: m.id, body: m.body })),
  duplicate,
});

/**
 * Handles one inbound text in one transaction: store it once per MessageSid,
 * honour STOP/START/HELP and red flags before any flow, then move the
 * patient's open conversation one step. A redelivered MessageSid changes
 * nothing and gets the same answer as the first delivery. If handling fails,
 * the text is still kept and put in front of the care team.
 */
export async function handleInboundSms(deps: BotDeps, sms: InboundSms): Promise<InboundResult> {
  const receivedAt = deps.clock.now();
  try {
    return await handleInTransaction(deps, sms, receivedAt);
  } catch (error) {
    deps.logger.error({ err: error, messageSid: sms.messageSid }, 'inbound text could not be handled; keeping it for review');
    await keepUnhandled(deps, sms, receivedAt);
    return { replies: [], duplicate: false };
  }
}

/**
 * The fallback when handling failed (a broken conversation, a bug): the text
 * is stored all the same and a review alert raised, so nothing a patient said
 * is lost. If even this fails (the database is down), the error propagates
 * and Twilio hears a 500.
 */
async function keepUnhandled(deps: BotDeps, sms: InboundSms, receivedAt: Date): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    const { practice, patient, conversation, inbound } = await recordInboundText(tx, sms, receivedAt);
    if (!inbound || !practice || !patient) return;
    const subject = { practice, patient, conversationId: conversation?.id ?? null, messageId: inbound.id };
    const evidence = [{ key: `message:${inbound.id}`, messageId: inbound.id, explanation: 'A text the bot could not handle', at: receivedAt }];
    // Whatever broke, a red flag still reaches the on-call coordinator at once, without triage.
    const redFlag = detectRedFlag(sms.body);
    const alert = redFlag
      ? { level: 'urgent' as const, reason: `red_flag:${redFlag.category}`, explanation: `Reported ${redFlagWords(redFlag.category)}` }
      : { level: 'elevated' as const, reason: 'unhandled_text', explanation: 'A text the bot could not handle' };
    await raiseAlert(tx, subject, { ...alert, evidence }, receivedAt);
  });
}

function handleInTransaction(deps: BotDeps, sms: InboundSms, receivedAt: Date): Promise<InboundResult> {
  return withTransaction(deps.pool, async (tx) => {
    const { practice, patient, conversation, inbound } = await recordInboundText(tx, sms, receivedAt);
    if (!inbound) {
      const original = await findMessageBySid(tx, sms.messageSid);
      return asResult(original ? await listReplies(tx, original.id) : [], true);
    }
    if (!practice) {
      deps.logger.warn({ messageSid: sms.messageSid }, 'inbound text to a number no practice owns');
      return asResult([]);
    }
    if (!patient) return asResult(await answerUnknownSender(tx, deps, practice, inbound, receivedAt));
    return asResult(await handlePatientText(tx, deps, { practice, patient, conversation, inbound, at: receivedAt }));
  });
}

async function answerUnknownSender(tx: Queryable, deps: BotDeps, practice: Practice, inbound: Message, at: Date): Promise<Message[]> {
  const last = await lastSentTo(tx, inbound.fromNumber, 'unknown_sender');
  if (last && at.getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS) return [];
  // The language is unknown: the text itself is bilingual.
  const body = systemText('system.unknown_sender', 'en', practice, null);
  const to = { practice, patient: null, toNumber: inbound.fromNumber, inReplyTo: inbound.id, at };
  return [await recordReply(tx, deps, to, 'unknown_sender', body)];
}

interface PatientText {
  practice: Practice;
  patient: Patient;
  /** The patient's open conversation, locked; null when none is open. */
  conversation: Conversation | null;
  inbound: Message;
  /** When the text arrived, by the service clock: everything it causes is stamped with it. */
  at: Date;
}

async function handlePatientText(tx: Queryable, deps: BotDeps, t: PatientText): Promise<Message[]> {
  const { practice, patient, conversation, inbound, at } = t;
  const locale: Locale = patient.language;
  const keyword = classifyKeyword(inbound.body);
  const redFlag = detectRedFlag(inbound.body);
  const reply = (kind: string, body: string, conversationId: string | null = null) =>
    recordReply(tx, deps, { practice, patient, toNumber: patient.phone, inReplyTo: inbound.id, conversationId, at }, kind, body);

  if (patient.smsOptedOutAt) {
    // Nothing is texted to an opted-out patient until they opt back in; a red flag still reaches the team.
    if (keyword === 'opt_in') {
      await optIn(tx, practice, patient, inbound.id, at);
      return [await reply('opt_in_confirmation', systemText('system.opt_in_confirmation', locale, practice, patient))];
    }
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    return [];
  }
  if (keyword === 'opt_out') {
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    await optOut(tx, practice, patient, { messageId: inbound.id, source: 'patient_text', at });
    return [await reply('opt_out_confirmation', systemText('system.opt_out_confirmation', locale, practice, patient))];
  }
  if (redFlag) {
    const conversationId = await escalateRedFlag(tx, t, redFlag);
    const key = redFlag.category === 'self_harm' ? 'system.red_flag_self_harm' : 'system.red_flag';
    return [await reply('red_flag', systemText(key, locale, practice, patient), conversationId)];
  }
  if (keyword === 'help') {
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: inbound.id, type: 'help_requested', at });
    return [await reply('help', systemText('system.help', locale, practice, patient))];
  }

  if (!conversation) return answerUnsolicited(tx, deps, t, reply);
  const step = advanceFlow(conversation.flow, conversation.snapshot, { type: 'REPLY', text: inbound.body }, conversation.flowVersion);
  const ctx = { practice, patient, conversation, inbound: { id: inbound.id }, at, speaksNow: true };
  const text = await recordStep(tx, deps, ctx, step);
  return text ? [await reply('conversation', text, conversation.id)] : [];
}

/**
 * Records the red flag as something the patient reported, which triage's
 * red-flag rule (always urgent) turns into an alert escalated at once, and
 * ends the open check-in: a nurse calls instead. Returns that check-in's id.
 */
async function escalateRedFlag(tx: Queryable, t: PatientText, redFlag: RedFlag): Promise<string | null> {
  const open = t.conversation;
  const subject = { practice: t.practice, patient: t.patient, conversationId: open?.id ?? null, messageId: t.inbound.id };
  await recordEvent(tx, { ...idsOf(subject), type: 'red_flag', detail: { category: redFlag.category }, at: t.at });
  await recordObservations(tx, subject, t.at, [{ kind: 'red_flag', value: { category: redFlag.category } }]);
  if (open) await stopConversation(tx, open, 'escalated', t.at);
  await assessPatient(tx, subject, t.at, 'red_flag');
  return open?.id ?? null;
}

const idsOf = (s: AlertSubject) => ({ practiceId: s.practice.id, patientId: s.patient.id, conversationId: s.conversationId, messageId: s.messageId });

function recordObservations(tx: Queryable, s: AlertSubject, at: Date, observations: Observation[]) {
  return insertObservations(tx, { ...idsOf(s), observedAt: at }, observations);
}

/**
 * A text with no check-in open may carry a new concern: unless it is only
 * thanks or an okay (which needs no answer), it goes to the care team's
 * review queue and is acknowledged, though not every time.
 */
async function answerUnsolicited(
  tx: Queryable,
  deps: BotDeps,
  t: PatientText,
  reply: (kind: string, body: string) => Promise<Message>,
): Promise<Message[]> {
  if (isPleasantry(t.inbound.body)) return [];
  const subject = { practice: t.practice, patient: t.patient, conversationId: null, messageId: t.inbound.id };
  await recordObservations(tx, subject, t.at, [{ kind: 'patient_message', value: {} }]);
  await assessPatient(tx, subject, t.at, 'patient_message');
  const last = await lastSentTo(tx, t.patient.phone, 'acknowledgement');
  if (last && t.at.getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS) return [];
  return [await reply('acknowledgement', systemText('system.acknowledgement', t.patient.language, t.practice, t.patient))];
}
