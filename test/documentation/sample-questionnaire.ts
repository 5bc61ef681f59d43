/**
 * Maria Gonzalez's November (sample-record.ts) with the week-2 questionnaire
 * answered on Wednesday Nov 11: self-rated health fair, a PHQ-2 of 4 that
 * opened the PHQ-9 (14, moderate), lisinopril missed because she ran out, a
 * BP reading and a fall. The reported values are made from the answers the
 * way the service makes them, so the record reads as a real month would.
 */
import { summariseQuestionnaire, type QuestionnaireIn } from '../../src/documentation/questionnaires.js';
import { summariseReported } from '../../src/documentation/reported.js';
import type { Interaction, MonthQuestionnaire, MonthRecord } from '../../src/documentation/types.js';
import { QUESTIONNAIRE_PARTS, answerObservations, phqLinkId, week2Questionnaire, type Answers } from '../../src/flows/questionnaire/index.js';
import { sampleRecord, type SampleOverrides } from './sample-record.js';

export const SENT_AT = '2026-11-11T15:00:00.000Z';
/** 11:42 in New York on Nov 11. */
export const SUBMITTED_AT = '2026-11-11T16:42:00.000Z';

export const definition = week2Questionnaire({ parts: QUESTIONNAIRE_PARTS, medicines: [{ id: 'med-lis', name: 'lisinopril' }] });

/** PHQ items 1-9 scored 2, 2 | 2, 2, 1, 2, 1, 2, 0: PHQ-2 4, PHQ-9 14. */
const PHQ: Answers = Object.fromEntries(
  ['more_than_half', 'more_than_half', 'more_than_half', 'more_than_half', 'several_days', 'more_than_half', 'several_days', 'more_than_half', 'not_at_all'].map(
    (answer, i) => [phqLinkId(i + 1), answer],
  ),
);

export const ANSWERS: Answers = {
  'health.general': 'fair',
  ...PHQ,
  'medicine.med-lis.taken': 'missed',
  'medicine.med-lis.why': 'ran_out',
  'reading.systolic': '148',
  'reading.diastolic': '91',
  'falls.fell': 'yes',
  'falls.hurt': 'no',
  'symptoms.any': 'no',
  'message.text': 'I need a refill of the blood pressure pill',
};

export function questionnaireIn(overrides: Partial<QuestionnaireIn> = {}): QuestionnaireIn {
  return {
    id: 'link-1',
    sentAt: SENT_AT,
    submittedAt: SUBMITTED_AT,
    locale: 'en',
    messageId: 'msg-form-1',
    definition,
    answers: ANSWERS,
    ...overrides,
  };
}

export function answeredQuestionnaire(overrides: Partial<QuestionnaireIn> = {}): MonthQuestionnaire {
  return summariseQuestionnaire(questionnaireIn(overrides));
}

/** What the form's answers were recorded as, as the month reads the observations back. */
export function observationsOf(q: QuestionnaireIn = questionnaireIn()) {
  return answerObservations(q.definition, q.answers).map((o) => ({ at: q.submittedAt, kind: o.kind, value: o.value as Record<string, unknown> }));
}

const FORM_LINES = 'In general, would you say your health is: Fair\nLittle interest or pleasure in doing things More than half the days';

/** The questionnaire's lines in the month's log: the link sent, opened, the answers on the form channel. */
export const QUESTIONNAIRE_INTERACTIONS: Interaction[] = [
  { id: 'msg-invite-1', at: SENT_AT, type: 'message', actor: 'bot', channel: 'sms', direction: 'outbound', summary: 'Hi Maria, Riverside Family Medicine has a few questions: https://ccm.example.org/q/[link]' },
  { id: 'ev-sent-1', at: SENT_AT, type: 'event', actor: 'bot', channel: null, direction: null, summary: 'Questionnaire sent' },
  { id: 'ev-opened-1', at: '2026-11-11T16:30:00.000Z', type: 'event', actor: 'bot', channel: null, direction: null, summary: 'Questionnaire link opened' },
  { id: 'msg-form-1', at: SUBMITTED_AT, type: 'message', actor: 'patient', channel: 'form', direction: 'inbound', summary: FORM_LINES },
];

/** The sample month with the questionnaire in it: its summary, its reported values, its log lines and its counts. */
export function questionnaireMonth(overrides: SampleOverrides = {}): MonthRecord {
  const base = sampleRecord();
  const reported = summariseReported(observationsOf(), [{ id: 'med-lis', name: 'lisinopril' }]);
  return sampleRecord({
    questionnaires: [answeredQuestionnaire()],
    interactions: [...base.interactions, ...QUESTIONNAIRE_INTERACTIONS].sort((a, b) => a.at.localeCompare(b.at)),
    botActivity: { questionnairesSent: 1, questionnairesAnswered: 1 },
    reported: { other: reported.other },
    ...overrides,
  });
}
