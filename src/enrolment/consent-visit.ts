/**
 * The candidate on the consent page, channel-free: the text's token is
 * exchanged for a visit (a short-lived cookie, kept as a hash, with its CSRF
 * token); the page states the practice's current text for their language,
 * each element to tick and the name to type; signing records the consent
 * (consent-record.ts) and "No, thank you" records the no. The version shown
 * travels with the form, so a text published while the page is open does not
 * change what they sign. Returns what the page should show; the form channel
 * renders it and the HTTP layer sets the cookie and redirects.
 */
import { randomBytes } from 'node:crypto';
import { CONSENT_WORDING } from '../../prompts/consent.js';
import { DomainError } from '../errors.js';
import { hashToken, looksLikeToken, newToken } from '../messaging/link-tokens.js';
import { findCandidate, type Candidate } from '../store/candidates.js';
import {
  CONSENT_ELEMENTS,
  findConsentLink,
  findConsentLinkByToken,
  findConsentText,
  findConsentVisit,
  insertConsentVisit,
  markConsentLinkOpened,
  markConsentLinkSigned,
  type ConsentElement,
  type ConsentLink,
  type ConsentText,
  type ConsentVisit,
} from '../store/consents.js';
import { findPractice, type Practice } from '../store/practices.js';
import { linkFailures, noteLinkFailure } from '../store/questionnaires.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import { findStaff, staffLabel } from '../store/staff.js';
import type { RuntimeDeps } from '../runtime.js';
import { declineInvitation, missingElements, recordConsent, SIGNED_ON_PAGE } from './consent-record.js';
import { currentConsentText, elementShown } from './consent-text.js';

/** A visit lasts this long; the text's link opens a new one while the link lasts. */
export const CONSENT_VISIT_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Tokens that match nothing, per client, before it must wait (counted with the questionnaire's: one guesser, one count). */
const MAX_LINK_FAILURES = 10;
const LINK_FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_NAME_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How the record says a no given on the page. */
export const DECLINED_ON_PAGE = 'said no on the consent page';

/**
 * Why the page shows no form: signed (thank you, what happens next), declined
 * (never asked again), enrolled already (consent taken another way), the link
 * ended (expired, or matched nothing: the same words), too many tries, or the
 * consent could not be finished online (they call the practice).
 */
export type ConsentOutcome = 'signed' | 'declined' | 'enrolled_already' | 'expired' | 'invalid' | 'too_many_attempts' | 'call_us';

/** Why the form was shown again: the elements not ticked, and what is wrong with the name. */
export interface ConsentErrors {
  elements: ConsentElement[];
  signatureName: 'missing' | 'too_long' | null;
}

export type ConsentPageState =
  | {
      kind: 'form';
      practice: Practice;
      language: 'en' | 'es';
      /** The billing practitioner, as the text names them ("Alan Grant, MD"). */
      practitioner: string;
      /** The version shown: its id goes back with the form. */
      text: ConsentText;
      title: string;
      elements: Array<{ key: ConsentElement; heading: string; text: string }>;
      agreement: string;
      /** What the candidate ticked and typed, kept when the form comes back with errors. */
      ticked: ConsentElement[];
      signatureName: string;
      errors: ConsentErrors | null;
      csrf: string;
    }
  | { kind: 'done'; practice: Practice | null; language: 'en' | 'es'; outcome: ConsentOutcome };

const hashCookie = (cookie: string) => hashToken(`consent-visit:${cookie}`);
const done = (practice: Practice | null, language: 'en' | 'es', outcome: ConsentOutcome): ConsentPageState => ({ kind: 'done', practice, language, outcome });

/** Why the link cannot be used now, or null. */
function closed(link: ConsentLink, candidate: Candidate, at: Date): ConsentOutcome | null {
  if (candidate.state === 'consented') return link.signedAt ? 'signed' : 'enrolled_already';
  if (link.declinedAt || candidate.state === 'declined') return 'declined';
  if (Date.parse(link.expiresAt) <= at.getTime()) return 'expired';
  return null;
}

/**
 * The token from a text, exchanged for a visit (a cookie); what to show
 * instead when it opens nothing. `client` is the caller's address, for the
 * limit on tokens that match nothing.
 */
export async function openConsentLink(deps: RuntimeDeps, token: string, client: string): Promise<{ cookie: string; expiresAt: Date } | { state: ConsentPageState }> {
  const at = deps.clock.now();
  const since = new Date(at.getTime() - LINK_FAILURE_WINDOW_MS);
  return withTransaction(deps.pool, async (tx) => {
    if ((await linkFailures(tx, client, since)) >= MAX_LINK_FAILURES) return { state: done(null, 'en', 'too_many_attempts') };
    const link = looksLikeToken(token) ? await findConsentLinkByToken(tx, hashToken(token)) : null;
    if (!link) {
      const failures = await noteLinkFailure(tx, client, at, since);
      return { state: done(null, 'en', failures >= MAX_LINK_FAILURES ? 'too_many_attempts' : 'invalid') };
    }
    const candidate = (await findCandidate(tx, link.candidateId))!;
    const practice = await findPractice(tx, link.practiceId);
    const outcome = closed(link, candidate, at);
    if (outcome) return { state: done(practice, candidate.language, outcome) };
    await markConsentLinkOpened(tx, link.id, at);
    const cookie = newToken();
    const expiresAt = new Date(Math.min(at.getTime() + CONSENT_VISIT_LIFETIME_MS, Date.parse(link.expiresAt)));
    await insertConsentVisit(tx, { cookieHash: hashCookie(cookie), linkId: link.id, csrf: randomBytes(24).toString('base64url'), at, expiresAt });
    return { cookie, expiresAt };
  });
}

type OpenVisit = { closed: null; visit: ConsentVisit; link: ConsentLink; candidate: Candidate; practice: Practice } | { closed: ConsentPageState };

/** The visit's link (locked) with its candidate and practice; or what to show when the visit or the link is over. */
async function visitOf(tx: Queryable, cookie: string | undefined, at: Date): Promise<OpenVisit> {
  const visit = cookie ? await findConsentVisit(tx, hashCookie(cookie), at) : null;
  if (!visit) return { closed: done(null, 'en', 'expired') };
  const link = (await findConsentLink(tx, visit.linkId, { lock: true }))!;
  const candidate = (await findCandidate(tx, link.candidateId))!;
  const practice = (await findPractice(tx, link.practiceId))!;
  const outcome = closed(link, candidate, at);
  if (outcome) return { closed: done(practice, candidate.language, outcome) };
  return { closed: null, visit, link, candidate, practice };
}

/** The form for this text version, with what was ticked and typed and what to fix. */
async function formState(
  tx: Queryable,
  v: { practice: Practice; candidate: Candidate; visit: ConsentVisit },
  text: ConsentText,
  shown: { ticked: ConsentElement[]; signatureName: string; errors: ConsentErrors | null },
): Promise<ConsentPageState> {
  const staff = await findStaff(tx, v.practice.id, v.candidate.billingPractitionerId);
  const practitioner = staff ? staffLabel(staff) : '';
  const names = { practice: v.practice.name, practitioner };
  const wording = CONSENT_WORDING[text.language];
  const fill = (words: string) => words.replaceAll('{practice}', names.practice).replaceAll('{practitioner}', names.practitioner);
  return {
    kind: 'form',
    practice: v.practice,
    language: text.language,
    practitioner,
    text,
    title: wording.title,
    elements: CONSENT_ELEMENTS.map((key) => ({ key, heading: wording.headings[key], text: elementShown(text, key, names) })),
    agreement: fill(wording.agreement),
    ...shown,
    csrf: v.visit.csrf,
  };
}

/** The page: the practice's current text for the candidate's language, or why there is none to sign. */
export async function showConsent(deps: RuntimeDeps, cookie: string | undefined): Promise<ConsentPageState> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const v = await visitOf(tx, cookie, at);
    if (v.closed) return v.closed;
    const text = await currentConsentText(tx, v.practice, v.candidate.language, at);
    return formState(tx, v, text, { ticked: [], signatureName: '', errors: null });
  });
}

export type ConsentPostResult = { next: 'signed' | 'declined' } | { state: ConsentPageState } | { forbidden: string };

/**
 * The form, signed: every element ticked and a name typed records the
 * consent to the version the page showed (the form's `textId`); anything
 * missing shows the form again saying what, with nothing recorded.
 */
export async function signConsent(
  deps: RuntimeDeps,
  cookie: string | undefined,
  posted: { csrf: string; textId: string; elements: string[]; signatureName: string },
): Promise<ConsentPostResult> {
  const at = deps.clock.now();
  try {
    return await withTransaction(deps.pool, async (tx) => {
      const v = await visitOf(tx, cookie, at);
      if (v.closed) return { state: v.closed };
      if (posted.csrf !== v.visit.csrf) return { forbidden: 'The form was not sent from this page' };
      const postedText = UUID.test(posted.textId) ? await findConsentText(tx, posted.textId) : null;
      // Only a version of this practice's text in their language can be signed; anything else shows the current one.
      const text =
        postedText && postedText.practiceId === v.practice.id && postedText.language === v.candidate.language
          ? postedText
          : await currentConsentText(tx, v.practice, v.candidate.language, at);
      const ticked = CONSENT_ELEMENTS.filter((key) => posted.elements.includes(key));
      const name = posted.signatureName.trim();
      const errors: ConsentErrors = {
        elements: text.id === posted.textId ? missingElements(ticked) : [],
        signatureName: name === '' ? 'missing' : name.length > MAX_NAME_LENGTH ? 'too_long' : null,
      };
      if (text.id !== posted.textId || errors.elements.length > 0 || errors.signatureName) {
        // Ticks stand for the words they were next to: a text other than the one posted is read afresh.
        const kept = text.id === posted.textId ? ticked : [];
        return { state: await formState(tx, v, text, { ticked: kept, signatureName: posted.signatureName, errors }) };
      }
      await recordConsent(tx, deps, {
        practice: v.practice,
        candidate: v.candidate,
        method: 'electronic_signature',
        consentTextId: text.id,
        elements: ticked,
        signatureName: name,
        obtainedBy: { name: SIGNED_ON_PAGE, staffId: null },
        at,
      });
      await markConsentLinkSigned(tx, v.link.id, at);
      return { next: 'signed' as const };
    });
  } catch (error) {
    // The practice has a patient with this phone or MRN already: a person sorts it out; nothing was recorded.
    if (!(error instanceof DomainError)) throw error;
    deps.logger.warn({ code: error.code, field: error.field }, 'a consent signed on the page could not be recorded');
    return { state: await withTransaction(deps.pool, async (tx) => outcomeFor(tx, cookie, at, 'call_us')) };
  }
}

async function outcomeFor(tx: Queryable, cookie: string | undefined, at: Date, outcome: ConsentOutcome): Promise<ConsentPageState> {
  const v = await visitOf(tx, cookie, at);
  return v.closed ?? done(v.practice, v.candidate.language, outcome);
}

/** "No, thank you": recorded as the candidate's no; no campaign asks them again. */
export async function declineConsent(deps: RuntimeDeps, cookie: string | undefined, posted: { csrf: string }): Promise<ConsentPostResult> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const v = await visitOf(tx, cookie, at);
    if (v.closed) return { state: v.closed };
    if (posted.csrf !== v.visit.csrf) return { forbidden: 'The form was not sent from this page' };
    await declineInvitation(tx, { candidate: v.candidate, how: DECLINED_ON_PAGE, at });
    return { next: 'declined' as const };
  });
}
