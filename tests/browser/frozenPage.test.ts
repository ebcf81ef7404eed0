import { expect, it } from 'vitest';
import { runBatch } from '../../src/lab/frozenPage';
import { CancelledError } from '../../src/pool';
import { fibTask } from '../../src/tasks/fib';

const jobs = fibTask.split({ n: 25, k: 4 }, 4);

it('runs the batch on the main thread and in workers, starting the timing once workers are up', async () => {
  for (const where of ['main', 'workers'] as const) {
    let started = 0;
    const ms = await runBatch(where, jobs, { workers: 2, onTimingStarts: () => started++ });
    expect(started).toBe(1);
    expect(ms).toBeGreaterThan(0);
  }
});

it('stops the worker run when cancelled', async () => {
  const controller = new AbortController();
  const run = runBatch('workers', fibTask.split({ n: 40, k: 2 }, 2), {
    workers: 2,
    signal: controller.signal,
    onTimingStarts: () => setTimeout(() => controller.abort(), 20),
  });
  await expect(run).rejects.toBeInstanceOf(CancelledError);
});
