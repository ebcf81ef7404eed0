import type { PoolStats } from './options';
import type { TraceEvent } from './trace';

/** The counter each outcome adds to. */
const COUNTER = { done: 'completed', failed: 'failed', cancelled: 'cancelled', 'timed-out': 'timedOut' } as const;

/** The pool's counts, read by `stats()`. */
export class PoolCounters {
  /** Items queued (not yet running) and running: kept as counts so that the hot path allocates nothing for them. */
  pending = 0;
  busy = 0;
  /** Workers terminated and started afresh, and workers that failed before answering. */
  replaced = 0;
  startFailures = 0;
  readonly #settled = { completed: 0, failed: 0, cancelled: 0, timedOut: 0 };

  /** Counts a settled future once, by its outcome: a `done` chunk that still failed (its `onTrace` threw) failed. */
  settled(status: TraceEvent['status'], failed: boolean): void {
    this.#settled[failed && status === 'done' ? 'failed' : COUNTER[status]]++;
  }

  snapshot(workers: number): PoolStats {
    const busy = this.busy;
    return {
      workers,
      busy,
      idle: workers - busy,
      pending: this.pending,
      ...this.#settled,
      replaced: this.replaced,
      startFailures: this.startFailures,
    };
  }
}
