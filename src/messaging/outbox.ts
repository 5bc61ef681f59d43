import { enqueueJob } from '../store/job-queue.js';
import { insertOutbound, keepReply, type KeptReply, type Message } from '../store/messages.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { REPLY_CONFIRM_MS } from './send-recovery.js';

/**
 * A text that answers an inbound one. It goes back in the webhook's TwiML
 * response, so it is recorded as handed to Twilio (`queued`) at once; its
 * status callbacks come to the <Message action> URL. If none has come a
 * little later (the process died before answering Twilio, or the callback was
 * lost), the send job asks Twilio and sends it by the API if Twilio never got
 * it (send-recovery.ts): a reply recorded is a reply delivered.
 */
export async function recordReply(
  tx: Queryable,
  deps: Pick<RuntimeDeps, 'transport'>,
  to: {
    practice: Practice;
    patient: Patient | null;
    /** A reply to a candidate (invited to CCM, no patient yet). */
    candidateId?: string | null;
    toNumber: string;
    inReplyTo: string;
    conversationId?: string | null;
    at: Date;
  },
  kind: string,
  body: string,
): Promise<KeptReply> {
  // A reply to a patient or a candidate is confirmed later (messaging/send-recovery.ts); simulated, nothing leaves.
  const confirms = !deps.transport.simulated && (to.patient !== null || Boolean(to.candidateId));
  return keepReply(tx, {
    practiceId: to.practice.id,
    patientId: to.patient?.id ?? null,
    candidateId: to.candidateId ?? null,
    conversationId: to.conversationId ?? null,
    kind,
    fromNumber: to.practice.phoneNumber,
    toNumber: to.toNumber,
    body,
    inReplyTo: to.inReplyTo,
    status: deps.transport.simulated ? 'simulated' : 'queued',
    createdAt: to.at,
    sentAt: to.at,
    confirmAt: confirms ? new Date(to.at.getTime() + REPLY_CONFIRM_MS) : null,
  });
}

/** A text to a patient, or to the care team (about a patient, or about the practice: a digest). */
export type Outreach = {
  practice: Practice;
  conversationId?: string | null;
  kind: string;
  body: string;
  /** When it is queued, by the service clock; the send job is due then. */
  at: Date;
  /** A text to the care team: what it is about, so the alert (or the unknown sender's text) lists it. */
  about?: { alertId?: string; messageId?: string };
} & (
  | { patient: Patient; coordinator?: undefined }
  /** To a coordinator, or to the practice's own number (id null); `patient` is whom it is about, if anyone. */
  | { patient: Patient | null; coordinator: { id: string | null; phone: string } }
);

/** Queues a text the service starts itself; the message.send job delivers it (with quiet hours and retries). */
export async function queueOutreach(tx: Queryable, o: Outreach, priority = 0): Promise<Message> {
  const message = await insertOutbound(tx, {
    practiceId: o.practice.id,
    patientId: o.patient?.id ?? null,
    coordinatorId: o.coordinator?.id ?? null,
    conversationId: o.conversationId ?? null,
    audience: o.coordinator ? 'coordinator' : 'patient',
    kind: o.kind,
    fromNumber: o.practice.phoneNumber,
    toNumber: o.coordinator ? o.coordinator.phone : o.patient.phone,
    body: o.body,
    status: 'pending',
    createdAt: o.at,
    aboutAlertId: o.about?.alertId ?? null,
    aboutMessageId: o.about?.messageId ?? null,
  });
  await enqueueJob(tx, 'message.send', { messageId: message.id }, { runAt: o.at, priority });
  return message;
}

/** A text the service starts itself to a candidate (invited to CCM, no patient yet). */
export interface CandidateText {
  practice: Practice;
  candidate: { id: string; phone: string };
  /** 'invitation', 'invitation_reminder', 'consent_link', 'consent_reminder', ... (delivery.ts decides by it whether it may still go). */
  kind: string;
  body: string;
  /** When it is queued, by the service clock. */
  at: Date;
  /** When the send job is due (quiet hours are applied again at send); defaults to `at`. */
  sendAt?: Date;
}

/** Queues a text to a candidate; the message.send job delivers it (quiet hours, retries, and only while it still applies). */
export async function queueCandidateText(tx: Queryable, t: CandidateText): Promise<Message> {
  const message = await insertOutbound(tx, {
    practiceId: t.practice.id,
    patientId: null,
    candidateId: t.candidate.id,
    kind: t.kind,
    fromNumber: t.practice.phoneNumber,
    toNumber: t.candidate.phone,
    body: t.body,
    status: 'pending',
    createdAt: t.at,
  });
  await enqueueJob(tx, 'message.send', { messageId: message.id }, { runAt: t.sendAt ?? t.at, now: t.at });
  return message;
}
