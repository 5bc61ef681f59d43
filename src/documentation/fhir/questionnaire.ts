/**
 * The week-2 questionnaire in FHIR R4: the Questionnaire (one group per
 * screen), the patient's QuestionnaireResponse, and the Observations an EHR
 * files from it (PHQ items and totals, self-rated health). Home readings,
 * adherence and falls reach the export the way every channel's do, through
 * the month's reported values, so they are not repeated here. Pure.
 */
import type {
  Coding,
  Extension,
  Observation,
  Patient,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
} from '@medplum/fhirtypes';
import {
  HEALTH_LINK_ID,
  LOCAL_ANSWER_SYSTEM,
  MAX_TEXT_LENGTH,
  PANEL,
  enabledAnswers,
  phq9Severity,
  phqLinkId,
  scores,
  type AnswerOption,
  type Answers,
  type Condition,
  type QuestionItem,
  type QuestionnaireDefinition,
  type QuestionnaireLocale,
} from '../../flows/questionnaire/index.js';
import { SYSTEM, observationCategory } from './terminology.js';

/** Core R4 extensions: no SDC dependency, so the resources stay plain R4. */
const EXTENSION = {
  entryFormat: 'http://hl7.org/fhir/StructureDefinition/entryFormat',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  designNote: 'http://hl7.org/fhir/StructureDefinition/designNote',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
} as const;

/** The units the form shows, in UCUM. */
const UCUM: Readonly<Record<string, Coding>> = {
  'mm[Hg]': { system: SYSTEM.ucum, code: 'mm[Hg]', display: 'mmHg' },
  'mg/dL': { system: SYSTEM.ucum, code: 'mg/dL', display: 'mg/dL' },
  lb: { system: SYSTEM.ucum, code: '[lb_av]', display: 'lb' },
};

/**
 * An answer's coding: its LOINC answer, or our local code (the option's
 * value). In a Spanish questionnaire the display is the Spanish words: system
 * and code are what match, and the patient-facing text is the display.
 */
function optionCoding(option: AnswerOption, locale: QuestionnaireLocale = 'en'): Coding {
  const coding = option.coding ?? { system: LOCAL_ANSWER_SYSTEM, code: option.value, display: option.text.en };
  return { system: coding.system, code: coding.code, display: locale === 'en' ? coding.display : option.text[locale] };
}

const allItems = (definition: QuestionnaireDefinition) => definition.screens.flatMap((screen) => screen.items);
const findItem = (definition: QuestionnaireDefinition, linkId: string) => allItems(definition).find((item) => item.linkId === linkId);

/** enableWhen for "another answer is one of these"; null for what R4's enableWhen cannot say (a score). */
function enableWhen(definition: QuestionnaireDefinition, conditions: readonly Condition[]): QuestionnaireItemEnableWhen[] | null {
  const entries: QuestionnaireItemEnableWhen[] = [];
  for (const condition of conditions) {
    if ('score' in condition) return null;
    const options = findItem(definition, condition.linkId)?.options ?? [];
    for (const value of condition.anyOf) {
      const option = options.find((o) => o.value === value);
      entries.push({ question: condition.linkId, operator: '=', answerCoding: option ? optionCoding(option) : { system: LOCAL_ANSWER_SYSTEM, code: value } });
    }
  }
  return entries;
}

/** Conditions a reader must be told in words: a PHQ-2 total is a sum, which R4's enableWhen cannot test. */
function conditionInWords(conditions: readonly Condition[]): string {
  const words = (c: Condition) =>
    'score' in c
      ? `Asked only when the PHQ-2 total (${phqLinkId(1)} + ${phqLinkId(2)}, 0-6) is ${c.atLeast} or more.`
      : `Asked only when ${c.linkId} is ${c.anyOf.join(' or ')}.`;
  return conditions.map(words).join(' ');
}

function branching(definition: QuestionnaireDefinition, item: QuestionItem): Pick<QuestionnaireItem, 'enableWhen' | 'enableBehavior'> & { note?: Extension } {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return {};
  const entries = enableWhen(definition, conditions);
  // Several values of one question: any of them; one value each of several questions: all of them.
  const behavior = conditions.length === 1 ? 'any' : conditions.every((c) => 'anyOf' in c && c.anyOf.length === 1) ? 'all' : null;
  if (entries === null || behavior === null) return { note: { url: EXTENSION.designNote, valueMarkdown: conditionInWords(conditions) } };
  return entries.length > 1 ? { enableWhen: entries, enableBehavior: behavior } : { enableWhen: entries };
}

function numberExtensions(item: QuestionItem): Extension[] {
  const value = (n: number) => (item.type === 'integer' ? { valueInteger: n } : { valueDecimal: n });
  const unit = item.unit === undefined ? undefined : UCUM[item.unit];
  return [
    ...(item.min !== undefined ? [{ url: EXTENSION.minValue, ...value(item.min) }] : []),
    ...(item.max !== undefined ? [{ url: EXTENSION.maxValue, ...value(item.max) }] : []),
    ...(unit ? [{ url: EXTENSION.unit, valueCoding: unit }] : []),
  ];
}

function questionItem(definition: QuestionnaireDefinition, item: QuestionItem, locale: QuestionnaireLocale): QuestionnaireItem {
  const { note, ...when } = branching(definition, item);
  const extension = [
    ...(item.hint ? [{ url: EXTENSION.entryFormat, valueString: item.hint[locale] }] : []),
    ...numberExtensions(item),
    ...(note ? [note] : []),
  ];
  return {
    linkId: item.linkId,
    ...(extension.length > 0 ? { extension } : {}),
    ...(item.code ? { code: [item.code] } : {}),
    text: item.text[locale],
    type: item.type,
    ...when,
    required: item.required,
    ...(item.type === 'text' ? { maxLength: MAX_TEXT_LENGTH } : {}),
    ...(item.options
      ? {
          answerOption: item.options.map((option) => ({
            ...(option.score !== undefined ? { extension: [{ url: EXTENSION.ordinalValue, valueDecimal: option.score }] } : {}),
            valueCoding: optionCoding(option, locale),
          })),
        }
      : {}),
  };
}

/** The definition as a FHIR Questionnaire in one language, one group per screen. */
export function questionnaireResource(definition: QuestionnaireDefinition, locale: QuestionnaireLocale = 'en'): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    language: locale,
    url: definition.url,
    version: definition.version,
    title: definition.title[locale],
    status: 'active',
    subjectType: ['Patient'],
    item: definition.screens.map((screen) => ({
      linkId: screen.id,
      ...(screen.code ? { code: [screen.code] } : {}),
      text: screen.title[locale],
      type: 'group',
      item: screen.items.map((item) => questionItem(definition, item, locale)),
    })),
  };
}

function answerValue(item: QuestionItem, answer: string): QuestionnaireResponseItemAnswer | null {
  switch (item.type) {
    case 'choice': {
      const option = item.options?.find((o) => o.value === answer);
      return option ? { valueCoding: optionCoding(option) } : null;
    }
    case 'integer':
      return Number.isInteger(Number(answer)) ? { valueInteger: Number(answer) } : null;
    case 'decimal':
      return Number.isFinite(Number(answer)) ? { valueDecimal: Number(answer) } : null;
    case 'text':
      return { valueString: answer };
  }
}

export interface ResponseOptions {
  subject: Reference<Patient>;
  authored: string;
  /** 'in-progress' for a form left part way. */
  status: 'completed' | 'in-progress';
  id?: string;
}

/** The patient's answers, grouped as the Questionnaire is; questions not asked or not answered are left out. */
export function questionnaireResponseResource(definition: QuestionnaireDefinition, answers: Answers, options: ResponseOptions): QuestionnaireResponse {
  const kept = enabledAnswers(definition, answers);
  const groups = definition.screens.flatMap((screen): QuestionnaireResponseItem[] => {
    const items = screen.items.flatMap((item): QuestionnaireResponseItem[] => {
      const answer = kept[item.linkId] === undefined ? null : answerValue(item, kept[item.linkId]!);
      return answer ? [{ linkId: item.linkId, answer: [answer] }] : [];
    });
    return items.length > 0 ? [{ linkId: screen.id, item: items }] : [];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    ...(options.id ? { id: options.id } : {}),
    questionnaire: `${definition.url}|${definition.version}`,
    status: options.status,
    subject: options.subject,
    authored: options.authored,
    author: options.subject,
    source: options.subject,
    ...(groups.length > 0 ? { item: groups } : {}),
  };
}

export interface ObservationOptions {
  subject: Reference<Patient>;
  effective: string;
  /** The QuestionnaireResponse the values come from. */
  derivedFrom?: Reference<QuestionnaireResponse>;
}

/**
 * Survey Observations: each PHQ item answered (its LOINC answer), the PHQ-2
 * and PHQ-9 totals once complete, and self-rated health. The patient
 * answered, so the patient is the performer.
 */
export function questionnaireObservations(definition: QuestionnaireDefinition, answers: Answers, options: ObservationOptions): Observation[] {
  const kept = enabledAnswers(definition, answers);
  const survey = (code: Coding): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    category: observationCategory('survey'),
    code: { coding: [code], text: code.display },
    subject: options.subject,
    effectiveDateTime: options.effective,
    performer: [options.subject],
    ...(options.derivedFrom ? { derivedFrom: [options.derivedFrom] } : {}),
  });
  const coded = allItems(definition).flatMap((item): Observation[] => {
    const isCoded = item.linkId === HEALTH_LINK_ID || /^phq\.\d$/.test(item.linkId);
    const option = item.options?.find((o) => o.value === kept[item.linkId]);
    if (!isCoded || !item.code || !option?.coding) return [];
    return [{ ...survey(item.code), valueCodeableConcept: { coding: [optionCoding(option)], text: option.text.en } }];
  });
  const { phq2, phq9 } = scores(kept);
  return [
    ...coded,
    ...(phq2 !== null ? [{ ...survey(PANEL.phq2Total), valueInteger: phq2 }] : []),
    ...(phq9 !== null ? [{ ...survey(PANEL.phq9Total), valueInteger: phq9, interpretation: [{ text: `${phq9Severity(phq9)} (PHQ-9 severity)` }] }] : []),
  ];
}
