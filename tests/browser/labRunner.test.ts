import { expect, it } from 'vitest';
import { runCounting } from '../../src/lab/races';
import { LabRunner } from '../../src/ui/lab/labRunner.svelte';

it('a lab run that outlives its limit is stopped, its workers terminated, and the next run works', async () => {
  const runner = new LabRunner<number>(1000);
  let aborted = false;
  // A lock-heavy count of 10⁸ per worker takes many seconds: far beyond the 1 s limit, which leaves
  // room for the second run (two workers to start and 2000 increments) on a busy machine.
  const run = runner.run(async (signal) => {
    signal.addEventListener('abort', () => (aborted = true));
    const result = await runCounting({ way: 'lock', workers: 2, m: 100_000_000, signal });
    return result.actual;
  });
  await new Promise((resolve) => setTimeout(resolve, 1300));
  expect(runner.status).toBe('timed-out');
  expect(aborted).toBe(true);
  await run;
  expect(runner.status).toBe('timed-out'); // the late rejection does not overwrite it

  await runner.run(async (signal) => (await runCounting({ way: 'atomic', workers: 2, m: 1000, signal })).actual);
  expect(runner.status).toBe('done');
  expect(runner.result).toBe(2000);
});
