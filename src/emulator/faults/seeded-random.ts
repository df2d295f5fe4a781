// A small seedable random source (mulberry32), so a test that turns on random faults sees the
// same faults on every run with the same seed.
import { randomInt } from 'node:crypto';

export type Random = () => number;

/** Uniform numbers in [0, 1), determined by `seed` (any 32-bit integer). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed for when none is given; it is reported back so a run can be repeated. */
export function freshSeed(): number {
  return randomInt(0, 2 ** 31);
}
