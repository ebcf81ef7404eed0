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
  const [outcome, reference] = await Promise.all([
    client.run(run, jobs, { signal, timeoutMs }),
    singleMachine(task, params, jobCount),
  ]);
  if (outcome.failed.length > 0) return { result: undefined, equal: false, run: outcome };
  const result = task.merge(params, outcome.values);
  return { result, equal: task.equal(result, reference), run: outcome };
}

/** The reference: the same jobs, one after another on a single worker. */
export async function singleMachine<P, R>(task: Task<P, R>, params: P, jobCount: number): Promise<R> {
  const pool = createPool({ size: 1 });
  try {
    return task.merge(params, await pool.map(task.split(params, jobCount)));
  } finally {
    await pool.shutdown();
  }
}
