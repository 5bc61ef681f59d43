/**
 * The week-2 screens other than the PHQ and the medicines: self-rated health,
 * home readings, falls, new or worse symptoms and a message for the care
 * team. A follow-up ("Were you hurt?") gets a screen of its own, so the form
 * works without script: the patient answers, the next screen depends on it.
 */
import { loinc, localItem } from './codes.js';
import type { AnswerOption, Localized, QuestionItem, Screen } from './types.js';

export const YES_NO: readonly AnswerOption[] = [
  { value: 'yes', text: { en: 'Yes', es: 'Sí' } },
  { value: 'no', text: { en: 'No', es: 'No' } },
];

const CAN_SKIP: Localized = { en: 'You can leave this blank.', es: 'Puede dejarlo en blanco.' };

/** Free text: the patient's own words, read by the shared turn. */
const words = (linkId: string, text: Localized, code: QuestionItem['code'], hint: Localized = CAN_SKIP): QuestionItem => ({
  linkId,
  type: 'text',
  text,
  hint,
  code,
  required: false,
});

/** PROMIS Global01, scored 5 (excellent) to 1 (poor); the LOINC answer list is LL4280-5. */
export const HEALTH_LINK_ID = 'health.general';
export function healthScreens(): Screen[] {
  const option = (value: string, score: number, en: string, es: string, code: string): AnswerOption => ({
    value,
    score,
    text: { en, es },
    coding: loinc(code, en),
  });
  const item: QuestionItem = {
    linkId: HEALTH_LINK_ID,
    type: 'choice',
    text: { en: 'In general, would you say your health is:', es: 'En general, ¿diría que su salud es:' },
    code: loinc('61577-3', 'In general, would you say your health is [PROMIS]'),
    options: [
      option('excellent', 5, 'Excellent', 'Excelente', 'LA9206-9'),
      option('very_good', 4, 'Very good', 'Muy buena', 'LA13913-1'),
      option('good', 3, 'Good', 'Buena', 'LA8967-7'),
      option('fair', 2, 'Fair', 'Regular', 'LA8968-5'),
      option('poor', 1, 'Poor', 'Mala', 'LA8969-3'),
    ],
    required: false,
  };
  return [{ id: 'health', part: 'health', title: { en: 'Your health', es: 'Su salud' }, items: [item] }];
}

export const READING_LINK_IDS = {
  systolic: 'reading.systolic',
  diastolic: 'reading.diastolic',
  glucose: 'reading.glucose',
  weight: 'reading.weight',
} as const;

const example = (value: string): Localized => ({ en: `e.g. ${value}`, es: `Por ejemplo: ${value}` });

/** Whatever the patient measured at home; every number may be left out. */
export function readingScreens(): Screen[] {
  const reading = (item: Omit<QuestionItem, 'required'>): QuestionItem => ({ ...item, required: false });
  return [
    {
      id: 'readings',
      part: 'readings',
      title: { en: "Readings you took at home (skip any you don't have)", es: 'Sus medidas en casa (deje en blanco las que no tenga)' },
      items: [
        reading({
          linkId: READING_LINK_IDS.systolic,
          type: 'integer',
          text: { en: 'Blood pressure: top number', es: 'Presión arterial: número de arriba' },
          hint: example('130'),
          code: loinc('8480-6', 'Systolic blood pressure'),
          min: 60,
          max: 260,
          unit: 'mm[Hg]',
        }),
        reading({
          linkId: READING_LINK_IDS.diastolic,
          type: 'integer',
          text: { en: 'Blood pressure: bottom number', es: 'Presión arterial: número de abajo' },
          hint: example('80'),
          code: loinc('8462-4', 'Diastolic blood pressure'),
          min: 30,
          max: 160,
          unit: 'mm[Hg]',
        }),
        reading({
          linkId: READING_LINK_IDS.glucose,
          type: 'integer',
          text: { en: 'Blood sugar', es: 'Azúcar en la sangre' },
          hint: example('110'),
          code: loinc('2339-0', 'Glucose [Mass/volume] in Blood'),
          min: 20,
          max: 600,
          unit: 'mg/dL',
        }),
        reading({
          linkId: READING_LINK_IDS.weight,
          type: 'decimal',
          text: { en: 'Weight in pounds', es: 'Peso en libras' },
          hint: example('180'),
          code: loinc('29463-7', 'Body weight'),
          min: 50,
          max: 700,
          unit: 'lb',
        }),
      ],
    },
  ];
}

export const FALL_LINK_IDS = { fell: 'falls.fell', hurt: 'falls.hurt' } as const;

export function fallScreens(): Screen[] {
  const title: Localized = { en: 'Falls', es: 'Caídas' };
  return [
    {
      id: 'falls',
      part: 'falls',
      title,
      items: [
        {
          linkId: FALL_LINK_IDS.fell,
          type: 'choice',
          text: { en: 'Have you fallen in the last month?', es: '¿Se ha caído en el último mes?' },
          code: localItem('fall-last-month', 'Fell in the last month'),
          options: [...YES_NO],
          required: false,
        },
      ],
    },
    {
      id: 'falls.more',
      part: 'falls',
      title,
      items: [
        {
          linkId: FALL_LINK_IDS.hurt,
          type: 'choice',
          text: { en: 'Were you hurt when you fell?', es: '¿Se lastimó al caerse?' },
          code: localItem('fall-injury', 'Hurt in the fall'),
          options: [...YES_NO],
          required: false,
          enableWhen: [{ linkId: FALL_LINK_IDS.fell, anyOf: ['yes'] }],
        },
      ],
    },
  ];
}

export const SYMPTOM_LINK_IDS = { any: 'symptoms.any', what: 'symptoms.what' } as const;

export function symptomScreens(): Screen[] {
  const title: Localized = { en: 'Symptoms', es: 'Síntomas' };
  const what = words(
    SYMPTOM_LINK_IDS.what,
    { en: 'Tell us what changed.', es: 'Cuéntenos qué cambió.' },
    localItem('symptoms-what-changed', 'What changed, in their own words'),
    { en: 'For example: my feet are more swollen', es: 'Por ejemplo: se me hinchan más los pies' },
  );
  return [
    {
      id: 'symptoms',
      part: 'symptoms',
      title,
      items: [
        {
          linkId: SYMPTOM_LINK_IDS.any,
          type: 'choice',
          text: { en: 'Do you have any new symptoms, or symptoms that got worse?', es: '¿Tiene algún síntoma nuevo, o alguno que haya empeorado?' },
          code: localItem('symptoms-new-or-worse', 'New or worse symptoms'),
          options: [...YES_NO],
          required: false,
        },
      ],
    },
    { id: 'symptoms.more', part: 'symptoms', title, items: [{ ...what, enableWhen: [{ linkId: SYMPTOM_LINK_IDS.any, anyOf: ['yes'] }] }] },
  ];
}

export const MESSAGE_LINK_ID = 'message.text';

export function messageScreens(): Screen[] {
  const item = words(
    MESSAGE_LINK_ID,
    { en: 'Is there anything you want your care team to know?', es: '¿Hay algo que quiera que sepa su equipo médico?' },
    localItem('message-for-care-team', 'Message for the care team'),
  );
  return [{ id: 'message', part: 'message', title: { en: 'A note for your care team', es: 'Un mensaje para su equipo médico' }, items: [item] }];
}
