import { describe, expect, it } from 'vitest';
import { runCounting } from '../../src/lab/races';
import { createPool } from '../../src/pool';

/** M per worker: enough increments that two workers overlap for many of them. */
const M = 200_000;

describe('the lost-update experiment, k workers × M increments of one shared counter', () => {
  it.each([1, 2, 3, 4])('Atomics.add, the lock and private counting are exact with k = %i', async (k) => {
    const pool = createPool({ size: k });
    try {
      for (const way of ['atomic', 'lock', 'private', 'adjacent', 'padded'] as const) {
        const result = await runCounting({ way, workers: k, m: M, pool });
        expect({ way, actual: result.actual, lost: result.lost }).toEqual({ way, actual: k * M, lost: 0 });
        expect(result.opsPerSecond).toBeGreaterThan(0);
      }
    } finally {
      await pool.shutdown({ cancelPending: true });
    }
  });

  it.each([1, 2, 3, 4])('the plain counter: its result plus the lost updates it reports is k·M, k = %i', async (k) => {
    const result = await runCounting({ way: 'plain', workers: k, m: M });
    expect(result.expected).toBe(k * M);
    expect(result.actual + result.lost).toBe(k * M);
    expect(result.actual).toBeGreaterThan(0); // not ≥ M: in the worst interleaving, a race can lose almost all
    expect(result.actual).toBeLessThanOrEqual(k * M);
    if (k === 1) expect(result.lost).toBe(0);
  });

  it('the lock never deadlocks with more workers than cores', async () => {
    const k = navigator.hardwareConcurrency + 3;
    const result = await runCounting({ way: 'lock', workers: k, m: 20_000 });
    expect(result.actual).toBe(k * 20_000);
  });

  it('a cancelled run stops its workers and leaves the pool healthy', async () => {
    const pool = createPool({ size: 2 });
    try {
      const controller = new AbortController();
      const run = runCounting({ way: 'lock', workers: 2, m: 10_000_000, pool, signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await expect(run).rejects.toThrow(/cancelled/);
      const next = await runCounting({ way: 'atomic', workers: 2, m: 1000, pool });
      expect(next.actual).toBe(2000);
    } finally {
      await pool.shutdown({ cancelPending: true });
    }
  });
});
