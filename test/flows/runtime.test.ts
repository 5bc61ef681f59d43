import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLOW_NAMES, advanceFlow, startFlow } from '../../src/flows/index.js';
import { MEDICATION, advance, finalStep, inputFor, play, stored } from './machines/drive.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('../../src/flows/text/index.js');
  vi.resetModules();
});

describe('startFlow', () => {
  it.each(FLOW_NAMES)('%s: opens with its opening prompt and a JSON-safe snapshot', (name) => {
    const step = startFlow(name, inputFor(name));
    expect(step.outputs).toHaveLength(1);
    expect(step.outputs[0]).toMatchObject({ type: 'say', prompt: `${name}.opening` });
    expect(step.done).toBe(false);
    expect(step.answers).toEqual({});
    expect(stored(step)).toEqual(step.snapshot);
  });

  it('keeps the locale and medication in the stored snapshot', () => {
    const step = startFlow('medication', { locale: 'es', medication: MEDICATION });
    expect(stored(step)).toMatchObject({ status: 'active', context: { locale: 'es', medication: MEDICATION } });
  });
});

describe('advanceFlow', () => {
  it('restoring does not repeat the question: only the reply is answered', () => {
    const [opening, reply] = play('symptoms', ['120/80']);
    expect(reply?.outputs.filter((o) => o.type === 'say')).toEqual([{ type: 'say', prompt: 'symptoms.ask_pain', expects: { kind: 'number', min: 0, max: 10 } }]);
    expect(opening?.state).toBe('askBloodPressure');
  });

  it('does not change the snapshot it was given', () => {
    const opening = startFlow('wellness', { locale: 'en' });
    const snapshot = stored(opening);
    const copy = structuredClone(snapshot);
    advanceFlow('wellness', snapshot, { type: 'REPLY', text: '2' });
    expect(snapshot).toEqual(copy);
  });

  it('the same stored snapshot and reply give the same step (a retried webhook)', () => {
    const opening = startFlow('wellness', { locale: 'en' });
    const first = advance('wellness', opening, '2');
    const second = advance('wellness', opening, '2');
    expect(second).toEqual(first);
  });

  it('an event for a finished flow changes nothing, emits nothing and logs nothing', () => {
    const warn = vi.spyOn(console, 'warn');
    const done = finalStep('wellness', ['1']);
    const again = advance('wellness', done, 'my secret health detail');
    expect(again).toMatchObject({ outputs: [], done: true, outcome: 'completed', state: 'done' });
    expect(again.snapshot).toEqual(stored(done));
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports the state as a string and the answers so far', () => {
    const step = finalStep('wellness', ['2', '1']);
    expect(step.state).toBe('askSeverity');
    expect(step.answers).toEqual({ wellness: 'concerns', concernCategory: 'pain' });
  });

  it('a failure inside a machine is thrown to the caller, not reported later', async () => {
    vi.resetModules();
    vi.doMock('../../src/flows/text/index.js', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../src/flows/text/index.js')>()),
      parseWellbeing: () => {
        throw new Error('parser bug');
      },
    }));
    const flows = await import('../../src/flows/index.js');
    const opening = flows.startFlow('wellness', { locale: 'en' });
    expect(() => flows.advanceFlow('wellness', stored(opening), { type: 'REPLY', text: '1' })).toThrow(
      /Flow "wellness" failed in state askFeeling/,
    );
  });
});
