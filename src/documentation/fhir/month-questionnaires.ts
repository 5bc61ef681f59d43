/**
 * The month's answered questionnaires in the bundle: the Questionnaire each
 * answered (once per url|version), the patient's
 * QuestionnaireResponse, and the survey Observations made from it (PHQ items
 * and totals, self-rated health), each derived from the response. Home
 * readings, doses and falls from the form are already among the month's
 * reported values, so they are not repeated.
 */
import type { Observation, Questionnaire, QuestionnaireResponse, Reference } from '@medplum/fhirtypes';
import type { MonthQuestionnaire } from '../types.js';
import type { BuildContext, Keyed } from './context.js';
import { questionnaireObservations, questionnaireResource, questionnaireResponseResource } from './questionnaire.js';

export interface QuestionnaireEntries {
  questionnaires: Keyed<Questionnaire>[];
  responses: Keyed<QuestionnaireResponse>[];
  observations: Keyed<Observation>[];
}

const scope = (q: Pick<MonthQuestionnaire, 'id'>) => `questionnaire-link/${q.id}`;

/** The key of the response made from a questionnaire link: the message that carries its answers points at it. */
export const responseKey = (q: Pick<MonthQuestionnaire, 'id'>) => `${scope(q)}/response`;

export function questionnaireEntries(ctx: BuildContext): QuestionnaireEntries {
  const answered = ctx.record.questionnaires ?? [];
  const entries: QuestionnaireEntries = { questionnaires: [], responses: [], observations: [] };
  // A response names its questionnaire by canonical url|version (the version differs with the medicines asked about):
  // each one answered is included once, so the bundle reads on its own.
  const included = new Set<string>();
  for (const q of answered) {
    const canonical = `${q.definition.url}|${q.definition.version}`;
    if (!included.has(canonical)) {
      included.add(canonical);
      // In English, as the chart is: the codes are what an EHR matches, and the patient's language is on the Patient.
      entries.questionnaires.push({ key: `${scope(q)}/questionnaire`, resource: questionnaireResource(q.definition, 'en') });
    }
    const response = questionnaireResponseResource(q.definition, q.answers, { subject: ctx.patient, authored: q.submittedAt, status: 'completed' });
    const identifier = ctx.identifier('questionnaire-responses', q.id);
    entries.responses.push({
      key: responseKey(q),
      resource: {
        ...response,
        ...(identifier ? { identifier } : {}),
        ...(ctx.carePlan ? { basedOn: [ctx.carePlan] } : {}),
      },
    });
    // Added after them, the response is named by the fullUrl its key will get.
    const derivedFrom: Reference<QuestionnaireResponse> = { reference: ctx.fullUrl(responseKey(q)) };
    for (const observation of questionnaireObservations(q.definition, q.answers, { subject: ctx.patient, effective: q.submittedAt, derivedFrom })) {
      entries.observations.push({ key: `${scope(q)}/observation/${observation.code.coding?.[0]?.code ?? entries.observations.length}`, resource: observation });
    }
  }
  return entries;
}
