import type { MailFrom } from '../config.js';
import { enqueueJob } from '../store/job-queue.js';
import { cancelWaitingEmails, claimEmail, findEmail, finishEmail, releaseEmail, reopenEmail, type Email } from '../store/emails.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient, markEmailBounced, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { SMTP_SEND_DEADLINE_MS, type EmailSendResult } from '../transport/index.js';
import { emailToSend } from './email-links.js';
import { emailBlock } from './email-outbox.js';

/** Attempts per email before it is marked failed: about 2 h 50 min of backoff at the default base (30 s, x4 each time). */
export const MAX_EMAIL_ATTEMPTS = 6;
const BACKOFF_FACTOR = 4;
/** A send still marked as under way this long after it started was cut short (the process died). */
export const EMAIL_SEND_TIMEOUT_MS = SMTP_SEND_DEADLINE_MS + 30_000;

/** The From header: MAIL_FROM as given, or with the practice's name when MAIL_FROM has none of its own. */
export const fromFor = (from: MailFrom, practice: Pick<Practice, 'name'>) => ({ name: from.name ?? practice.name, address: from.address });

/**
 * Sends one queued email, once: a job run twice finds it taken. The
 * patient is checked again first (they may have stopped emails, their
 * address bounced, their choice changed), and the database transaction is
 * closed while the mail server is talked to. A transient failure is retried
 * with backoff, then the email fails; a hard bounce marks the address, stops
 * email to it and puts the patient on the call list (alerts/call-list.ts).
 * An email whose send a crash cut short is sent again once that send cannot
 * still be under way (the mail server may then get it twice: better than never).
 */
export async function deliverEmail(deps: RuntimeDeps, emailId: string): Promise<void> {
  const found = await findEmail(deps.pool, emailId);
  const email = found?.status === 'sending' ? await settleCutShort(deps, found) : found;
  if (!email || email.status !== 'pending') return;
  const patient = await findPatient(deps.pool, email.patientId);
  const practice = await findPractice(deps.pool, email.practiceId);
  const now = deps.clock.now();
  const block = !patient || !practice ? 'no_patient' : (emailBlock(patient) ?? (email.fullContent && patient.emailConsent !== 'full' ? 'no_full_consent' : null));
  if (block) {
    await finishEmail(deps.pool, email.id, { status: 'cancelled', error: block, at: now });
    return;
  }
  const claimed = await claimEmail(deps.pool, email.id, patient!.email!, now);
  if (!claimed) return;
  const content = await withTransaction(deps.pool, (tx) => emailToSend(tx, deps.publicUrl, claimed, now));
  if (!content) {
    await finishEmail(deps.pool, claimed.id, { status: 'cancelled', error: 'link_expired', at: now });
    return;
  }
  const result = await deps.email.transport.send({
    to: claimed.toAddress,
    from: fromFor(deps.email.from, practice!),
    subject: claimed.subject,
    ...content,
  });
  const at = deps.clock.now();
  await withTransaction(deps.pool, (tx) => recordOutcome(tx, deps, { email: claimed, patient: patient!, practice: practice! }, result, at));
}

/** A send found under way: checked again once it cannot still be; then sent again, within the attempts. */
async function settleCutShort(deps: RuntimeDeps, email: Email): Promise<Email | null> {
  const now = deps.clock.now();
  const settleAt = new Date(Date.parse(email.claimedAt ?? email.updatedAt) + EMAIL_SEND_TIMEOUT_MS);
  if (settleAt > now) {
    await enqueueJob(deps.pool, 'email.send', { emailId: email.id }, { runAt: settleAt, now });
    return null;
  }
  if (email.attempts >= MAX_EMAIL_ATTEMPTS) {
    await finishEmail(deps.pool, email.id, { status: 'failed', error: 'the last send was cut short', at: now });
    return null;
  }
  const reopened = await reopenEmail(deps.pool, email.id, now);
  if (reopened) deps.logger.warn({ emailId: email.id, attempt: email.attempts }, 'email send was cut short; sending again');
  return reopened;
}

async function recordOutcome(
  tx: Queryable,
  deps: RuntimeDeps,
  target: { email: Email; patient: Patient; practice: Practice },
  result: EmailSendResult,
  at: Date,
): Promise<void> {
  const { email, patient, practice } = target;
  // No address, no body, no server reply in the log: the reply may name the recipient.
  const line = { emailId: email.id, kind: email.kind, attempt: email.attempts };
  if (result.outcome === 'accepted') {
    const status = deps.email.transport.simulated ? 'simulated' : 'sent';
    await finishEmail(tx, email.id, { status, smtpMessageId: result.messageId, smtpResponse: result.response, at });
    deps.logger.info({ ...line, status }, 'email sent');
    return;
  }
  deps.logger.warn({ ...line, outcome: result.outcome, code: result.code, reason: result.reason }, 'email not accepted');
  if (result.outcome === 'retry' && email.attempts < MAX_EMAIL_ATTEMPTS) {
    await releaseEmail(tx, email.id, result.response, at);
    const delay = deps.sendRetryBaseMs * BACKOFF_FACTOR ** (email.attempts - 1);
    await enqueueJob(tx, 'email.send', { emailId: email.id }, { runAt: new Date(at.getTime() + delay), now: at });
    return;
  }
  const bounced = result.outcome === 'bounced';
  await finishEmail(tx, email.id, { status: bounced ? 'bounced' : 'failed', smtpResponse: result.response, error: result.response, at });
  // Only for the address it went to, if still theirs: an address corrected meanwhile is not to blame.
  if (bounced && (await markEmailBounced(tx, patient.id, email.toAddress, at))) {
    const cancelled = await cancelWaitingEmails(tx, patient.id, 'email_bounced', at);
    await recordEvent(tx, {
      practiceId: practice.id,
      patientId: patient.id,
      type: 'email_bounced',
      detail: { emailId: email.id, code: result.code, cancelledEmails: cancelled },
      at,
    });
  }
}
