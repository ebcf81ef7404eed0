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
