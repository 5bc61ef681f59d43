/**
 * A text from a number that belongs to no patient of the practice: a family
 * member ("my mom Ruth fell again, can someone call me"), a new phone, a
 * wrong number. It is kept like every text and answered at most twice a
 * day; when it says more than a greeting a person is to read it (on Today in
 * the app, counted in the morning digest), and when it reports an emergency
 * the sender is told to call 911 and the on-call coordinators are texted at
 * once with a link to it. What it says is read by src/alerts (readUnknownText),
 * the same reading the app shows.
 */
import { coordinatorSms } from '../../../prompts/coordinator.js';
import { formatForReading } from '../../phone.js';
import { listCoordinators, listOnCall } from '../../store/coordinators.js';
import { lastSentTo, type KeptReply, type Message } from '../../store/messages.js';
import type { Practice } from '../../store/practices.js';
import type { Queryable } from '../../store/sql.js';
import { markForReview } from '../../store/unmatched-texts.js';
import { readUnknownText, URGENT_PRIORITY } from '../../alerts/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { queueOutreach, recordReply } from '../../messaging/index.js';
import { systemText } from '../../conversation/index.js';

/** Automatic answers to an unknown number are sent at most this often, unless it reports an emergency. */
const AUTO_ANSWER_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** Where a coordinator reads the text, links it to a patient and resolves it (src/web/pages/unknown-senders.ts). */
export const unknownTextUrl = (deps: Pick<RuntimeDeps, 'publicUrl'>, messageId: string) => `${deps.publicUrl}/app/unknown-senders/${messageId}`;

export async function answerUnknownSender(tx: Queryable, deps: RuntimeDeps, practice: Practice, inbound: Message, at: Date): Promise<KeptReply[]> {
  const { emergency, saysSomething } = readUnknownText(inbound.body);
  if (saysSomething || emergency) await markForReview(tx, inbound.id, emergency !== null);
  if (emergency) await alertOnCall(tx, deps, practice, inbound, emergency.words, at);

  const reply = (key: 'system.unknown_sender' | 'system.unknown_sender_noted' | 'system.unknown_sender_emergency') =>
    recordReply(tx, deps, { practice, patient: null, toNumber: inbound.fromNumber, inReplyTo: inbound.id, at }, 'unknown_sender', systemText(key, 'en', practice, null));
  if (emergency) return [await reply('system.unknown_sender_emergency')];
  const last = await lastSentTo(tx, inbound.fromNumber, 'unknown_sender');
  if (last && at.getTime() - last.getTime() < AUTO_ANSWER_INTERVAL_MS) return [];
  return [await reply(saysSomething ? 'system.unknown_sender_noted' : 'system.unknown_sender')];
}

/**
 * Texts the on-call coordinators with the sender's number: everyone active
 * when nobody is on call, the practice's own phone when there is nobody.
 * Each text names the message it is about, so its page lists who was told.
 */
async function alertOnCall(tx: Queryable, deps: RuntimeDeps, practice: Practice, inbound: Message, reason: string, at: Date): Promise<void> {
  const onCall = await listOnCall(tx, practice.id);
  const active = onCall.length > 0 ? onCall : (await listCoordinators(tx, practice.id)).filter((c) => c.active);
  const roster: Array<{ id: string | null; phone: string }> = active.length > 0 ? active : [{ id: null, phone: practice.contactPhone }];
  const body = coordinatorSms('coordinator.unknown_sender_urgent', {
    practiceName: practice.name,
    senderPhone: formatForReading(inbound.fromNumber),
    reason,
    link: unknownTextUrl(deps, inbound.id),
  });
  for (const coordinator of roster) {
    await queueOutreach(tx, { practice, patient: null, kind: 'unknown_sender_alert', body, coordinator, at, about: { messageId: inbound.id } }, URGENT_PRIORITY);
  }
}
