/**
 * The month's questionnaires in the record: a summary of each one answered
 * (which parts, self-rated health, the PHQ totals) made from the definition
 * as it was sent and the answers, and the words staff read for the
 * questionnaire's events. Pure.
 */
import {
  HEALTH_LINK_ID,
  PHQ9_FROM_PHQ2_TOTAL,
  PHQ_OPTIONS,
  SELF_HARM_LINK_ID,
  enabledAnswers,
  phq9Severity,
  scores,
  type Answers,
  type QuestionnaireDefinition,
  type QuestionnairePart,
} from '../flows/questionnaire/index.js';
import type { MonthQuestionnaire } from './types.js';

/** A questionnaire answered in the month, as the store keeps it. */
export interface QuestionnaireIn {
  id: string;
  sentAt: string;
  submittedAt: string;
  locale: 'en' | 'es';
  messageId: string | null;
  definition: QuestionnaireDefinition;
  answers: Answers;
}

/** The parts of the form as a clinician names them. */
export const PART_LABELS: Readonly<Record<QuestionnairePart, string>> = {
  health: 'self-rated health',
  mood: 'mood',
  medicines: 'medicines',
  readings: 'home readings',
  falls: 'falls',
  symptoms: 'symptoms',
  message: 'a message to the care team',
};

/** The questionnaire's patient events, as the timeline and the month's log show them. */
export const QUESTIONNAIRE_EVENT_LABELS: Readonly<Record<string, string>> = {
  questionnaire_sent: 'Questionnaire sent',
  questionnaire_opened: 'Questionnaire link opened',
  questionnaire_submitted: 'Questionnaire submitted',
  questionnaire_unanswered: 'Questionnaire not answered in 7 days',
};

/** A message of the form channel: what it is, for the line that shows it. */
export function formMessageLabel(kind: string): string {
  return kind === 'questionnaire_self_harm' ? 'Questionnaire answer on thoughts of self-harm (form), sent at once' : 'Questionnaire answered (form)';
}

/** 'very_good' as 'very good'. */
export const answerWords = (value: string) => value.replace(/_/g, ' ');

/** "PHQ-2 score 4 (positive screen)": 3 or more is the instrument's positive screen, and the PHQ-9 follows. */
export function phq2Words(score: number): string {
  return `PHQ-2 score ${score} (${score >= PHQ9_FROM_PHQ2_TOTAL ? 'positive' : 'negative'} screen)`;
}

export function phq9Words(phq9: { score: number; severity: string }): string {
  return `PHQ-9 score ${phq9.score} (${phq9.severity})`;
}

export function summariseQuestionnaire(q: QuestionnaireIn): MonthQuestionnaire {
  const answers = enabledAnswers(q.definition, q.answers);
  const partsAnswered = q.definition.parts.filter((part) =>
    q.definition.screens.some((screen) => screen.part === part && screen.items.some((item) => answers[item.linkId] !== undefined)),
  );
  const health = answers[HEALTH_LINK_ID];
  const healthScore = q.definition.screens
    .flatMap((screen) => screen.items)
    .find((item) => item.linkId === HEALTH_LINK_ID)
    ?.options?.find((option) => option.value === health)?.score;
  const { phq2, phq9 } = scores(answers);
  const selfHarm = PHQ_OPTIONS.find((option) => option.value === answers[SELF_HARM_LINK_ID]);
  return {
    id: q.id,
    sentAt: q.sentAt,
    submittedAt: q.submittedAt,
    locale: q.locale,
    messageId: q.messageId,
    partsAnswered,
    selfRatedHealth: health !== undefined && healthScore !== undefined ? { answer: health, score: healthScore } : null,
    phq2,
    phq9: phq9 === null ? null : { score: phq9, severity: phq9Severity(phq9) },
    selfHarmAnswer: selfHarm && (selfHarm.score ?? 0) > 0 ? selfHarm.text.en.toLowerCase() : null,
    definition: q.definition,
    answers,
  };
}

/** What one questionnaire reported, in words: "self-rated health fair; PHQ-2 score 4 (positive screen); ...". */
export function questionnaireFindings(q: MonthQuestionnaire): string[] {
  return [
    ...(q.selfRatedHealth ? [`self-rated health ${answerWords(q.selfRatedHealth.answer)}`] : []),
    ...(q.phq2 !== null ? [phq2Words(q.phq2)] : []),
    ...(q.phq9 ? [phq9Words(q.phq9)] : []),
    ...(q.selfHarmAnswer ? [`PHQ-9 item 9 (thoughts of being better off dead or of self-harm): ${q.selfHarmAnswer}`] : []),
  ];
}
