import { expect, it } from 'vitest';
import { asyncBatch } from '../../src/lab/asyncBatch';

// Generous bounds, and retries: other programs on a 2-core machine can steal a core for a whole run, which says
// nothing about the design. A broken design (promises running in parallel, or workers in series) fails every try.
it('promises on the main thread are no faster than a loop; workers are', { retry: 4 }, async () => {
  const cores = navigator.hardwareConcurrency;
  // fib(30) × 2 per core: ~10 ms per call, so messaging is negligible. Each way runs 7 times, the best kept: the
  // minimum of many short runs is the one least disturbed by other programs.
  const result = await asyncBatch({ n: 30, count: 2 * cores, cores, rounds: 7 });
  expect(result.matches).toBe(true);
  expect(result.workers).toBe(cores);
  const seen = JSON.stringify(result);
  expect(result.promisesMs * 1.3, seen).toBeGreaterThan(result.sequentialMs);
  if (cores >= 2) expect(result.workersMs * 1.3, seen).toBeLessThan(result.sequentialMs);
});
