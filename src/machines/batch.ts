import { createPool } from '../pool';
import type { Task } from '../tasks/task';
import type { Client, RunResult } from './client';

/**
 * A playground task as a batch of queue jobs — `q.enqueue(count_words, year)` once per chunk — and its merged
 * result checked against the single-machine result (the same jobs on one worker), as the other demos check theirs.
 */
export interface BatchOutcome<R> {
  /** The merged result, when every job finished. */
  result: R | undefined;
  /** Equal to the single-machine result (false while jobs failed). */
  equal: boolean;
  run: RunResult;
  /** How long the run took through the queue, from enqueue to the last result (ms). */
  ms: number;
  /** How long the same jobs took on one worker of this page, one after another (NaN while jobs failed). */
  singleMs: number;
}

export async function runBatch<P, R>(
  client: Client,
  run: string,
  task: Task<P, R>,
  params: P,
  jobCount: number,
  { signal, timeoutMs }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<BatchOutcome<R>> {
  const jobs = task.split(params, jobCount);
  const start = performance.now();
  const outcome = await client.run(run, jobs, { signal, timeoutMs });
  const ms = performance.now() - start;
  if (outcome.failed.length > 0) return { result: undefined, equal: false, run: outcome, ms, singleMs: Number.NaN };
  // The reference runs after the run, not beside it, so that neither's time includes the other's work.
  const { result: reference, ms: singleMs } = await singleMachineTimed(task, params, jobCount);
  const result = task.merge(params, outcome.values);
  return { result, equal: task.equal(result, reference), run: outcome, ms, singleMs };
}

/** The reference: the same jobs, one after another on a single worker. */
export async function singleMachine<P, R>(task: Task<P, R>, params: P, jobCount: number): Promise<R> {
  return (await singleMachineTimed(task, params, jobCount)).result;
}

/** The reference and its time, the worker started beforehand (the cluster's machines are running already too). */
async function singleMachineTimed<P, R>(
  task: Task<P, R>,
  params: P,
  jobCount: number,
): Promise<{ result: R; ms: number }> {
  const pool = createPool({ size: 1 });
  try {
    await pool.submit({ kernel: 'noop', args: [0] });
    const start = performance.now();
    const result = task.merge(params, await pool.map(task.split(params, jobCount)));
    return { result, ms: performance.now() - start };
  } finally {
    await pool.shutdown();
  }
}
