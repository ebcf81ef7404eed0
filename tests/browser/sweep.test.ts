import { describe, expect, it } from 'vitest';
import { runJob } from '../../workers/kernels';
import { sweep, type SweepProgress } from '../../src/measure/sweep';
import { fibTask } from '../../src/tasks/fib';
import { sumTask } from '../../src/tasks/sum';
import type { Task } from '../../src/tasks/task';
import { CancelledError } from '../../src/pool';

/** The sequential answer: the whole work as one chunk, run here on the page's thread. */
function sequential<P, R>(task: Task<P, R>, params: P): R {
  return task.merge(params, task.split(params, 1).map(runJob));
}

describe('sweep', () => {
  it('gives the sequential sum for every worker count, with one row each', async () => {
    const params = { n: 2_000_003 };
    const result = await sweep({ task: sumTask, params, settings: { workerCounts: [1, 2, 3, 4], repetitions: 2 } });
    expect(result.reference).toBe(sequential(sumTask, params));
    expect(result.mismatches).toBe(0);
    expect(result.rows.map((row) => row.workers)).toEqual([1, 2, 3, 4]);
    expect(result.runs).toHaveLength(4 * 3);
    for (const row of result.rows) {
      expect(row.timesMs).toHaveLength(2);
      expect(row.matches).toBe(true);
      expect(row.minMs).toBeLessThanOrEqual(row.medianMs);
      expect(row.medianMs).toBeLessThanOrEqual(row.maxMs);
      expect(row.efficiency).toBeCloseTo(row.speedup / row.workers, 10);
    }
    expect(result.rows[0]!.speedup).toBe(1);
  });

  it('gives the sequential fib batch for every worker count, and the main-thread baseline too', async () => {
    const params = { n: 18, k: 7 };
    const result = await sweep({
      task: fibTask,
      params,
      settings: { workerCounts: [3, 2], repetitions: 1, includeMainThread: true },
    });
    expect(result.reference).toEqual(sequential(fibTask, params));
    expect(result.rows.map((row) => row.workers)).toEqual([1, 2, 3, 0]);
    expect(result.mismatches).toBe(0);
  });

  it('reports a result that differs between runs instead of hiding it', async () => {
    let calls = 0;
    // A task whose merge gives a different answer on every run: what a racy parallel merge would look like.
    const flaky: Task<{ n: number }, number> = { ...sumTask, merge: () => calls++ };
    const result = await sweep({ task: flaky, params: { n: 1000 }, settings: { workerCounts: [2], repetitions: 1 } });
    expect(result.mismatches).toBe(3);
    expect(result.rows.every((row) => !row.matches)).toBe(true);
  });

  it('reports progress up to every run and chunk, and stops with CancelledError when aborted', async () => {
    const seen: SweepProgress[] = [];
    await sweep({
      task: fibTask,
      params: { n: 15, k: 8 },
      settings: { workerCounts: [2], repetitions: 1 },
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.at(-1)).toMatchObject({ runsDone: 4, runs: 4 });
    expect(seen.some((p) => p.chunks > 0 && p.chunksDone === p.chunks)).toBe(true);

    const controller = new AbortController();
    const run = sweep({
      task: fibTask,
      params: { n: 38, k: 4 },
      settings: { workerCounts: [2], repetitions: 3 },
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
