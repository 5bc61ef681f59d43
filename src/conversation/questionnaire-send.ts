/**
 * The week-2 questionnaire goes out: a link made for the planned contact
 * (the form as it is that day, with the patient's own medicines), the text
 * that carries it, a reminder once if it is not opened within 2 days, and, 7
 * days on, the link runs out: unanswered, it counts like a check-in nobody
 * answered (a non-responder reaches the call list as with texts).
 */
import { week2Questionnaire } from '../flows/questionnaire/index.js';
import { formLinkShown, queueOutreach } from '../messaging/index.js';
import { markedUnreachable } from '../outreach/index.js';
import { enqueueJob } from '../store/job-queue.js';
import type { Medication } from '../store/medications.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient, noteUnanswered, type Patient } from '../store/patients.js';
import { findPractice, type Practice } from '../store/practices.js';
import { findLink, insertLink, markLapsed, markReminded, setInvite } from '../store/questionnaires.js';
import { withTransaction, type Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { systemText } from './speech.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The link works this long. */
export const LINK_LIFETIME_MS = 7 * DAY_MS;
/** A link not opened by then gets one reminder. */
export const REMINDER_AFTER_MS = 2 * DAY_MS;

/** Makes the contact's link and queues the text that carries it (once: a second dispatch finds the link made). */
export async function sendQuestionnaire(
  tx: Queryable,
  deps: RuntimeDeps,
  c: { practice: Practice; patient: Patient; outreachId: string; medications: readonly Medication[]; at: Date },
): Promise<void> {
  const { practice, patient, at } = c;
  const medicines = c.medications.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name }));
  const definition = week2Questionnaire({ parts: practice.outreach.questionnaire.parts, medicines });
  const link = await insertLink(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    outreachId: c.outreachId,
    definition,
    locale: patient.language,
    createdAt: at,
    expiresAt: new Date(at.getTime() + LINK_LIFETIME_MS),
  });
  if (!link) return;
  const body = systemText('questionnaire.invite', patient.language, practice, patient, { link: formLinkShown(deps.publicUrl) });
  const message = await queueOutreach(tx, { practice, patient, kind: 'questionnaire_invite', body, at });
  await setInvite(tx, link.id, message.id);
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: message.id, type: 'questionnaire_sent', at });
  await enqueueJob(tx, 'questionnaire.remind', { linkId: link.id }, { runAt: new Date(at.getTime() + REMINDER_AFTER_MS), now: at });
  await enqueueJob(tx, 'questionnaire.lapse', { linkId: link.id }, { runAt: new Date(link.expiresAt), now: at });
}

/** Two days on: a link never opened gets one reminder (quiet hours hold it like any text). */
export async function remindQuestionnaire(deps: RuntimeDeps, linkId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const link = await findLink(tx, linkId, { lock: true });
    if (!link || link.openedAt || link.submittedAt || link.remindedAt || Date.parse(link.expiresAt) <= at.getTime()) return;
    const [practice, patient] = await Promise.all([findPractice(tx, link.practiceId), findPatient(tx, link.patientId)]);
    if (!practice || !patient || patient.smsOptedOutAt || patient.phoneInvalidAt || patient.status !== 'enrolled') return;
    const body = systemText('questionnaire.reminder', link.locale, practice, patient, { link: formLinkShown(deps.publicUrl) });
    const message = await queueOutreach(tx, { practice, patient, kind: 'questionnaire_reminder', body, at });
    await markReminded(tx, link.id, message.id, at);
  });
}

/**
 * The link ran out unanswered (opened or not: a form left half done is no
 * answer): it counts as a contact the patient did not answer.
 */
export async function lapseQuestionnaire(deps: RuntimeDeps, linkId: string): Promise<void> {
  const at = deps.clock.now();
  await withTransaction(deps.pool, async (tx) => {
    const link = await findLink(tx, linkId, { lock: true });
    if (!link || link.submittedAt || link.lapsedAt || Date.parse(link.expiresAt) > at.getTime()) return;
    await markLapsed(tx, link.id, at);
    const [practice, patient] = await Promise.all([findPractice(tx, link.practiceId), findPatient(tx, link.patientId)]);
    if (!practice || !patient) return;
    await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, type: 'questionnaire_unanswered', detail: { opened: link.openedAt !== null }, at });
    if (await noteUnanswered(tx, patient.id, practice.outreach.unreachableAfter, at)) await markedUnreachable(tx, practice, patient, at);
  });
}
