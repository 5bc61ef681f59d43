/**
 * Seeded randomness for the simulator (mulberry32): the same seed gives the
 * same month. Each simulated patient draws from a stream of its own, so the
 * order in which the service's job workers happen to run cannot change what
 * any one patient does.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream for one patient: seeds mixed so neighbouring indices do not give correlated streams. */
export const streamFor = (seed: number, index: number): Random => seededRandom(Math.imul(seed ^ 0x9e3779b9, 2654435761) ^ Math.imul(index + 1, 40503));

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Exponentially distributed, with the given mean. */
export const exponential = (random: Random, mean: number): number => -Math.log(1 - random()) * mean;
