import { expose, transfer } from 'comlink';
import { runJob, type Job, type KernelName, type KernelResult } from './kernels';

/** The worker's clock on the page's time base: both add their own `timeOrigin`, so times from any worker compare. */
const wallClock = () => performance.timeOrigin + performance.now();

export interface JobOutcome<R> {
  value: R;
  /** When the kernel started and finished, in ms since the Unix epoch (sub-millisecond). */
  startedAt: number;
  finishedAt: number;
}

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
