/**
 * The month's FHIR bundle with a questionnaire answered: the Questionnaire
 * (once per definition), the QuestionnaireResponse, the survey Observations
 * derived from it, and the form's message pointing at the response, all
 * valid against the official R4 schema.
 */
import type { Bundle, Communication, Composition, Observation, Questionnaire, QuestionnaireResponse, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { toFhirBundle, uuidV5 } from '../../src/documentation/fhir/index.js';
import { WEEK2_QUESTIONNAIRE_URL, WEEK2_QUESTIONNAIRE_VERSION, phqLinkId, week2Questionnaire } from '../../src/flows/questionnaire/index.js';
import { fhirValidator } from '../helpers/fhir-schema.js';
import { ANSWERS, SUBMITTED_AT, answeredQuestionnaire, questionnaireMonth } from './sample-questionnaire.js';

const OPTIONS = { generatedAt: '2026-12-02T15:12:00.000Z' };
const validateFhir = fhirValidator();

function expectValid(bundle: Bundle): void {
  const errors = validateFhir(bundle);
  expect(errors, errors.join('\n')).toEqual([]);
}

function resources<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).map((entry) => entry.resource).filter((resource): resource is T => resource?.resourceType === type);
}

const fullUrlOf = (bundle: Bundle, resource: Resource) => bundle.entry!.find((e) => e.resource === resource)!.fullUrl!;
const loincCodes = (observations: Observation[]) => observations.map((o) => o.code.coding![0]!.code);

/** Two questionnaires in one month: the second answered a week later with the same definition. */
function twoAnswered() {
  const later = '2026-11-18T16:00:00.000Z';
  return questionnaireMonth({
    questionnaires: [answeredQuestionnaire(), answeredQuestionnaire({ id: 'link-2', messageId: 'msg-form-2', submittedAt: later, answers: { ...ANSWERS, [phqLinkId(1)]: 'not_at_all', [phqLinkId(2)]: 'not_at_all' } })],
  });
}

describe('toFhirBundle: a month with a questionnaire answered', () => {
  it.each([
    ['a draft month', () => questionnaireMonth(), OPTIONS],
    ['an approved month with business identifiers', () => questionnaireMonth({ status: 'approved', approval: { approvedAt: '2026-12-02T15:10:00.000Z', approvedBy: 'Jane Doe, RN' } }), { ...OPTIONS, baseUrl: 'https://ccm.example.org' }],
    ['a month with two questionnaires answered', twoAnswered, OPTIONS],
    ['a month without a care plan', () => questionnaireMonth({ carePlan: { status: 'none', establishedOn: null, revisedOn: null, goals: [], interventions: [], reviewSchedule: null } }), OPTIONS],
    ['a Spanish-speaking patient', () => questionnaireMonth({ patient: { language: 'es' }, questionnaires: [answeredQuestionnaire({ locale: 'es' })] }), OPTIONS],
  ] as const)('%s validates against the FHIR R4 JSON schema', (_, record, options) => {
    expectValid(toFhirBundle(record(), options));
  });

  it('holds the patient\'s QuestionnaireResponse: completed, authored when submitted, the patient its subject, naming the Questionnaire by url|version', () => {
    const bundle = toFhirBundle(questionnaireMonth(), OPTIONS);
    const [response] = resources<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    const patientUrl = resources(bundle, 'Patient').map((p) => fullUrlOf(bundle, p))[0];
    expect(response).toMatchObject({
      status: 'completed',
      authored: SUBMITTED_AT,
      subject: { reference: patientUrl },
      author: { reference: patientUrl },
      questionnaire: expect.stringMatching(new RegExp(`^${WEEK2_QUESTIONNAIRE_URL}\\|${WEEK2_QUESTIONNAIRE_VERSION}-[0-9a-f]{12}$`)),
      basedOn: [{ reference: fullUrlOf(bundle, resources(bundle, 'CarePlan')[0]!) }],
    });
    const answered = response!.item!.flatMap((group) => group.item ?? []);
    expect(answered.find((i) => i.linkId === phqLinkId(1))!.answer).toEqual([{ valueCoding: { system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' } }]);
    expect(answered.find((i) => i.linkId === 'message.text')!.answer).toEqual([{ valueString: 'I need a refill of the blood pressure pill' }]);
    // The canonical resolves inside the bundle: the Questionnaire it names is there.
    const [questionnaire] = resources<Questionnaire>(bundle, 'Questionnaire');
    expect(`${questionnaire!.url}|${questionnaire!.version}`).toBe(response!.questionnaire);
  });

  it('holds the survey Observations with their LOINC codes, each derived from the response', () => {
    const bundle = toFhirBundle(questionnaireMonth(), OPTIONS);
    const responseUrl = fullUrlOf(bundle, resources(bundle, 'QuestionnaireResponse')[0]!);
    const derived = resources<Observation>(bundle, 'Observation').filter((o) => o.derivedFrom?.[0]?.reference === responseUrl);
    expect(loincCodes(derived)).toEqual(
      expect.arrayContaining(['61577-3', '44250-9', '44255-8', '44259-0', '44260-8', '55758-7', '44261-6']),
    );
    const byCode = (code: string) => derived.find((o) => o.code.coding![0]!.code === code)!;
    expect(byCode('55758-7').valueInteger).toBe(4);
    expect(byCode('44261-6')).toMatchObject({ valueInteger: 14, interpretation: [{ text: 'moderate (PHQ-9 severity)' }] });
    expect(byCode('61577-3').valueCodeableConcept!.coding![0]).toMatchObject({ system: 'http://loinc.org', code: 'LA8968-5' });
    expect(byCode('44250-9')).toMatchObject({ status: 'final', effectiveDateTime: SUBMITTED_AT, category: [{ coding: [{ code: 'survey' }] }] });
    // Home readings reach the bundle once, through the month's reported values, not again from the form.
    expect(derived.some((o) => o.code.coding![0]!.code === '85354-9')).toBe(false);
  });

  it('files the response in the note and points the form message at it', () => {
    const bundle = toFhirBundle(questionnaireMonth(), OPTIONS);
    const responseUrl = fullUrlOf(bundle, resources(bundle, 'QuestionnaireResponse')[0]!);
    const [note] = resources<Composition>(bundle, 'Composition');
    expect(note!.section!.find((s) => s.title === 'Questionnaires answered')!.entry).toEqual([{ reference: responseUrl }]);
    const reported = note!.section!.find((s) => s.title === 'Patient-reported data')!.entry!.map((e) => e.reference);
    for (const o of resources<Observation>(bundle, 'Observation').filter((o) => o.derivedFrom)) expect(reported).toContain(fullUrlOf(bundle, o));
    const form = resources<Communication>(bundle, 'Communication').find((c) => c.medium?.[0]?.coding?.[0]?.code === 'ONLINEWRIT')!;
    expect(form.medium![0]).toEqual({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'ONLINEWRIT', display: 'online written' }], text: 'Questionnaire answered on a web form' });
    expect(form.payload).toEqual([{ contentString: expect.stringContaining('Fair\n') }, { contentReference: { reference: responseUrl } }]);
    expect(form.sender).toEqual(expect.objectContaining({ reference: fullUrlOf(bundle, resources(bundle, 'Patient')[0]!) }));
  });

  it('includes a Questionnaire once when two responses answered the same one', () => {
    const bundle = toFhirBundle(twoAnswered(), OPTIONS);
    expect(resources(bundle, 'Questionnaire')).toHaveLength(1);
    const responses = resources<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    expect(responses.map((r) => r.authored)).toEqual([SUBMITTED_AT, '2026-11-18T16:00:00.000Z']);
    // The second's PHQ-2 of 0 asked no more: its Observations have a PHQ-2 total and no PHQ-9 one.
    const second = fullUrlOf(bundle, responses[1]!);
    const codes = loincCodes(resources<Observation>(bundle, 'Observation').filter((o) => o.derivedFrom?.[0]?.reference === second));
    expect(codes).toContain('55758-7');
    expect(codes).not.toContain('44261-6');
  });

  it('includes each questionnaire answered once by url|version: two sent that month about different medicines are two', () => {
    const withoutMedicines = week2Questionnaire({ parts: answeredQuestionnaire().definition.parts, medicines: [] });
    const other = answeredQuestionnaire({ id: 'link-2', submittedAt: '2026-11-18T16:00:00.000Z', definition: withoutMedicines });
    const bundle = toFhirBundle(questionnaireMonth({ questionnaires: [answeredQuestionnaire(), other] }), OPTIONS);
    expect(resources(bundle, 'Questionnaire')).toHaveLength(2);
    expectValid(bundle);
  });

  it('names the new resources by name-based uuids from the link id: the same record gives the same bundle', () => {
    const bundle = toFhirBundle(questionnaireMonth(), OPTIONS);
    expect(toFhirBundle(questionnaireMonth(), OPTIONS)).toEqual(bundle);
    const response = resources<QuestionnaireResponse>(bundle, 'QuestionnaireResponse')[0]!;
    expect(fullUrlOf(bundle, response)).toBe(`urn:uuid:${uuidV5('practice/practice-1/questionnaire-link/link-1/response')}`);
    const questionnaire = resources<Questionnaire>(bundle, 'Questionnaire')[0]!;
    expect(fullUrlOf(bundle, questionnaire)).toBe(`urn:uuid:${uuidV5('practice/practice-1/questionnaire-link/link-1/questionnaire')}`);
    const fullUrls = bundle.entry!.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
  });

  it('gives the response a business identifier under the service URL', () => {
    const bundle = toFhirBundle(questionnaireMonth(), { ...OPTIONS, baseUrl: 'https://ccm.example.org/' });
    expect(resources<QuestionnaireResponse>(bundle, 'QuestionnaireResponse')[0]!.identifier).toEqual({ system: 'https://ccm.example.org/questionnaire-responses', value: 'link-1' });
  });

  it('adds nothing for a month approved before the questionnaire existed', () => {
    const { questionnaires: _, ...older } = questionnaireMonth();
    const bundle = toFhirBundle(older, OPTIONS);
    expect(resources(bundle, 'QuestionnaireResponse')).toEqual([]);
    expect(resources(bundle, 'Questionnaire')).toEqual([]);
    expectValid(bundle);
  });
});
