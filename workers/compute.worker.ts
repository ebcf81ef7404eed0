import { expose, transfer } from 'comlink';
import { runJob, type Job, type KernelName, type KernelResult } from './kernels';
import { servePool, wallClock } from './poolServer';

// The pool speaks its own small protocol (src/pool/protocol.ts); it listens first, so comlink never sees its messages.
servePool();

export interface JobOutcome<R> {
  value: R;
  /** When the kernel started and finished, in ms since the Unix epoch (sub-millisecond). */
  startedAt: number;
  finishedAt: number;
}

/**
 * The same worker through comlink: the Concurrency lab compares a comlink call with a raw message and the pool's
 * round trip, and a comlink call is the convenient way to reach a worker outside the pool.
 */
const api = {
  /** Runs one chunk. With `transferResult`, a typed-array result's buffer is moved back instead of copied. */
  run<K extends KernelName>(job: Job<K>, transferResult = false): JobOutcome<KernelResult<K>> {
    const startedAt = wallClock();
    const value = runJob(job);
    const outcome = { value, startedAt, finishedAt: wallClock() };
    if (transferResult && ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) {
      return transfer(outcome, [value.buffer]);
    }
    return outcome;
  },
  /** Answers at once: used to know the worker is up, and to time a bare round trip. */
  ping(): number {
    return wallClock();
  },
};

export type ComputeApi = typeof api;

expose(api);
