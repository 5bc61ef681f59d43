/**
 * The unsubscribe link of an email: opening it asks; its button, or a mail
 * client's one-click POST (RFC 8058), stops emails to the patient. A link
 * works as long as the patient is enrolled, whenever it was sent: stopping
 * emails must never depend on an old email being recent enough.
 */
import { optOutOfEmail, type EmailOptOutSource } from '../outreach/index.js';
import { findUnsubscribeToken } from '../store/emails.js';
import { findPatient, lockPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { hashToken, looksLikeToken } from './link-tokens.js';

/** What the page shows: the question, that it is done, or that the link does not work (and nothing else). */
export type UnsubscribeView =
  | { kind: 'ask' | 'done'; locale: 'en' | 'es'; practice: { name: string; phone: string } }
  | { kind: 'invalid' };

async function whose(db: Queryable, token: string) {
  const found = looksLikeToken(token) ? await findUnsubscribeToken(db, hashToken(token)) : null;
  const practice = found && (await findPractice(db, found.practiceId));
  return found && practice ? { ...found, practice } : null;
}

/** GET: the page with the button, or "done" if the patient has stopped emails already. */
export async function unsubscribePage(deps: Pick<RuntimeDeps, 'pool'>, token: string): Promise<UnsubscribeView> {
  const found = await whose(deps.pool, token);
  const patient = found && (await findPatient(deps.pool, found.patientId));
  if (!found || !patient) return { kind: 'invalid' };
  const practice = { name: found.practice.name, phone: found.practice.contactPhone };
  return { kind: patient.emailOptedOutAt ? 'done' : 'ask', locale: patient.language, practice };
}

/** POST: stops emails to the patient, once (the event is recorded the first time). */
export async function unsubscribe(deps: Pick<RuntimeDeps, 'pool' | 'clock'>, token: string, source: EmailOptOutSource): Promise<UnsubscribeView> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const found = await whose(tx, token);
    const patient = found && (await lockPatient(tx, found.patientId));
    if (!found || !patient) return { kind: 'invalid' };
    if (!patient.emailOptedOutAt) await optOutOfEmail(tx, found.practice, patient, { emailId: found.emailId, source, at });
    return { kind: 'done', locale: patient.language, practice: { name: found.practice.name, phone: found.practice.contactPhone } };
  });
}
