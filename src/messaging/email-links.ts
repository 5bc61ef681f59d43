/**
 * The links in an email, made as it is sent (link-tokens.ts): the stored
 * parts carry a mark where each token goes, and the parts handed to the mail
 * server carry new tokens, saved as their hashes first. Every email has its
 * unsubscribe link, in both parts and in the List-Unsubscribe header (with
 * List-Unsubscribe-Post, so a mail client can unsubscribe in one click, RFC
 * 8058); a summary's email also has the link that opens the summary.
 */
import { saveUnsubscribeToken, type Email } from '../store/emails.js';
import { findSummaryOfEmail, saveSummaryToken } from '../store/summaries.js';
import type { Queryable } from '../store/sql.js';
import { UNSUBSCRIBE_PATH } from './email-outbox.js';
import { hashToken, newToken, TOKEN_MARK } from './link-tokens.js';

/** Where the summary's link is in a stored email: its token is made as the email is sent. */
const SUMMARY_LINK_MARKED = '/s/[summary]';
export const summaryLinkShown = (publicUrl: string) => `${publicUrl}${SUMMARY_LINK_MARKED}`;

export interface EmailToSend {
  text: string;
  html: string;
  headers: Record<string, string>;
}

const swap = (body: string, marked: string, real: string) => body.split(marked).join(real);

/**
 * The parts and headers to hand to the mail server, with new tokens; null
 * when the email is no longer worth sending (the summary it links to has run
 * out since it was queued).
 */
export async function emailToSend(db: Queryable, publicUrl: string, email: Email, at: Date): Promise<EmailToSend | null> {
  let { textBody: text, htmlBody: html } = email;
  if (text.includes(SUMMARY_LINK_MARKED) || html.includes(SUMMARY_LINK_MARKED)) {
    const summary = await findSummaryOfEmail(db, email.id);
    if (!summary || Date.parse(summary.expiresAt) <= at.getTime()) return null;
    const token = newToken();
    await saveSummaryToken(db, { hash: hashToken(token), summaryId: summary.id, emailId: email.id, at });
    text = swap(text, SUMMARY_LINK_MARKED, `/s/${token}`);
    html = swap(html, SUMMARY_LINK_MARKED, `/s/${token}`);
  }
  const token = newToken();
  await saveUnsubscribeToken(db, { hash: hashToken(token), emailId: email.id, patientId: email.patientId, at });
  const marked = `${UNSUBSCRIBE_PATH}${TOKEN_MARK}`;
  return {
    text: swap(text, marked, `${UNSUBSCRIBE_PATH}${token}`),
    html: swap(html, marked, `${UNSUBSCRIBE_PATH}${token}`),
    headers: {
      'List-Unsubscribe': `<${publicUrl}${UNSUBSCRIBE_PATH}${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
