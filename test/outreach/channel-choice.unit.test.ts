import { describe, expect, it } from 'vitest';
import { chooseChannel, explainChoice, fixedChoice, type ChoiceInput, type PastContact } from '../../src/planning/channel-choice.js';

const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const texts = (hhmm: string, answered: number, missed: number): PastContact[] => [
  ...Array.from({ length: answered }, () => ({ channel: 'sms' as const, minute: at(hhmm), answered: true })),
  ...Array.from({ length: missed }, () => ({ channel: 'sms' as const, minute: at(hhmm), answered: false })),
];
const calls = (hhmm: string, answered: number, missed: number): PastContact[] =>
  texts(hhmm, answered, missed).map((c) => ({ ...c, channel: 'voice' as const }));

const input = (history: PastContact[], over: Partial<ChoiceInput> = {}): ChoiceInput => ({
  history,
  preferred: 'sms',
  usualTime: '10:00',
  window: null,
  quietHours: { start: '21:00', end: '08:00' },
  ...over,
});

describe('the learned channel and hour', () => {
  it('keeps the usual channel and time when there is nothing to learn from', () => {
    const choice = chooseChannel(input([]));
    expect(choice).toMatchObject({ channel: 'sms', time: '10:00', reason: { basis: 'usual', usual: { tried: 0 } } });
    expect(explainChoice(choice.reason)).toBe('Texts at 10:00, as usual: nothing answered or missed yet to learn from.');
  });

  it('keeps a patient who usually answers where they are, after a miss', () => {
    const choice = chooseChannel(input([...texts('10:00', 3, 1), ...texts('10:05', 0, 1)]));
    expect(choice).toMatchObject({ channel: 'sms', time: '10:00', reason: { basis: 'usual', usual: { answered: 3, tried: 5 } } });
  });

  it('moves texts to the hour the patient answers: dose reminders at 18:00 answered, check-ins at 10:00 not', () => {
    const choice = chooseChannel(input([...texts('10:00', 0, 3), ...texts('18:00', 4, 0)]));
    expect(choice).toMatchObject({ channel: 'sms', time: '18:00', reason: { basis: 'learned', chosen: { answered: 4, tried: 4 }, usual: { answered: 0, tried: 3 } } });
  });

  it('tries texts at another hour, the farthest from the missed ones, before calling', () => {
    const choice = chooseChannel(input(texts('10:00', 0, 2)));
    expect(choice).toMatchObject({ channel: 'sms', time: '18:00', reason: { basis: 'learned' } });
    expect(explainChoice(choice.reason)).toBe('Texts at 18:00 (not tried yet) rather than at 10:00 (answered 0 of 2).');
  });

  it('calls a patient who chose texts once texts have failed, at an hour away from the missed ones', () => {
    const choice = chooseChannel(input([...texts('10:00', 0, 3), ...texts('18:00', 0, 2)]));
    expect(choice).toMatchObject({ channel: 'voice', time: '15:00', reason: { basis: 'learned' } });
    expect(explainChoice(choice.reason)).toBe('Calls at 15:00 (not tried yet): texts answered 0 of 5.');
  });

  it('goes back to texts when the calls are not answered either and texts sometimes are', () => {
    const choice = chooseChannel(input([...texts('10:00', 1, 3), ...calls('10:00', 0, 3)]));
    expect(choice.channel).toBe('sms');
  });

  it('never texts a patient who takes calls; learns only their hour', () => {
    const choice = chooseChannel(input([...calls('10:00', 0, 3), ...calls('15:00', 2, 0)], { preferred: 'voice' }));
    expect(choice).toMatchObject({ channel: 'voice', time: '15:00', reason: { basis: 'learned' } });
    expect(chooseChannel(input(calls('10:00', 0, 9), { preferred: 'voice' })).channel).toBe('voice');
  });

  it('stays inside the contact window and outside quiet hours', () => {
    const window = { days: ['monday' as const], start: '09:00', end: '13:00' };
    const choice = chooseChannel(input(texts('10:00', 0, 3), { window }));
    expect(['09:00', '12:00']).toContain(choice.time);
    const evening = chooseChannel(input(texts('10:00', 0, 3), { quietHours: { start: '17:00', end: '08:00' } }));
    expect(evening.time).not.toBe('18:00');
  });

  it('a fixed sequence is the cadence as written', () => {
    const fixed = fixedChoice('voice', '10:00');
    expect(fixed).toMatchObject({ channel: 'voice', time: '10:00', reason: { basis: 'fixed' } });
    expect(explainChoice(fixed.reason)).toBe("Calls at 10:00: the practice's sequence is fixed.");
  });
});
