import { describe, expect, it } from 'vitest';
import {
  amdahlSpeedup,
  countsToPredict,
  fitAmdahl,
  gustafsonSpeedup,
  MIN_POINTS_TO_PREDICT,
} from '../../src/measure/amdahl';
import { seededRandom } from '../../src/random';

/** Speedups Amdahl's law predicts for f at p = 1…16, each multiplied by seeded noise of up to ±3 %. */
function noisySpeedups(f: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: 16 }, (_, i) => ({
    workers: i + 1,
    speedup: amdahlSpeedup(f, i + 1) * (1 + 0.06 * (random() - 0.5)),
  }));
}

describe('fitAmdahl', () => {
  it.each([0, 0.05, 0.3])('recovers f = %f within 0.01 from noisy speedups', (f) => {
    for (const seed of [1, 2, 3, 42]) {
      const fit = fitAmdahl(noisySpeedups(f, seed))!;
      expect(fit.serialFraction).toBeGreaterThanOrEqual(0);
      expect(Math.abs(fit.serialFraction - f)).toBeLessThan(0.01);
      expect(fit.points).toBe(15);
    }
  });

  it('is exact on exact points, and uses only counts above one', () => {
    const fit = fitAmdahl([1, 2, 4].map((p) => ({ workers: p, speedup: amdahlSpeedup(0.2, p) })))!;
    expect(fit.serialFraction).toBeCloseTo(0.2, 12);
    expect(fit.rmsError).toBeCloseTo(0, 12);
    expect(fit.points).toBe(2);
  });

  it('clamps to [0, 1]: superlinear speedups give 0, slowdowns give 1', () => {
    expect(fitAmdahl([{ workers: 2, speedup: 2.4 }])!.serialFraction).toBe(0);
    expect(fitAmdahl([{ workers: 2, speedup: 0.5 }])!.serialFraction).toBe(1);
  });

  it('has nothing to fit without a point above one worker', () => {
    expect(fitAmdahl([{ workers: 1, speedup: 1 }])).toBeUndefined();
    expect(fitAmdahl([{ workers: 2, speedup: Number.NaN }])).toBeUndefined();
  });
});

describe('the laws', () => {
  it('Amdahl caps the speedup at 1/f; Gustafson grows with p', () => {
    expect(amdahlSpeedup(0.05, Infinity)).toBeCloseTo(20);
    expect(amdahlSpeedup(0.05, 8)).toBeCloseTo(1 / (0.05 + 0.95 / 8));
    expect(gustafsonSpeedup(0.05, 64)).toBeCloseTo(0.05 + 0.95 * 64);
  });
});

describe('countsToPredict', () => {
  it('asks for oversubscribed counts up to twice the cores, enough for three points above one', () => {
    expect(countsToPredict(2)).toBe('1-4');
    expect(countsToPredict(3)).toBe('1-6');
    expect(countsToPredict(1)).toBeNull();
    expect(MIN_POINTS_TO_PREDICT).toBe(3);
  });
});
