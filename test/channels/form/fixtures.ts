/** Small screens built by hand: the form channel's tests do not depend on the week-2 definition, which may change. */
import type { QuestionnaireDefinition, Screen } from '../../../src/flows/questionnaire/types.js';
import type { ScreenPageView } from '../../../src/channels/form/index.js';

export const moodScreen: Screen = {
  id: 'mood',
  part: 'mood',
  title: { en: 'How you have been feeling', es: 'Cómo se ha sentido' },
  items: [
    {
      linkId: 'phq2.1',
      type: 'choice',
      text: { en: 'Little interest or pleasure in doing things?', es: '¿Poco interés o placer en hacer las cosas?' },
      required: true,
      options: [
        { value: '0', text: { en: 'Not at all', es: 'Nunca' }, score: 0 },
        { value: '1', text: { en: 'Several days', es: 'Varios días' }, score: 1 },
        { value: '2', text: { en: 'More than half the days', es: 'Más de la mitad de los días' }, score: 2 },
        { value: '3', text: { en: 'Nearly every day', es: 'Casi todos los días' }, score: 3 },
      ],
    },
  ],
};

export const readingsScreen: Screen = {
  id: 'readings',
  part: 'readings',
  title: { en: 'Your readings at home', es: 'Sus medidas en casa' },
  items: [
    {
      linkId: 'bp.systolic',
      type: 'integer',
      text: { en: 'Your top blood pressure number', es: 'El número de arriba de su presión' },
      hint: { en: 'For example, 130', es: 'Por ejemplo, 130' },
      unit: 'mm[Hg]',
      min: 60,
      max: 260,
      required: false,
    },
    {
      linkId: 'weight',
      type: 'decimal',
      text: { en: 'Your weight', es: 'Su peso' },
      unit: '[lb_av]',
      required: false,
    },
  ],
};

export const messageScreen: Screen = {
  id: 'message',
  part: 'message',
  title: { en: 'Anything else', es: 'Algo más' },
  items: [
    {
      linkId: 'message',
      type: 'text',
      text: { en: 'Anything you want your care team to know?', es: '¿Algo que quiera decirle a su equipo médico?' },
      required: false,
    },
  ],
};

export const definition: QuestionnaireDefinition = {
  url: 'https://example.org/Questionnaire/week-2',
  version: '1',
  title: { en: 'Your week-2 check-in', es: 'Su revisión de la semana 2' },
  parts: ['mood', 'readings', 'message'],
  screens: [moodScreen, readingsScreen, messageScreen],
};

export const practice = { name: 'Sunrise Family Clinic', phone: '+15551234567' };

export const screenView = (overrides: Partial<ScreenPageView> = {}): ScreenPageView => ({
  locale: 'en',
  practice,
  stylesheet: '/q/assets/form.css',
  icon: '/q/icon.svg',
  definition,
  screen: moodScreen,
  answers: {},
  errors: {},
  progress: { step: 2, of: 6 },
  action: '/q/screens/mood',
  back: '/q/screens/health',
  csrf: 'csrf-token-123',
  last: false,
  ...overrides,
});
