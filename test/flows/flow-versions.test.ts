import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW_NAMES, advanceFlow, currentFlowVersion, type FlowName, type PersistedFlowSnapshot } from '../../src/flows/index.js';

/**
 * Snapshots written by every version of every flow, kept as deployed
 * conversations would have stored them. A deploy that changes a flow bumps
 * its version, adds a migration and a fixture of the new version, and keeps
 * the old fixtures: each must still restore and carry on.
 */
interface Fixture {
  flow: FlowName;
  version: number;
  state: string;
  /** What the patient answers next (default '1'). */
  reply?: string;
  snapshot: PersistedFlowSnapshot & { context: { answers: Record<string, unknown> } };
}

const DIR = new URL('../fixtures/flows/', import.meta.url);
const fixtures: Fixture[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Fixture);

describe('snapshots written by earlier versions of a flow', () => {
  it.each(FLOW_NAMES)('%s: a stored snapshot exists for every version up to the current one', (flow) => {
    const versions = new Set(fixtures.filter((f) => f.flow === flow).map((f) => f.version));
    const expected = Array.from({ length: currentFlowVersion(flow) }, (_, i) => i + 1);
    expect([...versions].sort()).toEqual(expected);
  });

  it.each(fixtures.map((f) => [`${f.flow} v${f.version} in ${f.state}`, f] as const))('%s restores and carries on', (_name, fixture) => {
    const step = advanceFlow(fixture.flow, fixture.snapshot, { type: 'REPLY', text: fixture.reply ?? '1' }, fixture.version);
    expect(step.version).toBe(currentFlowVersion(fixture.flow));
    // What the patient had already answered is kept, and the flow moved on from where it was.
    expect(step.answers).toMatchObject(fixture.snapshot.context.answers);
    expect(step.state).not.toBe(fixture.state);
    expect(step.outputs.some((o) => o.type === 'say')).toBe(true);
  });

  it('symptoms v1 (crisis limit built in) still answers a crisis reading at once after the upgrade', () => {
    const v1 = fixtures.find((f) => f.flow === 'symptoms' && f.version === 1 && f.state === 'askBloodPressure')!;
    const step = advanceFlow('symptoms', v1.snapshot, { type: 'REPLY', text: '185/110' }, 1);
    expect(step.done).toBe(true);
    expect(step.outputs).toContainEqual({ type: 'say', prompt: 'symptoms.close_bp_crisis' });
  });

  it('refuses a snapshot from a version this code does not know, rather than guess', () => {
    const fixture = fixtures[0]!;
    expect(() => advanceFlow(fixture.flow, fixture.snapshot, { type: 'REPLY', text: '1' }, currentFlowVersion(fixture.flow) + 1)).toThrow(
      /version/,
    );
  });
});
