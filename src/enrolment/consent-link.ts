/**
 * A candidate who said yes gets the consent page's link by text: a "yes" is
 * interest, not consent. The link works 14 days; its token is made as the
 * text is sent and kept only as a hash (src/messaging/form-link.ts). Unsigned
 * after 3 days, one reminder (a contact the campaign starts: quiet hours and
 * the caps hold it); 3 days after that, still unsigned, the candidate is left
 * for a person to call.
 */
import { CONSENT_LINK_TEXTS } from '../../prompts/consent.js';
import { smsBody } from '../../prompts/index.js';
import { queueCandidateText } from '../messaging/outbox.js';
import { TOKEN_MARK } from '../messaging/link-tokens.js';
import { formatForReading } from '../phone.js';
import { nextContactTime } from '../planning/index.js';
import { changeCandidateState, findCandidate, listForCall, type Candidate } from '../store/candidates.js';
import { consentReminderSent, findConsentLink, insertConsentLink, latestConsentLink, type ConsentLink } from '../store/consents.js';
import { insertContactOnce, listContacts, setContactMessage } from '../store/invitation-contacts.js';
import { enqueueJob } from '../store/job-queue.js';
import { findPractice, type Practice } from '../store/practices.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The consent page's link works this long. */
export const CONSENT_LINK_LIFETIME_MS = 14 * DAY_MS;
/** Unsigned this long after the link went: one reminder. */
export const CONSENT_REMINDER_AFTER_MS = 3 * DAY_MS;
/** Unsigned this long after the link went (3 days after the reminder): a person calls. */
export const CONSENT_LAPSE_AFTER_MS = 6 * DAY_MS;

/** The consent page's address as a stored text shows it (the token goes where the mark is). */
export const consentLinkShown = (publicUrl: string) => `${publicUrl}/c/${TOKEN_MARK}`;

function linkText(kind: 'link' | 'reminder', practice: Practice, candidate: Candidate, publicUrl: string): string {
  const template = CONSENT_LINK_TEXTS[candidate.language][kind];
  const vars: Record<string, string> = { practiceName: practice.name, practicePhone: formatForReading(practice.contactPhone), link: consentLinkShown(publicUrl) };
  return smsBody(template.replace(/\{(\w+)\}/g, (_m, name: string) => vars[name]!));
}

/** Makes the candidate's link and queues the text that carries it; the reminder and the lapse are scheduled with it. */
export async function sendConsentLink(tx: Queryable, deps: RuntimeDeps, c: { practice: Practice; candidate: Candidate; at: Date }): Promise<void> {
  const { practice, candidate, at } = c;
  const link = await insertConsentLink(tx, { practiceId: practice.id, candidateId: candidate.id, createdAt: at, expiresAt: new Date(at.getTime() + CONSENT_LINK_LIFETIME_MS) });
  await queueCandidateText(tx, { practice, candidate, kind: 'consent_link', body: linkText('link', practice, candidate, deps.publicUrl), at });
  await enqueueJob(tx, 'consent.remind', { linkId: link.id }, { runAt: new Date(at.getTime() + CONSENT_REMINDER_AFTER_MS), now: at });
  await enqueueJob(tx, 'consent.lapse', { linkId: link.id }, { runAt: new Date(at.getTime() + CONSENT_LAPSE_AFTER_MS), now: at });
}

/**
 * The link and its candidate while the link still waits for an answer: the
 * candidate's newest (a second "yes" sent a new one, which has jobs of its
 * own), neither signed nor declined, and the candidate still `interested`.
 */
async function waiting(tx: Queryable, linkId: string): Promise<{ link: ConsentLink; candidate: Candidate; practice: Practice } | null> {
  const link = await findConsentLink(tx, linkId, { lock: true });
  if (!link || link.signedAt || link.declinedAt) return null;
  const candidate = await findCandidate(tx, link.candidateId, { lock: true });
  if (!candidate || candidate.state !== 'interested') return null;
  if ((await latestConsentLink(tx, candidate.id))?.id !== link.id) return null;
  const practice = await findPractice(tx, link.practiceId);
  return practice ? { link, candidate, practice } : null;
}

/** Three days on, unsigned: one reminder, at the first time quiet hours and the caps allow. */
export async function remindConsent(deps: RuntimeDeps, linkId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const open = await waiting(tx, linkId);
    if (!open || Date.parse(open.link.expiresAt) <= at.getTime()) return;
    const { link, candidate, practice } = open;
    if (await consentReminderSent(tx, candidate.id, new Date(link.createdAt))) return;
    const rules = { zone: candidate.timezone ?? practice.timezone, quietHours: practice.quietHours, window: null };
    const sendAt = nextContactTime(at, await listContacts(tx, candidate.id), rules);
    // Counted among the contacts the campaign started, so its caps see it.
    const contact = candidate.campaignId
      ? await insertContactOnce(tx, { practiceId: practice.id, candidateId: candidate.id, campaignId: candidate.campaignId, step: 0, purpose: 'consent_reminder', channel: 'sms', at: sendAt })
      : null;
    const message = await queueCandidateText(tx, { practice, candidate, kind: 'consent_reminder', body: linkText('reminder', practice, candidate, deps.publicUrl), at, sendAt });
    if (contact) await setContactMessage(tx, contact.id, message.id);
  });
}

/** Three days after the reminder, still unsigned: no answer, and a person is asked to call (the link still works). */
export async function lapseConsent(deps: RuntimeDeps, linkId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const open = await waiting(tx, linkId);
    if (!open) return;
    if (await changeCandidateState(tx, open.candidate.id, { state: 'no_answer', at })) await listForCall(tx, open.candidate.id, 'consent_unsigned', at);
  });
}
