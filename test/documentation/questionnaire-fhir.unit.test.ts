import type { Bundle, Observation, QuestionnaireItem, QuestionnaireResponseItem, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { questionnaireObservations, questionnaireResource, questionnaireResponseResource } from '../../src/documentation/fhir/questionnaire.js';
import { QUESTIONNAIRE_PARTS, WEEK2_QUESTIONNAIRE_URL, week2Questionnaire, type Answers } from '../../src/flows/questionnaire/index.js';
import { fhirValidator } from '../helpers/fhir-schema.js';

const validateFhir = fhirValidator();
const collection = (...resources: Resource[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource })),
});
function expectValid(...resources: Resource[]): void {
  const errors = validateFhir(collection(...resources));
  expect(errors, errors.join('\n')).toEqual([]);
}

const definition = week2Questionnaire({ parts: QUESTIONNAIRE_PARTS, medicines: [{ id: 'lis', name: 'lisinopril' }] });
const subject = { reference: 'urn:uuid:9f1c2d3e-0000-4000-8000-000000000001', display: 'Rosa Martínez' };
const ANSWERS: Answers = {
  'health.general': 'very_good',
  'phq.1': 'more_than_half',
  'phq.2': 'several_days',
  'phq.3': 'nearly_every_day',
  'phq.4': 'nearly_every_day',
  'phq.5': 'not_at_all',
  'phq.6': 'several_days',
  'phq.7': 'more_than_half',
  'phq.8': 'several_days',
  'phq.9': 'not_at_all',
  'medicine.lis.taken': 'missed',
  'medicine.lis.why': 'ran_out',
  'reading.systolic': '142',
  'reading.diastolic': '88',
  'reading.weight': '181.5',
  'falls.fell': 'no',
  'message.text': 'Necesito más tiras para el azúcar',
};

const flatten = (items: readonly (QuestionnaireItem | QuestionnaireResponseItem)[] = []): Array<QuestionnaireItem | QuestionnaireResponseItem> =>
  items.flatMap((item) => [item, ...flatten(item.item)]);

describe('the week-2 Questionnaire in FHIR', () => {
  it('is valid R4, in English and in Spanish', () => {
    expectValid(questionnaireResource(definition), questionnaireResource(definition, 'es'));
  });

  it('groups the questions by screen, with their LOINC codes and answer codes', () => {
    const questionnaire = questionnaireResource(definition);
    expect(questionnaire).toMatchObject({ url: WEEK2_QUESTIONNAIRE_URL, version: definition.version, status: 'active', language: 'en' });
    expect(questionnaire.item!.every((group) => group.type === 'group')).toBe(true);
    const items = flatten(questionnaire.item) as QuestionnaireItem[];
    const byId = (linkId: string) => items.find((i) => i.linkId === linkId)!;
    expect(byId('mood').code).toEqual([expect.objectContaining({ system: 'http://loinc.org', code: '55757-9' })]);
    expect(byId('health.general').code![0]!.code).toBe('61577-3');
    expect(byId('phq.9').code![0]!.code).toBe('44260-8');
    expect(byId('phq.1').answerOption!.map((o) => o.valueCoding!.code)).toEqual(['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9']);
    expect(byId('phq.1').answerOption![3]!.extension).toEqual([{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 3 }]);
    expect(byId('reading.systolic').code![0]!.code).toBe('8480-6');
    expect(byId('message.text').maxLength).toBe(2000);
  });

  it('says in enableWhen when a follow-up is asked, and in words when enableWhen cannot (a PHQ-2 total)', () => {
    const items = flatten(questionnaireResource(definition).item) as QuestionnaireItem[];
    const byId = (linkId: string) => items.find((i) => i.linkId === linkId)!;
    expect(byId('medicine.lis.why')).toMatchObject({
      enableBehavior: 'any',
      enableWhen: [
        { question: 'medicine.lis.taken', operator: '=', answerCoding: { code: 'missed' } },
        { question: 'medicine.lis.taken', operator: '=', answerCoding: { code: 'stopped' } },
      ],
    });
    expect(byId('falls.hurt').enableWhen).toEqual([{ question: 'falls.fell', operator: '=', answerCoding: expect.objectContaining({ code: 'yes' }) }]);
    expect(byId('phq.3').enableWhen).toBeUndefined();
    expect(byId('phq.3').extension).toContainEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/designNote',
      valueMarkdown: 'Asked only when the PHQ-2 total (phq.1 + phq.2, 0-6) is 3 or more.',
    });
  });

  it('in Spanish, asks in Spanish and keeps the codes', () => {
    const items = flatten(questionnaireResource(definition, 'es').item) as QuestionnaireItem[];
    const phq1 = items.find((i) => i.linkId === 'phq.1')!;
    expect(phq1.text).toBe('Poco interés o placer en hacer cosas');
    expect(phq1.answerOption![0]!.valueCoding).toEqual({ system: 'http://loinc.org', code: 'LA6568-5', display: 'Ningún día' });
  });
});

describe('the QuestionnaireResponse and its Observations', () => {
  const response = questionnaireResponseResource(definition, ANSWERS, { subject, authored: '2026-12-09T15:20:00-06:00', status: 'completed', id: 'qr-1' });
  const observations = questionnaireObservations(definition, ANSWERS, {
    subject,
    effective: '2026-12-09T15:20:00-06:00',
    derivedFrom: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
  });

  it('are valid R4', () => {
    expectValid(response, ...observations);
  });

  it('names the questionnaire and version, and answers by type: codings, integers, decimals, words', () => {
    expect(response).toMatchObject({ questionnaire: `${WEEK2_QUESTIONNAIRE_URL}|${definition.version}`, status: 'completed', subject });
    const answered = flatten(response.item) as QuestionnaireResponseItem[];
    const answer = (linkId: string) => answered.find((i) => i.linkId === linkId)?.answer?.[0];
    expect(answer('phq.1')).toEqual({ valueCoding: { system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' } });
    expect(answer('health.general')!.valueCoding!.code).toBe('LA13913-1');
    expect(answer('medicine.lis.why')!.valueCoding).toMatchObject({ code: 'ran_out' });
    expect(answer('reading.systolic')).toEqual({ valueInteger: 142 });
    expect(answer('reading.weight')).toEqual({ valueDecimal: 181.5 });
    expect(answer('message.text')).toEqual({ valueString: 'Necesito más tiras para el azúcar' });
    // Unanswered questions and screens are left out.
    expect(answer('reading.glucose')).toBeUndefined();
    expect(answered.some((i) => i.linkId === 'symptoms')).toBe(false);
  });

  it('gives each PHQ item its LA answer, the PHQ-2 and PHQ-9 totals and self-rated health, as final surveys', () => {
    const byCode = (code: string) => observations.filter((o: Observation) => o.code.coding?.[0]?.code === code);
    expect(byCode('55758-7')[0]!.valueInteger).toBe(3);
    expect(byCode('44261-6')[0]).toMatchObject({ valueInteger: 13, interpretation: [{ text: 'moderate (PHQ-9 severity)' }] });
    expect(byCode('44260-8')[0]!.valueCodeableConcept!.coding![0]!.code).toBe('LA6568-5');
    expect(byCode('61577-3')[0]!.valueCodeableConcept!.coding![0]).toMatchObject({ system: 'http://loinc.org', code: 'LA13913-1' });
    expect(observations).toHaveLength(9 + 2 + 1);
    for (const o of observations) {
      expect(o).toMatchObject({ status: 'final', subject, effectiveDateTime: '2026-12-09T15:20:00-06:00' });
      expect(o.category![0]!.coding![0]!.code).toBe('survey');
    }
  });

  it('leaves out a PHQ-9 not asked, and an in-progress form is in progress', () => {
    const early = { 'phq.1': 'not_at_all', 'phq.2': 'several_days', 'phq.3': 'nearly_every_day' };
    const codes = questionnaireObservations(definition, early, { subject, effective: '2026-12-09' }).map((o) => o.code.coding![0]!.code);
    expect(codes).toEqual(['44250-9', '44255-8', '55758-7']);
    const partial = questionnaireResponseResource(definition, early, { subject, authored: '2026-12-09', status: 'in-progress' });
    expect(partial.status).toBe('in-progress');
    expect((flatten(partial.item) as QuestionnaireResponseItem[]).map((i) => i.linkId)).toEqual(['mood', 'phq.1', 'phq.2']);
    expectValid(partial);
  });
});
