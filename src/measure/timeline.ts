import type { TraceEvent } from '../pool';

/**
 * Facts read from one run's trace, for the timeline and the benchmark: what each worker did and when. The chunks
 * that count are those a worker held (see `heldEvents`); a chunk cancelled before it reached a worker is not drawn.
 */
export interface WorkerSummary {
  worker: number;
  chunks: number;
  /** Time spent computing (kernel start to finish), summed over the worker's chunks. */
  busyMs: number;
  /** From the run's start to its end, the share of time the worker was not computing. */
  idleMs: number;
}

export interface TimelineSummary {
  /** The run's first queue time and last settle time: the axis of the timeline. */
  startAt: number;
  endAt: number;
  workers: WorkerSummary[];
}

export function doneEvents(trace: readonly TraceEvent[]): TraceEvent[] {
  return trace.filter((event) => event.status === 'done');
}

/**
 * The chunks that held a worker: those done, and those that timed out or failed in a worker. A chunk past its time
 * limit never reports when it started or finished (its worker was terminated), so it is given the whole span from
 * hand-over to the moment it was given up: that is how long it kept its worker from other work.
 */
export function heldEvents(trace: readonly TraceEvent[]): TraceEvent[] {
  return trace.flatMap((event) => {
    if (event.status === 'done') return [event];
    if (event.status === 'cancelled' || event.worker < 0) return [];
    return Number.isNaN(event.startedAt) || Number.isNaN(event.finishedAt)
      ? [{ ...event, startedAt: event.dispatchedAt, finishedAt: event.settledAt }]
      : [event];
  });
}

export function summarizeTimeline(trace: readonly TraceEvent[], workers: number): TimelineSummary {
  const events = heldEvents(trace);
  const startAt = Math.min(...events.map((event) => event.queuedAt));
  const endAt = Math.max(...events.map((event) => event.settledAt));
  return {
    startAt,
    endAt,
    workers: Array.from({ length: workers }, (_, worker) => {
      const mine = events.filter((event) => event.worker === worker);
      const busyMs = mine.reduce((sum, event) => sum + (event.finishedAt - event.startedAt), 0);
      return { worker, chunks: mine.length, busyMs, idleMs: endAt - startAt - busyMs };
    }),
  };
}

/**
 * How long some worker stood idle while a chunk it could have taken was still waiting in the queue, in ms, summed.
 * A worker is idle from settling one chunk to being handed the next (or to the end); a chunk waits from being
 * queued to being handed over. Dynamic scheduling should make this nearly zero; static blocks need not.
 * `canTake(event, worker)` says whether that worker could have run the chunk (any worker for the shared queue).
 */
export function idleWhileWaitingMs(
  trace: readonly TraceEvent[],
  workers: number,
  canTake: (event: TraceEvent, worker: number) => boolean = () => true,
): number {
  const events = doneEvents(trace);
  let total = 0;
  for (let worker = 0; worker < workers; worker++) {
    const mine = events.filter((event) => event.worker === worker).sort((a, b) => a.dispatchedAt - b.dispatchedAt);
    const idle: [number, number][] = [];
    let freeFrom = -Infinity;
    for (const event of mine) {
      idle.push([freeFrom, event.dispatchedAt]);
      freeFrom = event.settledAt;
    }
    idle.push([freeFrom, Infinity]);
    for (const event of events) {
      if (event.worker === worker || !canTake(event, worker)) continue;
      for (const [from, to] of idle) {
        total += Math.max(0, Math.min(to, event.dispatchedAt) - Math.max(from, event.queuedAt));
      }
    }
  }
  return total;
}
