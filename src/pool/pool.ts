import type { Job, KernelName, KernelResult } from '../../workers/kernels';
import { CancelledError, PoolClosedError } from './errors';
import { rejectedFuture, type Item } from './item';
import {
  checkPoolOptions,
  MAX_POOL_SIZE,
  type Future,
  type MapOptions,
  type PoolOptions,
  type PoolStats,
  type SubmitOptions,
} from './options';
import { Runner } from './runner';
import { assignWorker } from './schedule';
import { COMPUTE_WORKER_SCRIPT, spawnComputeWorker } from './slot';
import { Startup } from './startup';
import { timeoutRangeError } from './timeouts';

/** The options of a submission that gives none: one object for all of them, not a new one per chunk. */
const NO_OPTIONS: SubmitOptions = Object.freeze({});

/**
 * A fixed set of workers fed from a queue, with the shape of Python's `concurrent.futures` executors:
 * `submit`, `map`, `stats`, `shutdown`. It knows nothing about what the jobs mean.
 */
export class Pool {
  readonly size: number;
  /**
   * Resolves with the time in ms from creation until every worker has answered a first message; rejects with a
   * `WorkerStartError` as soon as one fails before answering, or with `PoolClosedError` if shut down first.
   */
  readonly ready: Promise<number>;

  readonly #startup: Startup;
  readonly #runner: Runner;
  readonly #timeout: number;
  #nextId = 0;

  constructor({
    size = Math.min(navigator.hardwareConcurrency || 1, MAX_POOL_SIZE),
    createWorker,
    script,
    timeout = Infinity,
    startTimeout = 20_000,
    maxStartFailures = 3,
  }: PoolOptions = {}) {
    checkPoolOptions(size, timeout, startTimeout, maxStartFailures);
    this.size = size;
    this.#timeout = timeout;
    const name = String(script ?? (createWorker ? 'made by createWorker' : COMPUTE_WORKER_SCRIPT));
    const make =
      createWorker ?? (script === undefined ? spawnComputeWorker : () => new Worker(script, { type: 'module' }));
    this.#startup = new Startup(size, name, maxStartFailures);
    this.ready = this.#startup.ready;
    this.#runner = new Runner(size, make, startTimeout, this.#startup);
  }

  /** `ready`, or a `CancelledError` as soon as `signal` aborts: a wait that a Cancel button can end. */
  whenReady(signal?: AbortSignal): Promise<number> {
    return this.#startup.whenReady(signal);
  }

  submit<K extends KernelName>(job: Job<K>, options: SubmitOptions = NO_OPTIONS): Future<KernelResult<K>> {
    if (this.#runner.closed) return rejectedFuture(new PoolClosedError());
    if (this.#startup.broken) return rejectedFuture(this.#startup.broken);
    const { worker } = options;
    if (worker !== undefined && !(Number.isInteger(worker) && worker >= 0 && worker < this.size)) {
      return rejectedFuture(new RangeError(`worker must be a slot from 0 to ${this.size - 1}, got ${worker}`));
    }
    let timeout = this.#timeout;
    if (options.timeout !== undefined) {
      timeout = options.timeout;
      if (!(timeout > 0)) return rejectedFuture(timeoutRangeError(timeout));
    }
    const id = this.#nextId++;
    // Not Promise.withResolvers: Safari has it only since 17.4.
    let resolve!: (value: KernelResult<K>) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<KernelResult<K>>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const item: Item = {
      id,
      job,
      options,
      timeout,
      state: 'queued',
      // Clocks are read for traced chunks only: each read costs about half a microsecond.
      queuedAt: options.onTrace ? performance.now() : Number.NaN,
      dispatchedAt: Number.NaN,
      slot: undefined,
      timer: undefined,
      onAbort: () => this.#runner.cancel(item),
      resolve: resolve as (value: unknown) => void,
      reject,
    };
    this.#runner.enqueue(item, worker);
    const future = promise as Future<KernelResult<K>> & { id: number };
    future.id = id;
    future.cancel = item.onAbort;
    return future;
  }

  /** Runs every job and resolves with their results in input order; the first failure rejects and cancels the rest. */
  async map<K extends KernelName>(jobs: readonly Job<K>[], options: MapOptions = {}): Promise<KernelResult<K>[]> {
    const { schedule = 'dynamic', signal, transfer, ...rest } = options;
    // Checked before submitting anything: an aborted run must not hand chunks to workers only to kill them.
    if (signal?.aborted) throw new CancelledError();
    const local = new AbortController();
    const forward = () => local.abort();
    signal?.addEventListener('abort', forward, { once: true });
    try {
      const futures = jobs.map((job, index) =>
        this.submit(job, {
          ...rest,
          signal: local.signal,
          chunk: index,
          worker: assignWorker(schedule, index, jobs.length, this.size),
          ...(transfer && { transfer: transfer(job, index) }),
        }),
      );
      // Mark every future handled now, so that the ones cancelled after a failure raise no unhandled rejection.
      for (const future of futures) future.catch(() => {});
      return await Promise.all(futures);
    } finally {
      local.abort();
      signal?.removeEventListener('abort', forward);
    }
  }

  stats(): PoolStats {
    return this.#runner.counters.snapshot(this.size);
  }

  /**
   * Stops accepting work. Without `cancelPending`, waits for everything submitted to finish; with it, cancels what
   * has not finished (a running chunk's worker is terminated: unlike Python's threads, a worker can be killed).
   * Then terminates every worker, started or starting; none is made afterwards.
   */
  async shutdown({ cancelPending = false }: { cancelPending?: boolean } = {}): Promise<void> {
    const runner = this.#runner;
    runner.closed = true;
    if (cancelPending) runner.cancelAll();
    while (runner.active > 0) await runner.whenIdle();
    runner.close();
    this.#startup.close();
  }
}

/** Creates a pool: `createPool({ size: 4 })`, like `ProcessPoolExecutor(max_workers=4)`. */
export function createPool(options?: PoolOptions): Pool {
  return new Pool(options);
}
