/**
 * The patient on the questionnaire's form, channel-free: a text's token is
 * exchanged for a visit, each screen's answers are checked and kept as they
 * go (leaving and coming back loses nothing), a self-harm answer takes the
 * red-flag path the moment it is given, and the last screen sends it all
 * (questionnaire-submit.ts). Returns what the form should show; the form
 * channel renders it and the HTTP layer sets cookies and redirects.
 */
import { randomBytes } from 'node:crypto';
import {
  enabledAnswers,
  firstScreenToShow,
  reportsSelfHarm,
  screensToAsk,
  SELF_HARM_LINK_ID,
  takeScreen,
  type AnswerErrors,
  type Answers,
  type Screen,
} from '../flows/questionnaire/index.js';
import { hashToken, looksLikeToken, newToken } from '../messaging/index.js';
import { findPatient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import {
  findLink,
  findLinkByToken,
  findVisit,
  insertVisit,
  linkFailures,
  markEscalated,
  markOpened,
  noteLinkFailure,
  saveProgress,
  type QuestionnaireLink,
  type Visit,
} from '../store/questionnaires.js';
import { insertFormAnswer } from '../store/messages.js';
import { recordEvent } from '../store/patient-events.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { escalateRedFlag } from './urgent-report.js';
import { answerLines, submitQuestionnaire } from './questionnaire-submit.js';

/** A visit lasts this long; the text's link opens a new one while the link lasts. */
export const VISIT_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Links that match nothing, per client, before it must wait: someone guessing gets nowhere. */
export const MAX_LINK_FAILURES = 10;
export const LINK_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export type FormOutcome = 'thanks' | 'already_received' | 'expired' | 'invalid' | 'too_many_attempts';

export type FormState =
  | {
      kind: 'screen';
      practice: Practice;
      link: QuestionnaireLink;
      screen: Screen;
      /** What to show in the fields: what was kept, or what was just posted with its errors. */
      answers: Answers;
      errors: AnswerErrors;
      step: number;
      of: number;
      last: boolean;
      /** The screen before this one, to go back to; null on the first. */
      backTo: string | null;
      csrf: string;
    }
  | { kind: 'crisis'; practice: Practice; link: QuestionnaireLink; csrf: string }
  | { kind: 'done'; practice: Practice | null; locale: 'en' | 'es'; outcome: FormOutcome };

const hashCookie = (cookie: string) => hashToken(`visit:${cookie}`);
const done = (practice: Practice | null, locale: 'en' | 'es', outcome: FormOutcome): FormState => ({ kind: 'done', practice, locale, outcome });

/** Why a link cannot be used now, or null. */
function closed(link: QuestionnaireLink, at: Date): FormOutcome | null {
  if (link.submittedAt) return 'already_received';
  if (Date.parse(link.expiresAt) <= at.getTime()) return 'expired';
  return null;
}

/**
 * The token from a text, exchanged for a visit (a cookie); what to show
 * instead when it opens nothing. `client` is the caller's address, for the
 * rate limit on tokens that match nothing.
 */
export async function openLink(deps: RuntimeDeps, token: string, client: string): Promise<{ cookie: string; expiresAt: Date } | { state: FormState }> {
  const at = deps.clock.now();
  const since = new Date(at.getTime() - LINK_FAILURE_WINDOW_MS);
  return withTransaction(deps.pool, async (tx) => {
    if ((await linkFailures(tx, client, since)) >= MAX_LINK_FAILURES) return { state: done(null, 'en', 'too_many_attempts') };
    const link = looksLikeToken(token) ? await findLinkByToken(tx, hashToken(token)) : null;
    if (!link) {
      const failures = await noteLinkFailure(tx, client, at, since);
      return { state: done(null, 'en', failures >= MAX_LINK_FAILURES ? 'too_many_attempts' : 'invalid') };
    }
    const practice = await findPractice(tx, link.practiceId);
    const outcome = closed(link, at);
    if (outcome) return { state: done(practice, link.locale, outcome) };
    if (await markOpened(tx, link.id, at)) {
      await recordEvent(tx, { practiceId: link.practiceId, patientId: link.patientId, type: 'questionnaire_opened', at });
    }
    const cookie = newToken();
    const expiresAt = new Date(Math.min(at.getTime() + VISIT_LIFETIME_MS, Date.parse(link.expiresAt)));
    await insertVisit(tx, { cookieHash: hashCookie(cookie), linkId: link.id, csrf: randomBytes(24).toString('base64url'), at, expiresAt });
    return { cookie, expiresAt };
  });
}

/** The visit's link, locked, with its practice; or what to show when the visit or the link is over. */
type OpenVisit = { closed: null; visit: Visit; link: QuestionnaireLink; practice: Practice } | { closed: FormState };

async function visitOf(tx: Queryable, cookie: string | undefined, at: Date): Promise<OpenVisit> {
  const visit = cookie ? await findVisit(tx, hashCookie(cookie), at) : null;
  if (!visit) return { closed: done(null, 'en', 'expired') };
  const link = (await findLink(tx, visit.linkId, { lock: true }))!;
  const practice = (await findPractice(tx, link.practiceId))!;
  const outcome = closed(link, at);
  if (outcome) return { closed: done(practice, link.locale, outcome) };
  return { closed: null, visit, link, practice };
}

function screenState(practice: Practice, link: QuestionnaireLink, csrf: string, screen: Screen, shown: { answers: Answers; errors: AnswerErrors }): FormState {
  const screens = screensToAsk(link.definition, link.answers);
  const index = Math.max(0, screens.findIndex((s) => s.id === screen.id));
  return {
    kind: 'screen',
    practice,
    link,
    screen: screens[index]?.id === screen.id ? screens[index]! : screen,
    answers: shown.answers,
    errors: shown.errors,
    step: index + 1,
    of: screens.length,
    last: index === screens.length - 1,
    backTo: index > 0 ? screens[index - 1]!.id : null,
    csrf,
  };
}

/**
 * The screen to show: the one asked for when the patient has been there
 * (going back), otherwise the first not yet answered.
 */
export async function showForm(deps: RuntimeDeps, cookie: string | undefined, screenId?: string): Promise<FormState> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const v = await visitOf(tx, cookie, at);
    if (v.closed) return v.closed;
    const { link, practice, visit } = v;
    const screens = screensToAsk(link.definition, link.answers);
    const asked = screenId && link.seen.includes(screenId) ? screens.find((s) => s.id === screenId) : undefined;
    const screen = asked ?? firstScreenToShow(link.definition, link.answers, link.seen) ?? screens.at(-1);
    if (!screen) return done(practice, link.locale, 'thanks');
    return screenState(practice, link, visit.csrf, screen, { answers: link.answers, errors: {} });
  });
}

/**
 * What the crisis page needs: shown after a self-harm answer, before anything
 * else — also when that answer sent the form (it was on the last screen).
 * Null when the form has no such answer: the form's own page is the one to show.
 */
export async function showCrisis(deps: RuntimeDeps, cookie: string | undefined): Promise<FormState | null> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const visit = cookie ? await findVisit(tx, hashCookie(cookie), at) : null;
    if (!visit) return done(null, 'en', 'expired');
    const link = (await findLink(tx, visit.linkId))!;
    const practice = (await findPractice(tx, link.practiceId))!;
    if (link.escalatedAt) return { kind: 'crisis', practice, link, csrf: visit.csrf };
    // No self-harm answer on this form: the page the form is at.
    const outcome = closed(link, at);
    return outcome ? done(practice, link.locale, outcome) : null;
  });
}

export type AnswerResult = { next: 'form' | 'crisis' | 'done' } | { state: FormState } | { forbidden: string };

/**
 * One screen's answers, posted. Kept when they are all readable (the screen
 * is shown again with what to fix otherwise); a self-harm answer is escalated
 * at once; after the last screen the questionnaire is sent.
 */
export async function answerScreen(
  deps: RuntimeDeps,
  cookie: string | undefined,
  posted: { screen: string; csrf: string; fields: Record<string, string | undefined> },
): Promise<AnswerResult> {
  const at = deps.clock.now();
  return withTransaction(deps.pool, async (tx) => {
    const v = await visitOf(tx, cookie, at);
    if (v.closed) return { state: v.closed };
    const { link, practice, visit } = v;
    if (posted.csrf !== visit.csrf) return { forbidden: 'The form was not sent from this page' };
    const screen = screensToAsk(link.definition, link.answers).find((s) => s.id === posted.screen);
    if (!screen) return { next: 'form' };
    const taken = takeScreen(screen, posted.fields);
    if (Object.keys(taken.errors).length > 0) {
      const shown = { ...link.answers, ...Object.fromEntries(screen.items.map((i) => [i.linkId, posted.fields[i.linkId] ?? ''])) };
      return { state: screenState(practice, link, visit.csrf, screen, { answers: shown, errors: taken.errors }) };
    }
    const mine = new Set(screen.items.map((i) => i.linkId));
    const answers = enabledAnswers(link.definition, { ...Object.fromEntries(Object.entries(link.answers).filter(([id]) => !mine.has(id))), ...taken.answers });
    const seen = link.seen.includes(screen.id) ? link.seen : [...link.seen, screen.id];
    await saveProgress(tx, link.id, { answers, seen });
    const updated = { ...link, answers, seen };
    const finished = firstScreenToShow(link.definition, answers, seen) === null;
    // Item 9 on the last screen: the form is sent as well, so nothing waits on a patient who stops at the crisis page.
    if (finished) await submitQuestionnaire(tx, deps, { practice, link: updated, at });
    if (reportsSelfHarm(answers) && !link.escalatedAt) {
      await escalateSelfHarm(tx, practice, updated, at);
      return { next: 'crisis' };
    }
    return { next: finished ? 'done' : 'form' };
  });
}

/**
 * PHQ-9 item 9 answered above "not at all": the red-flag path at once, as a
 * text saying it would take: an urgent alert, the on-call chain rung. The
 * answer is kept as a message of the form channel, so the alert shows it.
 */
async function escalateSelfHarm(tx: Queryable, practice: Practice, link: QuestionnaireLink, at: Date): Promise<void> {
  const patient = (await findPatient(tx, link.patientId))!;
  const item = link.definition.screens.flatMap((s) => s.items).filter((i) => i.linkId === SELF_HARM_LINK_ID);
  const body = answerLines({ ...link.definition, screens: [{ id: 'self-harm', part: 'mood', title: { en: '', es: '' }, items: item }] }, link.answers, link.locale);
  const message = await insertFormAnswer(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    fromNumber: patient.phone,
    toNumber: practice.phoneNumber,
    kind: 'questionnaire_self_harm',
    body,
    at,
  });
  await markEscalated(tx, link.id, at);
  await escalateRedFlag(tx, { practice, patient, conversation: null, inbound: { id: message.id }, at }, { category: 'self_harm', locale: link.locale });
}
