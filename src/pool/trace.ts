import { CallbackError } from './errors';
import type { Item } from './item';

/**
 * What happened to one chunk, on the page's clock (`performance.now()` milliseconds). Times reported by a worker are
 * mapped onto the page clock through `performance.timeOrigin`, so events from different workers share one axis.
 */
export interface TraceEvent {
  /** The chunk's index in its `map` call, or the submission's id for a lone `submit`. */
  chunk: number;
  /** The pool slot (lane) that ran it, 0 … size−1. A replaced worker keeps its slot. */
  worker: number;
  kernel: string;
  /** Submitted to the pool. */
  queuedAt: number;
  /** Handed to the worker (posted). */
  dispatchedAt: number;
  /** The kernel started and finished running, inside the worker. */
  startedAt: number;
  finishedAt: number;
  /** The result (or error) was back on the page. */
  settledAt: number;
  /** `timed-out`: it ran past its `timeout`, and its worker was terminated. */
  status: 'done' | 'failed' | 'cancelled' | 'timed-out';
}

/** Converts a worker's epoch time (timeOrigin + now) to the page's `performance.now()` time base. */
export function toPageClock(epochMs: number): number {
  return epochMs - performance.timeOrigin;
}

/**
 * Reports a settled chunk to its `onTrace`, if it has one. `startedAt` and `finishedAt` are the worker's epoch times
 * (NaN if it never ran the chunk). Returns the chunk's failure: `error`, or if there was none and `onTrace` threw, a
 * `CallbackError`.
 */
export function reportTrace(
  item: Item,
  status: TraceEvent['status'],
  error: Error | undefined,
  startedAt: number,
  finishedAt: number,
): Error | undefined {
  const { onTrace } = item.options;
  if (!onTrace) return error;
  try {
    onTrace({
      chunk: item.options.chunk ?? item.id,
      worker: item.slot?.index ?? -1,
      kernel: item.job.kernel,
      queuedAt: item.queuedAt,
      dispatchedAt: item.dispatchedAt,
      startedAt: Number.isNaN(startedAt) ? startedAt : toPageClock(startedAt),
      finishedAt: Number.isNaN(finishedAt) ? finishedAt : toPageClock(finishedAt),
      settledAt: performance.now(),
      status,
    });
  } catch (thrown) {
    return error ?? new CallbackError('onTrace', thrown);
  }
  return error;
}
