import type { Job } from '../../workers/kernels';
import { simulatedCluster } from './cluster';

/**
 * The two numbers of the machines benchmark, measured on a simulated cluster in this page: how many empty jobs a
 * second go through the broker (its own overhead, as `noop` measures the pool's), and how long after a machine dies
 * its job runs again elsewhere (recovery, bounded below by the lease).
 */

export interface ThroughputFigure {
  machines: number;
  cores: number;
  jobs: number;
  ms: number;
  jobsPerSecond: number;
  duplicates: number;
}

export async function measureThroughput({
  machines,
  cores,
  jobs,
  prefetch = 4,
}: {
  machines: number;
  cores: number;
  jobs: number;
  prefetch?: number;
}): Promise<ThroughputFigure> {
  const cluster = await simulatedCluster({ machines, cores, prefetch });
  try {
    // Warm up: every pool has started its workers and the machines have joined.
    await cluster.client.run(
      'warm-up',
      Array.from({ length: machines * cores }, (): Job => ({ kernel: 'noop', args: [0] })),
    );
    const batch = Array.from({ length: jobs }, (_, i): Job => ({ kernel: 'noop', args: [i] }));
    const start = performance.now();
    const result = await cluster.client.run('empty', batch);
    const ms = performance.now() - start;
    if (result.values.some((value, i) => value !== i)) throw new Error('an empty job came back wrong');
    return {
      machines,
      cores,
      jobs,
      ms,
      jobsPerSecond: (jobs / ms) * 1000,
      duplicates: cluster.host.broker?.counters.duplicates ?? 0,
    };
  } finally {
    await cluster.close();
  }
}

export interface RecoveryFigure {
  leaseMs: number;
  /** From the machine's death to its job being handed to another machine. */
  recoveryMs: number;
}

/** Pulls the plug on a machine while it runs a job (no goodbye: only the lease can tell), and times until that job is delivered again elsewhere. */
export async function measureRecovery({ leaseMs }: { leaseMs: number }): Promise<RecoveryFigure> {
  const cluster = await simulatedCluster({ machines: 2, cores: 1, prefetch: 0, config: { leaseMs } });
  try {
    // One job: whichever machine takes it dies with it, and the other, idle, can take it the moment it is free.
    const run = cluster.client.run('recovery', [{ kernel: 'fibBatch', args: [[30]] }]);
    const victim = await waitFor(() => cluster.machines.find((machine) => machine.view().running.length > 0));
    const held = victim.view().running[0]!.job;
    const died = Date.now();
    await victim.crash();
    await waitFor(() => {
      const job = cluster.host.broker?.job(held);
      return job?.state === 'started' && job.machine !== victim.id ? true : undefined;
    });
    const recoveryMs = Date.now() - died;
    await run;
    return { leaseMs, recoveryMs };
  } finally {
    await cluster.close();
  }
}

/** Polls `check` every few ms until it gives a value. */
async function waitFor<T>(check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
