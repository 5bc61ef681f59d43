/**
 * The text channel's side of a patient's turn: the turn (turn.ts) decides
 * what happens and what to say; this writes each thing said as a text and
 * keeps it as a reply to the patient's message.
 */
import type { Conversation } from '../../store/conversations.js';
import type { KeptReply, Message } from '../../store/messages.js';
import type { Patient } from '../../store/patients.js';
import type { Practice } from '../../store/practices.js';
import type { Queryable } from '../../store/sql.js';
import type { TurnContext } from '../../store/turn-context.js';
import type { RuntimeDeps } from '../../runtime.js';
import { recordReply } from '../../messaging/index.js';
import { textOf } from '../../conversation/index.js';
import { takeTurn } from '../../conversation/index.js';

export interface PatientText {
  practice: Practice;
  patient: Patient;
  /** The patient's open conversation, locked; null when none is open. */
  conversation: Conversation | null;
  inbound: Message;
  /** What the turn reads first, read with the text (store/inbound-context.ts). */
  context: TurnContext | null;
  /** When the text arrived, by the service clock: everything it causes is stamped with it. */
  at: Date;
}

/** Takes the patient's turn on their text; returns the replies, kept and ready to send. */
export async function handlePatientText(tx: Queryable, deps: RuntimeDeps, t: PatientText): Promise<KeptReply[]> {
  const { practice, patient } = t;
  const outcome = await takeTurn(tx, deps, { ...t, inbound: { id: t.inbound.id, body: t.inbound.body }, channel: 'sms' });
  const sent: KeptReply[] = [];
  for (const said of outcome.says) {
    const body = said.written ?? textOf(said.utterance, patient.language, practice, patient);
    const to = { practice, patient, toNumber: patient.phone, inReplyTo: t.inbound.id, conversationId: said.conversationId, at: t.at };
    sent.push(await recordReply(tx, deps, to, said.kind, body));
  }
  return sent;
}
