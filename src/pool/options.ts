import type { Job } from '../../workers/kernels';
import type { Schedule } from './schedule';
import { checkTimeout } from './timeouts';
import type { TraceEvent } from './trace';

/** The largest pool: more workers than this is a mistake (a typo, a hostile link), not a machine. */
export const MAX_POOL_SIZE = 256;

export interface PoolOptions {
  /** How many workers, 1 … 256. Defaults to `navigator.hardwareConcurrency`. */
  size?: number;
  /** Makes one worker; tests pass fixture workers here. Defaults to a module worker of `script`. */
  createWorker?: () => Worker;
  /** The workers' script: what start-up errors name, and what the default `createWorker` runs. */
  script?: string | URL;
  /**
   * A worker that has not answered its first message within this many ms is a start-up failure (its script's load
   * hangs, or it never listens). Defaults to 20 s; `Infinity` for none.
   */
  startTimeout?: number;
  /** Default time limit in ms for every chunk (see `SubmitOptions.timeout`). None by default. */
  timeout?: number;
  /**
   * Consecutive start-up failures (workers that failed before answering) after which the pool gives up: every
   * pending and future submission rejects with the `WorkerStartError`. Defaults to 3.
   */
  maxStartFailures?: number;
}

export interface SubmitOptions {
  /** Aborting cancels the work: taken off the queue if waiting, its worker terminated and replaced if running. */
  signal?: AbortSignal;
  /** Run on this worker slot only (static and cyclic schedules); otherwise the first idle worker takes it. */
  worker?: number;
  /** Buffers to move to the worker instead of copying them; they are detached on this side afterwards. */
  transfer?: Transferable[];
  /** Move a typed-array result's buffer back instead of copying it. */
  transferResult?: boolean;
  /** The chunk id written in the trace event. Defaults to the submission's id. */
  chunk?: number;
  /**
   * Time limit in ms from handing the chunk to a worker: past it the chunk rejects with `TimeoutError` and its worker
   * is terminated and replaced. Defaults to the pool's `timeout`; `Infinity` for none.
   */
  timeout?: number;
  /** Called once when the work settles, with its timing. If it throws, the future rejects with a `CallbackError`. */
  onTrace?: (event: TraceEvent) => void;
}

export interface MapOptions extends Omit<SubmitOptions, 'worker' | 'chunk' | 'transfer'> {
  /** How chunks are assigned to workers. Defaults to `dynamic`. */
  schedule?: Schedule;
  /** Buffers to transfer for each job, by index. */
  transfer?: (job: Job, index: number) => Transferable[];
}

export interface PoolStats {
  workers: number;
  busy: number;
  idle: number;
  /** Submitted and not yet handed to a worker. */
  pending: number;
  /** Settled futures, by outcome: each submission is counted once, as its future settled. */
  completed: number;
  failed: number;
  cancelled: number;
  timedOut: number;
  /** Workers terminated and started afresh, after a cancel, a crash or a timeout. */
  replaced: number;
  /** Workers that failed before answering their first message. */
  startFailures: number;
}

/** A submitted piece of work: a promise of its result that can also be cancelled, like `concurrent.futures.Future`. */
export interface Future<T> extends Promise<T> {
  readonly id: number;
  /** Cancels the work if it has not finished; returns false if it already had. */
  cancel(): boolean;
}

/** Checks a pool's options, in this order; throws a `RangeError` naming the range of the first one out of it. */
export function checkPoolOptions(size: number, timeout: number, startTimeout: number, maxStartFailures: number): void {
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new RangeError(`pool size must be a whole number from 1 to ${MAX_POOL_SIZE}, got ${size}`);
  }
  checkTimeout(timeout);
  checkTimeout(startTimeout);
  if (!Number.isInteger(maxStartFailures) || maxStartFailures < 1) {
    throw new RangeError(`maxStartFailures must be a whole number ≥ 1, got ${maxStartFailures}`);
  }
}
