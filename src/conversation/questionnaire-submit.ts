/**
 * A questionnaire sent: its answers count like any other. They are kept as a
 * message of the form channel (the transcript shows what was asked and
 * answered), become the observations a text's would (readings, doses, a
 * fall, the PHQ scores), triage assesses them, and whatever the patient wrote
 * in their own words goes through the shared turn, so a concern written on a
 * form reaches a person exactly as one texted would.
 */
import { answerObservations, enabledAnswers, freeTextAnswers, type Answers, type QuestionnaireDefinition } from '../flows/questionnaire/index.js';
import { assessPatient } from '../alerts/index.js';
import { replanPatient } from '../outreach/index.js';
import { insertFormAnswer } from '../store/messages.js';
import { insertObservations } from '../store/observations.js';
import { recordEvent } from '../store/patient-events.js';
import { findPatient, noteReply } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import { markSubmitted, type QuestionnaireLink } from '../store/questionnaires.js';
import type { Queryable } from '../store/sql.js';
import type { RuntimeDeps } from '../runtime.js';
import { takeTurn } from './turn.js';

/** Each answered question and its answer, one per line, in the patient's language: the transcript's copy. */
export function answerLines(definition: QuestionnaireDefinition, answers: Answers, locale: 'en' | 'es'): string {
  const counted = enabledAnswers(definition, answers);
  return definition.screens
    .flatMap((screen) => screen.items)
    .filter((item) => counted[item.linkId] !== undefined)
    .map((item) => {
      const answer = counted[item.linkId]!;
      const option = item.options?.find((o) => o.value === answer);
      const shown = option ? option.text[locale] : item.unit ? `${answer} ${item.unit}` : answer;
      return `${item.text[locale]} ${shown}`;
    })
    .join('\n');
}

export async function submitQuestionnaire(tx: Queryable, deps: RuntimeDeps, c: { practice: Practice; link: QuestionnaireLink; at: Date }): Promise<void> {
  const { practice, link, at } = c;
  const patient = (await findPatient(tx, link.patientId))!;
  const answers = enabledAnswers(link.definition, link.answers);
  const message = await insertFormAnswer(tx, {
    practiceId: practice.id,
    patientId: patient.id,
    fromNumber: patient.phone,
    toNumber: practice.phoneNumber,
    kind: 'questionnaire_answer',
    body: answerLines(link.definition, answers, link.locale),
    at,
  });
  await markSubmitted(tx, link.id, message.id, at);
  await recordEvent(tx, { practiceId: practice.id, patientId: patient.id, messageId: message.id, type: 'questionnaire_submitted', at });
  if (await noteReply(tx, patient.id, at)) await replanPatient(tx, practice, patient.id, at);

  const ids = { practiceId: practice.id, patientId: patient.id, conversationId: null, messageId: message.id };
  await insertObservations(tx, { ...ids, observedAt: at }, answerObservations(link.definition, answers));
  await assessPatient(tx, { practice, patient, conversationId: null, messageId: message.id }, at, 'questionnaire');

  // Their own words, read as a text would be: red flags, concerns, requests, and what nothing accounts for reaches a person.
  const words = freeTextAnswers(link.definition, answers).map((a) => a.text).join('\n');
  if (words.trim()) await takeTurn(tx, deps, { practice, patient, conversation: null, inbound: { id: message.id, body: words }, channel: 'form', at });
}
