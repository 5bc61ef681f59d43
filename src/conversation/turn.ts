/**
 * A patient's turn, whatever the channel: a text, or keys and words on a
 * call (later, a form's free text). It runs in the order safety needs —
 * opt-out and opt-in, wrong number, red flags (escalated at once), a call
 * for help, HELP; then the whole message is read, whatever the question:
 * the answer moves the check-in, its concerns, readings and requests are
 * recorded beside it, triage decides who hears of them, an urgent reading
 * ends the check-in, and every reply that promises a follow-up is backed by
 * an alert. It returns what happened and what to say as utterances (prompt
 * keys); the channel renders them (patient-text.ts, voice-check-in.ts) and
 * does nothing else.
 */
import { advanceFlow, type FlowEvent, type Observation } from '../flows/index.js';
import { classifyKeyword, detectRedFlag } from '../flows/safety/index.js';
import { isPleasantry, isQuestion } from '../flows/text/index.js';
import { forTheOffice, readMessage, type MessageReading } from '../flows/understand/index.js';
import { readTurnContext, type TurnContext } from '../store/turn-context.js';
import { aPersonShouldRead } from './for-a-person.js';
import { markForFrontDesk } from '../store/front-desk.js';
import { medicineObservations, medicinesAskedAbout } from './medicines.js';
import type { PromptKey } from '../../prompts/index.js';
import type { Alert } from '../store/alerts.js';
import { findConversation, type Conversation } from '../store/conversations.js';
import { lastSentTo } from '../store/messages.js';
import { insertObservations } from '../store/observations.js';
import { recordEvent } from '../store/patient-events.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import { raiseAlert, type AlertSubject } from '../alerts/index.js';
import { callbackWhen } from './callback-when.js';
import { stopConversation } from '../store/conversations.js';
import { recordStep, tookAnswer } from './step.js';
import type { RuntimeDeps } from '../runtime.js';
import { askHeldQuestionNow } from './held-question.js';
import { optIn, optOut } from '../outreach/index.js';
import { readingObservations, type Answered } from './reading.js';
import { utteranceOf, type Utterance } from './speech.js';
import { assessPatient, triageSince } from '../alerts/index.js';
import type { TriageInputs } from '../store/triage.js';
import { escalateRedFlag, raiseDistress } from './urgent-report.js';
import { wrongNumber } from './wrong-number.js';
import { reopenForLateAnswer } from './late-answer.js';

/** Automatic answers to texts nobody asked for are sent at most this often per number. */
const AUTO_ANSWER_INTERVAL_MS = 12 * 60 * 60 * 1000;
/** Blood sugar under this (mg/dL) is low: the reply says what to do now. */
export const LOW_SUGAR_MGDL = 70;

/** Where the patient's words came from: a text, a call, or the questionnaire's form. */
export type Channel = 'sms' | 'voice' | 'form';

export interface TurnInput {
  practice: Practice;
  patient: Patient;
  /** The patient's open conversation, locked; null when none is open. */
  conversation: Conversation | null;
  /** What the patient said, as stored (the text, or the line a call recorded): what follows links to its id. */
  inbound: { id: string; body: string };
  channel: Channel;
  /** When it was said, by the service clock: everything it causes is stamped with it. */
  at: Date;
  /** What the turn reads first (its held question, the medications), when the channel read it with the message; else the turn reads it. */
  context?: TurnContext | null;
}

/** One thing to say back, before a channel renders it. */
export interface Said {
  kind: string;
  utterance: Utterance;
  conversationId: string | null;
  /** It tells the patient the care team will follow up: the turn backs it with an alert. */
  promises: boolean;
  /** The text as written earlier (a question held for quiet hours): the text channel sends it as it is. */
  written?: string;
}

export interface TurnOutcome {
  says: Said[];
  /** An emergency or a call for help was escalated: a call offers a nurse on the line at once. */
  urgent: 'red_flag' | 'self_harm' | 'distress' | null;
  /** On a call, the check-in still waiting for an answer after this turn; null when none is, and for a text or a form. */
  conversation: Conversation | null;
}

const utterance = (key: PromptKey, params?: Record<string, string>): Utterance => ({ parts: [{ prompt: key, ...(params ? { params } : {}) }], expects: null });

export async function takeTurn(tx: Queryable, deps: RuntimeDeps, t: TurnInput): Promise<TurnOutcome> {
  const { practice, patient, inbound, at } = t;
  const keyword = classifyKeyword(inbound.body);
  const redFlag = detectRedFlag(inbound.body);
  const reading = readMessage(inbound.body);
  const say = (kind: string, key: PromptKey, conversationId: string | null = null): Said => ({ kind, utterance: utterance(key), conversationId, promises: false });
  const only = (says: Said[], urgent: TurnOutcome['urgent'] = null): TurnOutcome => ({ says, urgent, conversation: null });

  if (t.channel === 'sms' && patient.smsOptedOutAt) {
    // Nothing is texted to an opted-out patient until they opt back in; a red flag or distress still reaches the team.
    if (keyword === 'opt_in') {
      await optIn(tx, practice, patient, inbound.id, at);
      return only([say('opt_in_confirmation', 'system.opt_in_confirmation')]);
    }
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    else if (reading.requests.includes('distress')) await raiseDistress(tx, t);
    return only([]);
  }
  // Before opt-out: "wrong number" stops every text as an opt-out would, and also asks the team to check the number.
  // Asked ("is this a wrong number?", "¿quién me escribe? no conozco este número"), it is answered with who we are instead.
  if (reading.requests.includes('wrong_number') && !redFlag && !isQuestion(inbound.body)) {
    await wrongNumber(tx, t);
    return only([say('wrong_number', 'system.wrong_number')]);
  }
  if (keyword === 'opt_out') {
    if (redFlag) await escalateRedFlag(tx, t, redFlag);
    await optOut(tx, practice, patient, { messageId: inbound.id, source: 'patient_text', at });
    return only([say('opt_out_confirmation', 'system.opt_out_confirmation')]);
  }
  if (redFlag) {
    const conversationId = await escalateRedFlag(tx, t, redFlag);
    const selfHarm = redFlag.category === 'self_harm';
    return only([say('red_flag', selfHarm ? 'system.red_flag_self_harm' : 'system.red_flag', conversationId)], selfHarm ? 'self_harm' : 'red_flag');
  }
  if (reading.requests.includes('distress')) {
    const conversationId = await raiseDistress(tx, t);
    return only([say('distress', 'system.distress', conversationId)], 'distress');
  }
  if (keyword === 'help') {
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: inbound.id, type: 'help_requested', at });
    return { says: [say('help', 'system.help')], urgent: null, conversation: t.conversation };
  }
  // No check-in open: an answer to today's check-in that ran out of time is still taken for it.
  const late = !t.conversation && t.channel === 'sms' ? await reopenForLateAnswer(tx, t) : null;
  return readAndAnswer(tx, deps, late ? { ...t, conversation: late } : t, reading, say);
}

async function readAndAnswer(
  tx: Queryable,
  deps: RuntimeDeps,
  t: TurnInput,
  reading: MessageReading,
  say: (kind: string, key: PromptKey, conversationId?: string | null) => Said,
): Promise<TurnOutcome> {
  const { practice, patient, inbound, at } = t;
  const subject: AlertSubject = { practice, patient, conversationId: t.conversation?.id ?? null, messageId: inbound.id };
  let conversation = t.conversation;
  const says: Said[] = [];
  const event = (type: string) =>
    recordEvent(tx, { practiceId: practice.id, patientId: patient.id, conversationId: conversation?.id ?? null, messageId: inbound.id, type, at });

  // The held question and the medications in one read: nothing this turn does before it reads the medications changes them.
  const readBefore = t.context && t.context.conversationId === (conversation?.id ?? null) ? t.context : null;
  const { held, medications } = readBefore ?? (await readTurnContext(tx, patient.id, conversation?.id ?? null));
  // "Wrong number" reaching here was asked, not said (takeTurn stops texts on the statement): who we are answers both.
  const askedWhoWeAre = reading.requests.includes('who_is_this') || reading.requests.includes('wrong_number');
  if (askedWhoWeAre) {
    await event('asked_who_we_are');
    says.push(say('who_we_are', 'system.who_we_are'));
  }
  if (reading.requests.includes('already_answered') && conversation && !held) {
    await event('already_answered');
    await stopConversation(tx, conversation, 'cancelled', at);
    says.push(say('already_answered', 'system.already_answered', conversation.id));
    conversation = null;
  }

  // The question: the one held for quiet hours goes now (they never saw it, so their words answer nothing);
  // otherwise their words go to the check-in, or only repeat the question when they asked who we are.
  let question: Said | null = null;
  let answered: Answered = { observations: [] };
  let aboutAConcern = false;
  let answerTaken = false;
  let stillOpen = conversation !== null;
  let triageInputs: TriageInputs | null = null;
  if (held && conversation) {
    const written = await askHeldQuestionNow(tx, deps, conversation, held, at);
    const asked = utteranceOf(advanceFlow(conversation.flow, conversation.snapshot, { type: 'REPEAT' }, conversation.flowVersion).outputs);
    if (asked) question = { kind: 'check_in', utterance: asked, written, conversationId: conversation.id, promises: false };
  } else if (conversation) {
    const flowEvent: FlowEvent = askedWhoWeAre ? { type: 'REPEAT' } : { type: 'REPLY', text: inbound.body };
    const step = advanceFlow(conversation.flow, conversation.snapshot, flowEvent, conversation.flowVersion);
    const stepContext = { practice, patient, conversation, inbound: { id: inbound.id }, at, speaksNow: true, triageSince: triageSince(practice.id, at) };
    const recorded = await recordStep(tx, deps, stepContext, step);
    triageInputs = recorded.triageInputs;
    const category = step.answers.concernCategory;
    answered = { observations: recorded.observations, concernCategory: category !== conversation.answers.concernCategory ? String(category) : undefined };
    // The check-in is about their concern already, and its closing says the care team will review it.
    aboutAConcern = step.answers.wellness === 'concerns' && !step.done;
    answerTaken = tookAnswer(conversation.state, step);
    stillOpen = !step.done;
    if (recorded.says) question = { kind: 'conversation', utterance: recorded.says, conversationId: conversation.id, promises: recorded.promises };
  }

  // The check-in's own medicines (a reminder's may be several) are its answer's to record, when it took one; the text's other medicines are recorded here.
  const checkInMedicationIds = conversation ? medicinesAskedAbout(conversation.input) : [];
  const checkInAnswers = stillOpen && answerTaken;
  // Only the office's work (a new number, when it opens, an appointment to book), however it is asked: the front
  // desk's list, not the care team's case; read before the observations, so an appointment asked for raises no alert.
  const officeTopics = t.channel === 'sms' && reading.concerns.length === 0 && reading.vitals.length === 0 && reading.requests.every((r) => r === 'appointment') ? forTheOffice(inbound.body, reading.requests) : [];
  const extra = [
    ...readingObservations(officeTopics.length > 0 ? { ...reading, requests: [] } : reading, answered),
    ...medicineObservations(inbound.body, {
      medications: medications.filter((m) => !checkInMedicationIds.includes(m.id) || !checkInAnswers),
      recorded: answered.observations,
      checkInMedicationIds,
      at,
      timezone: practice.timezone,
    }),
  ];
  // "I stopped the water pill because..." answers the medicine question in words the check-in could not take: it ends answered.
  const toldOf = (id: string) => extra.some((o) => o.kind === 'medication_adherence' && o.value.medicationId === id);
  if (conversation && stillOpen && !answerTaken && checkInMedicationIds.length > 0 && checkInMedicationIds.every(toldOf)) {
    await stopConversation(tx, conversation, 'completed', at);
    stillOpen = false;
    question = null;
  }
  const observed = { practiceId: practice.id, patientId: patient.id, conversationId: subject.conversationId, messageId: inbound.id, observedAt: at };
  await insertObservations(tx, observed, extra);
  const trigger = conversation ? 'answer' : 'text';
  const reported = answered.observations.length + extra.length > 0;
  // The medications read above are the patient's still (nothing since changes them): triage need not read them again;
  // nor the observations the step read with its own, unless more were written since.
  const inputs = extra.length === 0 ? triageInputs : null;
  let alerts = reported ? (await assessPatient(tx, subject, at, trigger, { medications, inputs })).alerts : [];
  // Closed world: what raised nothing is settled only when every word of it is accounted for; the rest a person reads.
  const forAPerson = alerts.length === 0 && !askedWhoWeAre && (officeTopics.length > 0 || aPersonShouldRead(inbound.body, { medications, reading, answered, answerTaken }));
  const office = forAPerson ? officeTopics : [];
  if (office.length > 0) await markForFrontDesk(tx, inbound.id, office);
  const forTheCareTeam = forAPerson && office.length === 0;
  if (forTheCareTeam) {
    const message: Observation = { kind: 'patient_message', value: {} };
    extra.push(message);
    await insertObservations(tx, observed, [message]);
    alerts = (await assessPatient(tx, subject, at, trigger, { medications })).alerts;
  }
  const unsolicited = forTheCareTeam && !t.conversation;

  // What they said beyond the answer is urgent (a sugar of 45, oxygen 86%): a nurse calls instead of the next question.
  if (extra.length > 0 && alerts.some((a) => a.level === 'urgent')) {
    if (conversation && stillOpen) await stopConversation(tx, conversation, 'escalated', at);
    const key = mentionsLowSugar(reading) ? 'system.low_sugar' : 'system.urgent_reading';
    return { says: [...says, { ...say('urgent_reading', key, conversation?.id ?? null), promises: true }], urgent: null, conversation: null };
  }

  // "Keep up the good work" is no closing for a text that says another medicine was not taken: the acknowledgement says what happens.
  const missedOne = extra.some((o) => o.kind === 'medication_adherence' && !o.value.taken);
  if (missedOne && question?.utterance.parts.some((p) => p.prompt === 'medication.close_taken')) question = null;
  const questionPromises = aboutAConcern || (question?.promises ?? false);
  const acknowledgement = await acknowledge(tx, t, { alerts, extra, unsolicited, questionPromises });
  if (acknowledgement) says.push({ kind: 'acknowledgement', utterance: acknowledgement, conversationId: null, promises: true });
  // Its promise is backed by the front desk's list, not by an alert.
  else if (office.length > 0 && !(await answeredLately(tx, t, 'front_desk'))) says.push(say('front_desk', 'system.front_desk'));
  else if (alerts.length === 0 && reading.vitals.length > 0 && extra.length > 0) says.push(say('reading_recorded', 'system.reading_recorded'));
  else if (alerts.length === 0 && !forAPerson && says.length === 0 && !question && (await keepsUnaskedNews(tx, t))) says.push(say('message_kept', 'system.message_kept'));
  if (question) says.push(question);
  if (says.some((r) => r.promises) && alerts.length === 0) await backPromise(tx, subject, at);
  // Only a call goes on to ask in the same request, and needs the conversation as it is now (its version names the
  // next gather); a text's next question is already among the says, so its turn spares the read.
  const open = conversation && stillOpen && t.channel === 'voice' ? await findConversation(tx, conversation.id) : null;
  return { says, urgent: null, conversation: open?.status === 'active' ? open : null };
}

/** Low blood sugar read in the words: a reading under LOW_SUGAR_MGDL, or its signs ("shaky and sweaty"). */
const mentionsLowSugar = (reading: MessageReading) =>
  reading.concerns.includes('glucose_low') || reading.vitals.some((v) => v.kind === 'glucose' && v.mgdl < LOW_SUGAR_MGDL);

/**
 * Says what happens next when the patient asked for something or told us
 * something: when a nurse will call, that a request was passed on, that the
 * care team will look at what they said. Once per turn; none when the
 * question's own closing already says so.
 */
async function acknowledge(
  tx: Queryable,
  t: TurnInput,
  c: { alerts: Alert[]; extra: Observation[]; unsolicited: boolean; questionPromises: boolean },
): Promise<Utterance | null> {
  const callback = c.alerts.find((a) => a.reason === 'request:callback');
  if (callback) {
    const when = callbackWhen(new Date(callback.reviewDueAt ?? t.at), t.at, t.practice.timezone, t.patient.language);
    return utterance('system.callback_arranged', { when });
  }
  if (c.alerts.some((a) => a.reason.startsWith('request:'))) return utterance('system.request_noted');
  if (c.unsolicited) return (await answeredLately(tx, t, 'acknowledgement')) ? null : utterance('system.acknowledgement');
  if (c.alerts.length > 0 && c.extra.length > 0 && !c.questionPromises) return utterance('system.concern_noted');
  return null;
}

/**
 * A text nobody asked for that the bot settled by itself ("eye exam done today, all normal", "picked up
 * the refill"): the patient hears it arrived and where it went, instead of silence, and how to get
 * something done. Not for a pleasantry ("thanks, have a good night"), and at most once per
 * AUTO_ANSWER_INTERVAL_MS, so two phones that answer each other never loop.
 */
async function keepsUnaskedNews(tx: Queryable, t: TurnInput): Promise<boolean> {
  if (t.conversation || t.channel !== 'sms' || isPleasantry(t.inbound.body)) return false;
  return !(await answeredLately(tx, t, 'message_kept'));
}

/** This automatic answer went to the patient's number within AUTO_ANSWER_INTERVAL_MS. */
async function answeredLately(tx: Queryable, t: TurnInput, kind: string): Promise<boolean> {
  const last = await lastSentTo(tx, t.patient.phone, kind);
  return last !== null && t.at.getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS;
}

/** A reply promised a follow-up that no rule raised an alert for: a person must still see it. */
async function backPromise(tx: Queryable, subject: AlertSubject, at: Date): Promise<void> {
  const evidence = [{ key: `message:${subject.messageId}`, messageId: subject.messageId, explanation: 'A reply told the patient the care team will follow up', at }];
  await raiseAlert(tx, subject, { level: 'elevated', reason: 'follow_up_promised', explanation: 'The patient was told the care team will follow up', evidence }, at);
}
