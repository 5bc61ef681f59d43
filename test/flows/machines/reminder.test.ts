/**
 * A dose reminder for two medicines due at once, as a table of replies: what
 * each records of each medicine and what the reminder says next. A reply
 * that does not say which medicines it is about records none of them.
 */
import { describe, expect, it } from 'vitest';
import { advanceFlow, startFlow } from '../../../src/flows/index.js';
import type { FlowStep } from '../../../src/flows/index.js';
import { MEDICATION, TIMEOUT, advance, observations, says, type Move } from './drive.js';

const LISINOPRIL = { id: 'med-2', name: 'lisinopril', dose: '10 mg' };

function reminder(moves: readonly Move[]): FlowStep[] {
  const steps = [startFlow('reminder', { locale: 'en', medications: [MEDICATION, LISINOPRIL], namesInTexts: false })];
  for (const move of moves) steps.push(advance('reminder', steps.at(-1)!, move));
  return steps;
}

/** What the steps recorded, per medicine: "med-1 taken", "med-2 not taken (forgot)", "med-1 unanswered". */
const recorded = (steps: readonly FlowStep[]) =>
  steps.flatMap(observations).flatMap((o) => {
    if (o.kind === 'reminder_unanswered') return [`${o.value.medicationId} unanswered`];
    return o.kind === 'medication_adherence' ? [`${o.value.medicationId} ${o.value.taken ? 'taken' : 'not taken'}${o.value.reason ? ` (${o.value.reason})` : ''}`] : [];
  });

describe('a reminder for two medicines', () => {
  it('opens with how many, names neither, and asks for one answer for both', () => {
    const [opening] = reminder([]);
    expect(opening!.state).toBe('askAll');
    expect(says(opening!)).toEqual(['reminder.opening_several']);
    expect(opening!.outputs[0]).toMatchObject({ params: { medicationCount: 2 } });
  });

  it.each([
    [['took both of em'], ['med-1 taken', 'med-2 taken'], 'reminder.close_taken'],
    [['both'], ['med-1 taken', 'med-2 taken'], 'reminder.close_taken'],
    [['neither', '1'], ['med-1 not taken (forgot)', 'med-2 not taken (forgot)'], 'medication.close_forgot'],
    [['no, I ran out'], ['med-1 not taken (ran_out)', 'med-2 not taken (ran_out)'], 'medication.close_ran_out'],
    [['took the lisinopril but not the hydrochlorothiazide', '1'], ['med-1 not taken (forgot)', 'med-2 taken'], 'medication.close_forgot'],
    [['yes but not the lisinopril', 'yes', '1'], ['med-1 taken', 'med-2 not taken (forgot)'], 'medication.close_forgot'],
    [['took the lisinopril', '1'], ['med-1 taken', 'med-2 taken'], 'reminder.close_taken'],
    // Silence is not a missed dose: the patient may well have taken it.
    [['took the lisinopril', TIMEOUT], ['med-2 taken', 'med-1 unanswered'], null],
    [[TIMEOUT], ['med-1 unanswered', 'med-2 unanswered'], null],
  ] as const)('%j records %j', (moves, expected, closing) => {
    const steps = reminder(moves);
    expect(recorded(steps)).toEqual(expected);
    expect(steps.at(-1)!.done).toBe(true);
    if (closing) expect(says(steps.at(-1)!)).toEqual([closing]);
  });

  it('asks again about the one a reply did not name, and takes nothing from "I took one of them"', () => {
    const named = reminder(['took the lisinopril']);
    expect(named.at(-1)!.state).toBe('askRest');
    expect(says(named.at(-1)!)).toEqual(['reminder.ask_rest']);
    const some = reminder(['I took one of them']);
    expect(says(some.at(-1)!)).toEqual(['reminder.reprompt_several']);
    expect(recorded(some)).toEqual([]);
  });

  it('names them where the practice shows names, and names only the one not answered after', () => {
    const start = startFlow('reminder', { locale: 'es', medications: [MEDICATION, LISINOPRIL], namesInTexts: true });
    expect(start.outputs[0]).toMatchObject({ prompt: 'reminder.opening_named', params: { medicationList: 'hydrochlorothiazide 12.5 mg twice daily y lisinopril 10 mg' } });
    const next = advanceFlow('reminder', JSON.parse(JSON.stringify(start.snapshot)), { type: 'REPLY', text: 'ya me tomé el lisinopril' });
    expect(next.outputs[0]).toMatchObject({ prompt: 'reminder.ask_rest_named', params: { otherMedications: 'hydrochlorothiazide 12.5 mg twice daily' } });
  });
});
