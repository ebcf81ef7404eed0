import { expect, it } from 'vitest';
import { runCounting } from '../../src/lab/races';
import { JobRunner } from '../../src/run/jobRunner.svelte';
import { runLock } from '../../src/run/runLock.svelte';

it('a lab run that outlives its limit is stopped, its workers terminated, and the next run works', async () => {
  const runner = new JobRunner<number>({ limitMs: 3000 });
  let aborted = false;
  // A lock-heavy count of 10⁸ per worker takes many seconds: far beyond the 3 s limit, which leaves
  // room for the second run (two workers to start and 2000 increments) on a busy machine.
  const run = runner.run(async (signal) => {
    signal.addEventListener('abort', () => (aborted = true));
    const result = await runCounting({ way: 'lock', workers: 2, m: 100_000_000, signal });
    return result.actual;
  });
  await new Promise((resolve) => setTimeout(resolve, 3300));
  expect(runner.status).toBe('timed-out');
  expect(aborted).toBe(true);
  await run;
  expect(runner.status).toBe('timed-out'); // the late rejection does not overwrite it

  await runner.run(async (signal) => (await runCounting({ way: 'atomic', workers: 2, m: 1000, signal })).actual);
  expect(runner.status).toBe('done');
  expect(runner.result).toBe(2000);
});

it('only the newest run counts: a cancelled run that settles late changes nothing', async () => {
  const runner = new JobRunner<string, number>();
  let finishFirst!: (value: string) => void;
  const first = runner.run(() => new Promise((resolve) => (finishFirst = resolve)));
  runner.cancel();
  expect(runner.status).toBe('cancelled');
  const second = runner.run(async (_signal, onProgress) => {
    onProgress(1);
    return 'second';
  });
  finishFirst('first');
  expect(await first).toBeNull();
  expect(await second).toBe('second');
  expect(runner).toMatchObject({ status: 'done', result: 'second', progress: 1 });
});

it('a failing run reports its message', async () => {
  const runner = new JobRunner<string>();
  expect(await runner.run(() => Promise.reject(new RangeError('bad size')))).toBeNull();
  expect(runner).toMatchObject({ status: 'failed', error: 'bad size' });
});

it('one experiment at a time: while one runs, another cannot start and says why', async () => {
  const speedup = new JobRunner<string>({ label: 'the Speedup demo' });
  const image = new JobRunner<string>({ label: 'the Image demo' });
  let finish!: (value: string) => void;
  const running = speedup.run(() => new Promise((resolve) => (finish = resolve)));
  expect(runLock.holder).toBe(speedup);
  expect(speedup.blockedBy).toBeNull();
  expect(image.blockedBy).toMatch(/the Speedup demo is running.*spoil its measurements/);
  let started = false;
  expect(await image.run(async () => ((started = true), 'image'))).toBeNull();
  expect(started).toBe(false);
  expect(image.status).toBe('idle');

  finish('speedup');
  expect(await running).toBe('speedup');
  expect(image.blockedBy).toBeNull();
  expect(await image.run(async () => 'image')).toBe('image');

  // A cancelled run frees the lock at once, before its work settles.
  const cancelled = speedup.run(() => new Promise(() => {}));
  speedup.cancel();
  expect(image.blockedBy).toBeNull();
  void cancelled;
});
