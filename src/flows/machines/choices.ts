/**
 * The numbered menus the flows offer, with the words patients use for each
 * option in English and Spanish. Numbers must match the prompt texts. The
 * parser ignores accents, so each Spanish word is listed once.
 */
import type { ChoiceOption } from '../text/index.js';
import type { ConcernCategory, ConcernTrend, MissedReason, Severity } from './answers.js';

export const CONCERN_OPTIONS: readonly ChoiceOption<ConcernCategory>[] = [
  {
    id: 'pain',
    number: 1,
    synonyms: [
      'pain', 'hurt', 'hurts', 'hurting', 'ache', 'aches', 'aching', 'headache', 'sore',
      'dolor', 'duele', 'me duele', 'adolorido', 'adolorida',
    ],
  },
  {
    id: 'breathing',
    number: 2,
    synonyms: [
      'breathing', 'breath', 'short of breath', 'cough', 'coughing', 'wheezing',
      'respiración', 'respirar', 'tos', 'falta de aire',
    ],
  },
  {
    id: 'dizzy',
    number: 3,
    synonyms: [
      'dizzy', 'dizziness', 'weak', 'weakness', 'lightheaded', 'light headed',
      'mareo', 'mareado', 'mareada', 'débil', 'debilidad',
    ],
  },
  {
    id: 'swelling',
    number: 4,
    synonyms: [
      'swelling', 'swollen', 'swelled', 'puffy',
      'hinchazón', 'hinchado', 'hinchada', 'hinchados', 'hinchadas',
    ],
  },
  {
    id: 'medicine',
    number: 5,
    synonyms: [
      'medicine', 'medication', 'medications', 'meds', 'pills',
      'medicina', 'medicinas', 'medicamento', 'medicamentos', 'pastilla', 'pastillas',
    ],
  },
  { id: 'other', number: 6, synonyms: ['something else', 'other', 'otra cosa', 'otro', 'otra'] },
];

export const SEVERITY_OPTIONS: readonly ChoiceOption<Severity>[] = [
  {
    id: 'mild',
    number: 1,
    synonyms: ['mild', 'a little', 'a bit', 'slight', 'not bad', 'not too bad', 'leve', 'un poco', 'poquito'],
  },
  {
    id: 'moderate',
    number: 2,
    synonyms: ['moderate', 'medium', 'so so', 'moderado', 'moderada', 'regular', 'más o menos'],
  },
  {
    id: 'severe',
    number: 3,
    synonyms: ['severe', 'very bad', 'really bad', 'terrible', 'awful', 'grave', 'severo', 'severa', 'muy fuerte', 'muy mal'],
  },
];

export const CONCERN_TREND_OPTIONS: readonly ChoiceOption<ConcernTrend>[] = [
  { id: 'new', number: 1, synonyms: ['new', 'first time', 'nuevo', 'nueva', 'primera vez'] },
  { id: 'worse', number: 2, synonyms: ['worse', 'getting worse', 'peor', 'empeorando'] },
  { id: 'same', number: 3, synonyms: ['same', 'same as usual', 'usual', 'as always', 'igual', 'lo mismo', 'como siempre'] },
];

export const MISSED_REASON_OPTIONS: readonly ChoiceOption<MissedReason>[] = [
  {
    id: 'forgot',
    number: 1,
    synonyms: [
      'forgot', 'forget', 'forgotten',
      'olvidé', 'me olvidé', 'se me olvidó', 'olvido', 'olvidó', 'no me acordé',
    ],
  },
  {
    id: 'side_effects',
    number: 2,
    synonyms: [
      'side effect', 'side effects', 'makes me', 'make me', 'made me',
      'efecto secundario', 'efectos secundarios', 'me cae mal', 'me caen mal', 'me hace daño',
      'me hizo daño', 'me hace sentir', 'me hizo sentir',
    ],
  },
  {
    id: 'ran_out',
    number: 3,
    synonyms: [
      'ran out', 'run out', 'out of pills', 'none left', "didn't have any", 'refill', 'need more',
      'se me acabó', 'se acabó', 'no me quedan', 'no me quedaban', 'no tenía', 'resurtir', 'necesito más',
    ],
  },
  { id: 'other', number: 4, synonyms: ['other', 'other reason', 'otro', 'otra', 'otra razón'] },
];

/**
 * Ways to say "I cannot take my blood pressure today". SKIP has no menu
 * number (NaN), so a lone number is never read as a skip.
 */
export const BP_SKIP_OPTIONS: readonly ChoiceOption<'skip'>[] = [
  {
    id: 'skip',
    number: Number.NaN,
    synonyms: [
      'skip', 'no cuff', 'no machine', 'no monitor', "don't have one", 'do not have one',
      "don't have a cuff", 'do not have a cuff', "can't check", 'cannot check',
      'saltar', 'no tengo', 'no puedo medirla', 'no puedo',
    ],
  },
];
