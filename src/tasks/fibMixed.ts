import { splitList } from './split';
import { drawInteger, seededRandom } from '../random';
import type { UnevenTask } from './uneven';
import { parseInteger } from './validate';

export interface FibMixedParams {
  nMin: number;
  nMax: number;
  count: number;
  seed: number;
}

/** The largest n of a mixed batch: a batch of hundreds of fib(38) still finishes in seconds on two cores. */
export const MAX_MIXED_FIB_N = 38;
export const MAX_MIXED_FIB_COUNT = 1000;

/** The batch's n values: drawn from [nMin, nMax] by a seeded generator, so a seed always gives the same batch. */
export function mixedNs({ nMin, nMax, count, seed }: FibMixedParams): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => drawInteger(random, nMin, nMax));
}

/** A batch of naive fib(n) calls with n drawn at random: each step up in n costs about 1.6× more. */
export const fibMixedTask: UnevenTask<FibMixedParams, number[]> = {
  id: 'fib-mixed',
  label: 'Fibonacci, mixed sizes',
  summary:
    'count calls of naive fib(n), each n drawn from a range by a seeded generator: the calls cost very unevenly.',
  unit: 'calls',
  units: ({ count }) => count,
  parameters: [
    { key: 'nMin', label: 'Smallest n', help: `0 to ${MAX_MIXED_FIB_N}` },
    { key: 'nMax', label: 'Largest n', help: `smallest n to ${MAX_MIXED_FIB_N}` },
    { key: 'count', label: 'Calls', help: `1 to ${MAX_MIXED_FIB_COUNT}` },
    { key: 'seed', label: 'Seed', help: 'any whole number: the same seed draws the same batch' },
  ],
  defaults: { nMin: '18', nMax: '31', count: '64', seed: '1' },
  validate(raw) {
    const nMin = parseInteger(raw.nMin, { label: 'Smallest n', min: 0, max: MAX_MIXED_FIB_N });
    const nMax = parseInteger(raw.nMax, { label: 'Largest n', min: 0, max: MAX_MIXED_FIB_N });
    const count = parseInteger(raw.count, { label: 'Calls', min: 1, max: MAX_MIXED_FIB_COUNT });
    const seed = parseInteger(raw.seed, { label: 'Seed', min: 0, max: 2 ** 32 - 1 });
    const errors: Partial<Record<keyof FibMixedParams, string>> = {};
    if (!nMin.ok) errors.nMin = nMin.error;
    if (!nMax.ok) errors.nMax = nMax.error;
    else if (nMin.ok && nMax.value < nMin.value) errors.nMax = 'Largest n must be at least the smallest n';
    if (!count.ok) errors.count = count.error;
    if (!seed.ok) errors.seed = seed.error;
    if (!nMin.ok || !nMax.ok || !count.ok || !seed.ok || errors.nMax) return { ok: false, errors };
    return { ok: true, params: { nMin: nMin.value, nMax: nMax.value, count: count.value, seed: seed.value } };
  },
  split(params, chunks) {
    return splitList(mixedNs(params), chunks).map((ns) => ({ kernel: 'fibBatch', args: [ns] }));
  },
  merge(_params, results) {
    return (results as number[][]).flat();
  },
  equal: (a, b) => a.length === b.length && a.every((value, i) => value === b[i]),
  format({ count, nMin, nMax }, result) {
    const total = result.reduce((sum, value) => sum + value, 0);
    return `${count} calls with n from ${nMin} to ${nMax}, Σ fib(n) = ${total.toLocaleString('en')}`;
  },
};
