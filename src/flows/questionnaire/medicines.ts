/**
 * The patient's own medicines, one by one: taken as prescribed in the last
 * week, and if not, why. The "why" is a screen of its own, asked only when
 * the answer was not "yes". No public code covers a single adherence
 * question (MMAS-8 and its kin are licensed): the codes are ours.
 */
import { localItem } from './codes.js';
import type { AnswerOption, Localized, Screen } from './types.js';

export interface QuestionnaireMedicine {
  id: string;
  /** As the practice has it on file: the form is a web page behind a link, not a text. */
  name: string;
}

export const TAKEN = { yes: 'yes', missed: 'missed', stopped: 'stopped' } as const;
export const NOT_TAKEN_REASONS = ['forgot', 'side_effects', 'ran_out', 'cost', 'other'] as const;
export type NotTakenReason = (typeof NOT_TAKEN_REASONS)[number];

export const medicineLinkIds = (id: string) => ({ taken: `medicine.${id}.taken`, why: `medicine.${id}.why`, note: `medicine.${id}.note` });

/** The medicine a 'medicine.<id>.taken' linkId is about; null for any other linkId. */
export function medicineOfTakenLinkId(linkId: string): string | null {
  return /^medicine\.(.+)\.taken$/.exec(linkId)?.[1] ?? null;
}

const TAKEN_OPTIONS: readonly AnswerOption[] = [
  { value: TAKEN.yes, text: { en: 'Yes', es: 'Sí' } },
  { value: TAKEN.missed, text: { en: 'I missed some doses', es: 'No tomé algunas dosis' } },
  { value: TAKEN.stopped, text: { en: 'I stopped taking it', es: 'Dejé de tomar esta medicina' } },
];

const REASON_TEXT: Record<NotTakenReason, Localized> = {
  forgot: { en: 'I forgot', es: 'Se me olvidó' },
  side_effects: { en: 'It made me feel bad (side effects)', es: 'Me hizo sentir mal (efectos secundarios)' },
  ran_out: { en: 'I ran out', es: 'Se me acabó' },
  cost: { en: 'It costs too much', es: 'Cuesta demasiado' },
  other: { en: 'Another reason', es: 'Otra razón' },
};

export function medicineScreens(medicines: ReadonlyArray<QuestionnaireMedicine>): Screen[] {
  const title: Localized = { en: 'Your medicines', es: 'Sus medicinas' };
  return medicines.flatMap(({ id, name }): Screen[] => {
    const linkIds = medicineLinkIds(id);
    const notTaken = [{ linkId: linkIds.taken, anyOf: [TAKEN.missed, TAKEN.stopped] }];
    return [
      {
        id: `medicine.${id}`,
        part: 'medicines',
        title,
        items: [
          {
            linkId: linkIds.taken,
            type: 'choice',
            text: { en: `In the last week, did you take ${name} as prescribed?`, es: `En la última semana, ¿tomó ${name} como se lo recetaron?` },
            code: localItem('medication-taken-as-prescribed', 'Took the medication as prescribed in the last week'),
            options: [...TAKEN_OPTIONS],
            required: false,
          },
        ],
      },
      {
        id: `medicine.${id}.reason`,
        part: 'medicines',
        title,
        items: [
          {
            linkId: linkIds.why,
            type: 'choice',
            text: { en: `Why did you not take ${name} as prescribed?`, es: `¿Por qué no tomó ${name} como se lo recetaron?` },
            code: localItem('medication-not-taken-reason', 'Why the medication was not taken as prescribed'),
            options: NOT_TAKEN_REASONS.map((value) => ({ value, text: REASON_TEXT[value] })),
            required: false,
            enableWhen: notTaken,
          },
          {
            linkId: linkIds.note,
            type: 'text',
            text: { en: 'Anything to add?', es: '¿Algo más que quiera contarnos?' },
            hint: { en: 'You can leave this blank.', es: 'Puede dejarlo en blanco.' },
            code: localItem('medication-note', 'About the medication, in their own words'),
            required: false,
            enableWhen: notTaken,
          },
        ],
      },
    ];
  });
}
