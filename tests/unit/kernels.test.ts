import { describe, expect, it } from 'vitest';
import { fib, fibBatch, MAX_FIB_N } from '../../workers/kernels/fib';
import { runJob } from '../../workers/kernels';
import { addMod32, MAX_SUM_N, sumSquaresMod32 } from '../../workers/kernels/sum';

/** Σ i² for i < n is (n−1)n(2n−1)/6: computed exactly with BigInt, then reduced modulo 2³². */
const closedFormMod32 = (n: number) => {
  const big = BigInt(n);
  return Number((((big - 1n) * big * (2n * big - 1n)) / 6n) % 2n ** 32n);
};

describe('sumSquaresMod32', () => {
  it.each([0, 1, 2, 3, 10, 1000, 65_537, 1_000_003])('matches the closed form for N = %i', (n) => {
    expect(sumSquaresMod32(0, n)).toBe(closedFormMod32(n));
  });

  it('is exact where i² overflows 32 bits (indices near 2³²)', () => {
    const start = MAX_SUM_N - 1000;
    const reference = Number(
      Array.from({ length: 1000 }, (_, j) => BigInt(start + j) ** 2n).reduce((a, b) => a + b) % 2n ** 32n,
    );
    expect(sumSquaresMod32(start, MAX_SUM_N)).toBe(reference);
  });

  it('gives the same bits however the range is cut', () => {
    const whole = sumSquaresMod32(0, 100_000);
    const pieces = [0, 7, 33_333, 33_334, 99_999, 100_000];
    const parts = pieces.slice(1).map((end, i) => sumSquaresMod32(pieces[i]!, end));
    expect(parts.reduce(addMod32, 0)).toBe(whole);
  });

  it.each([
    [-1, 5],
    [5, 4],
    [0.5, 3],
    [0, MAX_SUM_N + 1],
  ])('refuses the range [%d, %d)', (start, end) => {
    expect(() => sumSquaresMod32(start, end)).toThrow(RangeError);
  });
});

describe('fib', () => {
  it('matches an iterative reference', () => {
    let [a, b] = [0, 1];
    for (let n = 0; n <= 25; n++) {
      expect(fib(n)).toBe(a);
      [a, b] = [b, a + b];
    }
  });

  it('maps over a batch in order', () => {
    expect(fibBatch([10, 0, 1, 20])).toEqual([55, 0, 1, 6765]);
  });

  it.each([-1, 2.5, MAX_FIB_N + 1, Number.NaN])('refuses n = %d', (n) => {
    expect(() => fibBatch([3, n])).toThrow(RangeError);
  });
});

describe('runJob', () => {
  it('dispatches by kernel name', () => {
    expect(runJob({ kernel: 'fibBatch', args: [[12]] })).toEqual([144]);
  });

  it('refuses an unknown kernel', () => {
    expect(() => runJob({ kernel: 'nope' as never, args: [] as never })).toThrow(/unknown kernel "nope"/);
  });
});
