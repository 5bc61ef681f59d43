/**
 * The questionnaire's link, and the consent page's, in a text. Its token is
 * made as the text is sent and kept only as a SHA-256 hash (link-tokens.ts):
 * the text's stored body shows the link with a mark where the token goes. A
 * text sent again (its first send was cut short before Twilio took it) gets a
 * new token, which replaces its own.
 */
import type { Message } from '../store/messages.js';
import { findConsentLinkOfMessage, saveConsentToken } from '../store/consents.js';
import { findLinkOfMessage, saveToken } from '../store/questionnaires.js';
import type { Queryable } from '../store/sql.js';
import { hashToken, newToken, TOKEN_MARK } from './link-tokens.js';

export { hashToken, newToken, TOKEN_MARK } from './link-tokens.js';

/** The form's address as a stored text shows it. */
export const formLinkShown = (publicUrl: string) => `${publicUrl}/q/${TOKEN_MARK}`;

/** Kinds of text that carry the questionnaire's link. */
export const LINK_TEXT_KINDS = new Set(['questionnaire_invite', 'questionnaire_reminder']);

/** Kinds of text that carry the consent page's link (to a candidate who said yes). */
export const CONSENT_LINK_TEXT_KINDS = new Set(['consent_link', 'consent_reminder']);

/**
 * The body to hand to Twilio: for a text that carries a link, with a new
 * token in place of the mark (saved as its hash first); others as stored.
 * Null when the questionnaire was answered, the consent signed or declined,
 * or the link has run out since the text was queued: the text is no longer
 * worth sending.
 */
export async function bodyToSend(db: Queryable, message: Message, at: Date): Promise<string | null> {
  if (CONSENT_LINK_TEXT_KINDS.has(message.kind)) return consentBodyToSend(db, message, at);
  if (!LINK_TEXT_KINDS.has(message.kind)) return message.body;
  const link = await findLinkOfMessage(db, message.id);
  if (!link || link.submittedAt || Date.parse(link.expiresAt) <= at.getTime()) return null;
  const token = newToken();
  await saveToken(db, { hash: hashToken(token), linkId: link.id, messageId: message.id, at });
  return message.body.replace(`/q/${TOKEN_MARK}`, `/q/${token}`);
}

async function consentBodyToSend(db: Queryable, message: Message, at: Date): Promise<string | null> {
  const link = await findConsentLinkOfMessage(db, message.id);
  if (!link || link.signedAt || link.declinedAt || Date.parse(link.expiresAt) <= at.getTime()) return null;
  const token = newToken();
  await saveConsentToken(db, { hash: hashToken(token), linkId: link.id, messageId: message.id, at });
  return message.body.replace(`/c/${TOKEN_MARK}`, `/c/${token}`);
}
