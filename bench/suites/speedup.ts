import { numberOption, timingFigures, workerCountsOption, type BenchRecord, type BenchSuite } from '../record';
import { fitAmdahl } from '../../src/measure/amdahl';
import { sweep } from '../../src/measure/sweep';
import type { Task } from '../../src/tasks/task';
import { fibTask } from '../../src/tasks/fib';
import { sumTask } from '../../src/tasks/sum';

/** Sweeps a task from 1 to the cores, through the same `sweep` the Speedup demo runs. */
async function speedupRecords<P, R>(
  task: Task<P, R>,
  raw: Record<string, string>,
  options: Record<string, string>,
): Promise<BenchRecord[]> {
  const validation = task.validate(raw as never);
  if (!validation.ok) throw new RangeError(`${task.id}: ${Object.values(validation.errors).join('; ')}`);
  const { rows, mismatches } = await sweep({
    task,
    params: validation.params,
    settings: {
      workerCounts: workerCountsOption(options),
      repetitions: numberOption(options, 'reps', 5),
    },
  });
  if (mismatches) throw new Error(`${task.id}: ${mismatches} runs differ from the 1-worker result`);
  // Amdahl's law fitted on the sweep's median speedups: the same figure for every row of the task.
  const serialFraction = fitAmdahl(rows)?.serialFraction ?? Number.NaN;
  return rows.map((row) => ({
    task: task.id,
    ...raw,
    ...timingFigures(row),
    spawnMs: row.spawnMs,
    serialFraction,
  }));
}

export const sum: BenchSuite = (options) =>
  speedupRecords(sumTask, { n: options['sum-n'] ?? '300000000', backend: options.backend ?? 'js' }, options);

export const fib: BenchSuite = (options) =>
  speedupRecords(fibTask, { n: options['fib-n'] ?? '33', k: options['fib-k'] ?? '16' }, options);
