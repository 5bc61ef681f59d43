import { advanceFlow, type Locale } from '../flows/index.js';
import { classifyKeyword, detectRedFlag, type RedFlag } from '../flows/safety/index.js';
import { isPleasantry } from '../flows/text/index.js';
import { attachToConversation, insertInbound, lastSentTo, listReplies, type Message } from '../store/messages.js';
import { findPatientByPhone, lockPatient, type Patient } from '../store/patients.js';
import { findPracticeByNumber, type Practice } from '../store/practices.js';
import { findActiveConversation, lockConversation } from '../store/conversations.js';
import { recordEvent } from '../store/patient-events.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { raiseAlert } from './alerts.js';
import { recordStep } from './conversation-step.js';
import type { BotDeps } from './deps.js';
import { optIn, optOut, stopConversation } from './opt-out.js';
import { recordReply } from './outbox.js';
import { systemText } from './speech.js';

export interface InboundSms {
  messageSid: string;
  /** E.164 */
  from: string;
  /** E.164: the practice's number */
  to: string;
  body: string;
}

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
 * nothing and gets the same answer as the first delivery.
 */
export function handleInboundSms(deps: BotDeps, sms: InboundSms): Promise<InboundResult> {
  return withTransaction(deps.pool, async (tx) => {
    const practice = await findPracticeByNumber(tx, sms.to);
    const found = practice ? await findPatientByPhone(tx, practice.id, sms.from) : null;
    // One patient's texts are handled one at a time, in arrival order: lock before anything is written.
    const patient = found && (await lockPatient(tx, found.id));
    const kind = !practice ? 'unrouted' : patient ? 'patient_text' : 'unmatched';
    const inbound = await insertInbound(tx, {
      twilioSid: sms.messageSid,
      practiceId: practice?.id ?? null,
      patientId: patient?.id ?? null,
      fromNumber: sms.from,
      toNumber: sms.to,
      body: sms.body,
      kind,
    });
    if (!inbound) {
      const original = await findOriginal(tx, sms.messageSid);
      return asResult(original ? await listReplies(tx, original) : [], true);
    }
    if (!practice) {
      deps.logger.warn({ messageSid: sms.messageSid }, 'inbound text to a number no practice owns');
      return asResult([]);
    }
    if (!patient) return asResult(await answerUnknownSender(tx, deps, practice, inbound));
    return asResult(await handlePatientText(tx, deps, { practice, patient, inbound }));
  });
}

async function findOriginal(tx: Queryable, messageSid: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM messages WHERE twilio_sid = $1', [messageSid]);
  return rows[0]?.id ?? null;
}

async function answerUnknownSender(tx: Queryable, deps: BotDeps, practice: Practice, inbound: Message): Promise<Message[]> {
  const last = await lastSentTo(tx, inbound.fromNumber, 'unknown_sender');
  if (last && deps.now().getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS) return [];
  // The language is unknown: the text itself is bilingual.
  const body = systemText('system.unknown_sender', 'en', practice, null);
  const to = { practice, patient: null, toNumber: inbound.fromNumber, inReplyTo: inbound.id };
  return [await recordReply(tx, deps, to, 'unknown_sender', body)];
}

interface PatientText {
  practice: Practice;
  patient: Patient;
  inbound: Message;
}

async function handlePatientText(tx: Queryable, deps: BotDeps, t: PatientText): Promise<Message[]> {
  const { practice, patient, inbound } = t;
  const locale: Locale = patient.language;
  const keyword = classifyKeyword(inbound.body);
  const redFlag = detectRedFlag(inbound.body);
  const reply = (kind: string, body: string, conversationId: string | null = null) =>
    recordReply(tx, deps, { practice, patient, toNumber: patient.phone, inReplyTo: inbound.id, conversationId }, kind, body);

  if (patient.smsOptedOutAt) {
    // Nothing is texted to an opted-out patient until they opt back in; a red flag still reaches the team.
    if (keyword === 'opt_in') {
      await optIn(tx, practice, patient, inbound.id);
      return [await reply('opt_in_confirmation', systemText('system.opt_in_confirmation', locale, practice, patient))];
    }
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    return [];
  }
  if (keyword === 'opt_out') {
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    await optOut(tx, practice, patient, { messageId: inbound.id, source: 'patient_text' });
    return [await reply('opt_out_confirmation', systemText('system.opt_out_confirmation', locale, practice, patient))];
  }
  if (redFlag) {
    const conversationId = await escalateRedFlag(tx, t, redFlag);
    const key = redFlag.category === 'self_harm' ? 'system.red_flag_self_harm' : 'system.red_flag';
    return [await reply('red_flag', systemText(key, locale, practice, patient), conversationId)];
  }
  if (keyword === 'help') {
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: inbound.id, type: 'help_requested' });
    return [await reply('help', systemText('system.help', locale, practice, patient))];
  }

  const open = await findActiveConversation(tx, patient.id);
  const conversation = open && (await lockConversation(tx, open.id));
  if (!conversation || conversation.status !== 'active') return answerUnsolicited(tx, deps, t, reply);

  await attachToConversation(tx, inbound.id, conversation.id);
  const step = advanceFlow(conversation.flow, conversation.snapshot, { type: 'REPLY', text: inbound.body });
  const ctx = { practice, patient, conversation, inbound: { id: inbound.id, receivedAt: new Date(inbound.createdAt) }, speaksNow: true };
  const text = await recordStep(tx, deps, ctx, step);
  return text ? [await reply('conversation', text, conversation.id)] : [];
}

/** Raises the urgent alert and ends the open check-in: a nurse calls instead. Returns that check-in's id. */
async function escalateRedFlag(tx: Queryable, t: PatientText, redFlag: RedFlag): Promise<string | null> {
  const open = await findActiveConversation(tx, t.patient.id);
  if (open) await attachToConversation(tx, t.inbound.id, open.id);
  await recordEvent(tx, {
    practiceId: t.practice.id,
    patientId: t.patient.id,
    conversationId: open?.id ?? null,
    messageId: t.inbound.id,
    type: 'red_flag',
    detail: { category: redFlag.category },
  });
  const subject = { practice: t.practice, patient: t.patient, conversationId: open?.id ?? null, messageId: t.inbound.id };
  await raiseAlert(tx, subject, 'urgent', `red_flag:${redFlag.category}`);
  if (open) await stopConversation(tx, open, 'escalated');
  return open?.id ?? null;
}

/**
 * A text with no check-in open may carry a new concern: unless it is only
 * thanks or an okay, it goes to the care team's review queue. It is
 * acknowledged, though not every time.
 */
async function answerUnsolicited(
  tx: Queryable,
  deps: BotDeps,
  t: PatientText,
  reply: (kind: string, body: string) => Promise<Message>,
): Promise<Message[]> {
  await recordEvent(tx, { practiceId: t.practice.id, patientId: t.patient.id, messageId: t.inbound.id, type: 'unsolicited_text' });
  if (!isPleasantry(t.inbound.body)) {
    const subject = { practice: t.practice, patient: t.patient, conversationId: null, messageId: t.inbound.id };
    await raiseAlert(tx, subject, 'elevated', 'patient_message');
  }
  const last = await lastSentTo(tx, t.patient.phone, 'acknowledgement');
  if (last && deps.now().getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS) return [];
  return [await reply('acknowledgement', systemText('system.acknowledgement', t.patient.language, t.practice, t.patient))];
}
