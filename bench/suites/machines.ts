import { measureRecovery, measureThroughput, simulatedCluster, singleMachine } from '../../src/machines';
import { median } from '../../src/measure/stats';
import { fibTask } from '../../src/tasks/fib';
import { numberOption, type BenchRecord, type BenchSuite } from '../record';

/**
 * Issue 12's rows, on clusters simulated inside the benchmark page (one worker per machine, the broker and the client
 * in the page too, no simulated network):
 * - `machines`, for 1 to `--max-machines` (3) machines: empty jobs per second through the broker (its own cost per
 *   job, as `noop` measures the pool's), and the median time of a CPU batch of fib jobs, with its speedup over one
 *   machine;
 * - `machines-recovery`, per lease: from a machine's death (no goodbye) to its job being handed to another machine.
 *   The target is within 1.5 × the lease.
 */
export const machines: BenchSuite = async (options) => {
  const maxMachines = numberOption(options, 'max-machines', 3);
  const emptyJobs = numberOption(options, 'empty-jobs', 4000);
  const reps = numberOption(options, 'reps', 3);
  const params = { n: numberOption(options, 'machines-fib-n', 32), k: numberOption(options, 'machines-fib-k', 24) };
  const jobs = numberOption(options, 'machines-jobs', 12);
  const leases = (options['leases'] ?? '500,1000,2000').split(',').map(Number);

  // The single-machine result, computed once apart (runBatch would compute it beside every timed batch).
  const reference = await singleMachine(fibTask, params, jobs);
  const records: BenchRecord[] = [];
  let oneMachineMs = Number.NaN;
  for (let count = 1; count <= maxMachines; count++) {
    const rates: number[] = [];
    let duplicates = 0;
    for (let rep = 0; rep < reps; rep++) {
      const figure = await measureThroughput({ machines: count, cores: 1, jobs: emptyJobs });
      rates.push(figure.jobsPerSecond);
      duplicates += figure.duplicates;
    }
    const times = await batchTimes(count, params, jobs, reps, reference);
    const medianMs = median(times);
    if (count === 1) oneMachineMs = medianMs;
    const speedup = oneMachineMs / medianMs;
    records.push({
      task: 'machines',
      workers: count,
      machines: count,
      medianMs,
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      speedup,
      efficiency: speedup / count,
      jobsPerSecond: median(rates),
      emptyJobs,
      duplicates,
      cpuJobs: jobs,
    });
  }

  for (const leaseMs of leases) {
    const times: number[] = [];
    for (let rep = 0; rep < reps; rep++) times.push((await measureRecovery({ leaseMs })).recoveryMs);
    const recoveryMs = median(times);
    records.push({
      task: 'machines-recovery',
      workers: 2,
      machines: 2,
      // A string detail, so that the bench script tells the rows of each lease apart from run to run.
      lease: `${leaseMs} ms`,
      leaseMs,
      recoveryMs,
      maxRecoveryMs: Math.max(...times),
      ratioToLease: recoveryMs / leaseMs,
      medianMs: recoveryMs,
      speedup: Number.NaN,
      efficiency: Number.NaN,
    });
  }
  return records;
};

/** The time of one fib batch through a cluster of `count` one-core machines, `reps` times (after a warm-up run). */
async function batchTimes(
  count: number,
  params: { n: number; k: number },
  jobs: number,
  reps: number,
  reference: number[],
): Promise<number[]> {
  const cluster = await simulatedCluster({ machines: count, cores: 1 });
  try {
    const times: number[] = [];
    for (let rep = -1; rep < reps; rep++) {
      const start = performance.now();
      const outcome = await cluster.client.run(`cpu-${rep + 1}`, fibTask.split(params, jobs));
      const result = fibTask.merge(params, outcome.values);
      const ms = performance.now() - start;
      if (outcome.failed.length > 0 || !fibTask.equal(result, reference))
        throw new Error(`machines: the ${count}-machine batch differs from the single-machine one`);
      if (rep >= 0) times.push(ms);
    }
    return times;
  } finally {
    await cluster.close();
  }
}
