import type { TraceEvent } from '../pool';
import type { MachineRecord, TimelineEntry } from './broker';

/**
 * A run's attempts as the project's timeline draws a pool's chunks: one lane per machine instead of per worker, one
 * bar per attempt, on the broker's clock. Attempts that ended without a result (an error, an expired lease, a time
 * limit) are `failed`; a duplicate execution is drawn as done, since it did run to the end.
 */
export function machineTrace(
  entries: readonly TimelineEntry[],
  machines: readonly Pick<MachineRecord, 'id'>[],
  run: string,
): TraceEvent[] {
  const lane = new Map(machines.map((machine, index) => [machine.id, index]));
  const prefix = `${run}/`;
  return entries
    .filter((entry) => entry.job.startsWith(prefix) && lane.has(entry.machine) && Number.isFinite(entry.start))
    .map((entry) => ({
      chunk: Number(entry.job.slice(prefix.length)),
      worker: lane.get(entry.machine) ?? 0,
      kernel: entry.outcome,
      queuedAt: entry.start,
      dispatchedAt: entry.start,
      startedAt: entry.start,
      finishedAt: entry.end,
      settledAt: entry.end,
      status: entry.outcome === 'done' || entry.outcome === 'duplicate' ? 'done' : 'failed',
    }));
}
