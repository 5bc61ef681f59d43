import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/transport/index.js';

describe('call pacing', () => {
  it('starts at most N calls per second, waiting only as long as needed', async () => {
    let now = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    const pace = createPacer(2, sleep, () => now);
    const starts: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      await pace();
      starts.push(now);
    }
    expect(starts).toEqual([0, 500, 1000, 1500]);
    // After a pause, the next call goes at once.
    now = 5000;
    await pace();
    expect(waits).toEqual([500, 500, 500]);
  });
});
