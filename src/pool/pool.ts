import { transfer as markTransfer } from 'comlink';
import type { Job, KernelName, KernelResult } from '../../workers/kernels';
import { CancelledError, KernelError, PoolClosedError, WorkerCrashedError } from './errors';
import { assignWorker, type Schedule } from './schedule';
import { spawnComputeWorker, WorkerSlot } from './slot';
import { toPageClock, type TraceEvent } from './trace';

export interface PoolOptions {
  /** How many workers. Defaults to `navigator.hardwareConcurrency`. */
  size?: number;
  /** Makes one worker; tests pass fixture workers here. Defaults to the compute worker. */
  createWorker?: () => Worker;
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
  /** Called once when the work settles, with its timing. */
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
  completed: number;
  failed: number;
  cancelled: number;
  /** Workers terminated and started afresh, after a cancel or a crash. */
  replaced: number;
}

/** A submitted piece of work: a promise of its result that can also be cancelled, like `concurrent.futures.Future`. */
export interface Future<T> extends Promise<T> {
  readonly id: number;
  /** Cancels the work if it has not finished; returns false if it already had. */
  cancel(): boolean;
}

interface Item {
  id: number;
  job: Job;
  options: SubmitOptions;
  queuedAt: number;
  dispatchedAt: number;
  slot: WorkerSlot | undefined;
  settled: boolean;
  /** Cancels this item; bound once so the same function can be added to and removed from its signal. */
  onAbort: () => boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A fixed set of workers fed from a queue, with the shape of Python's `concurrent.futures` executors:
 * `submit`, `map`, `stats`, `shutdown`. It knows nothing about what the jobs mean.
 */
export class Pool {
  readonly size: number;
  /** Resolves with the time in ms from creation until every worker has answered a first message. */
  readonly ready: Promise<number>;

  readonly #slots: WorkerSlot[];
  readonly #queue: Item[] = [];
  readonly #pinned: Item[][];
  #nextId = 0;
  #closed = false;
  #pumpScheduled = false;
  #counts = { completed: 0, failed: 0, cancelled: 0, replaced: 0 };
  readonly #idleWaiters: (() => void)[] = [];

  constructor({ size = navigator.hardwareConcurrency || 1, createWorker = spawnComputeWorker }: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a whole number ≥ 1, got ${size}`);
    this.size = size;
    const created = performance.now();
    this.#slots = Array.from({ length: size }, (_, index) => new WorkerSlot(index, createWorker, this.#onCrash));
    this.#pinned = this.#slots.map(() => []);
    this.ready = Promise.all(this.#slots.map((slot) => slot.remote.ping())).then(() => performance.now() - created);
  }

  submit<K extends KernelName>(job: Job<K>, options: SubmitOptions = {}): Future<KernelResult<K>> {
    if (this.#closed) return rejectedFuture(new PoolClosedError());
    const { worker, signal } = options;
    if (worker !== undefined && !(Number.isInteger(worker) && worker >= 0 && worker < this.size)) {
      return rejectedFuture(new RangeError(`worker must be a slot from 0 to ${this.size - 1}, got ${worker}`));
    }
    const id = this.#nextId++;
    let item!: Item;
    const promise = new Promise<KernelResult<K>>((resolve, reject) => {
      item = {
        id,
        job,
        options,
        queuedAt: performance.now(),
        dispatchedAt: Number.NaN,
        slot: undefined,
        settled: false,
        onAbort: () => this.#cancel(item),
        resolve: resolve as (value: unknown) => void,
        reject,
      };
    });
    if (signal?.aborted) {
      item.onAbort();
    } else {
      signal?.addEventListener('abort', item.onAbort, { once: true });
      (worker === undefined ? this.#queue : this.#pinned[worker]!).push(item);
      this.#pump();
    }
    return Object.assign(promise, { id, cancel: item.onAbort });
  }

  /** Runs every job and resolves with their results in input order; the first failure rejects and cancels the rest. */
  async map<K extends KernelName>(jobs: readonly Job<K>[], options: MapOptions = {}): Promise<KernelResult<K>[]> {
    const { schedule = 'dynamic', signal, transfer, ...rest } = options;
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
      if (signal?.aborted) throw new CancelledError();
      return await Promise.all(futures);
    } finally {
      local.abort();
      signal?.removeEventListener('abort', forward);
    }
  }

  stats(): PoolStats {
    const busy = this.#slots.filter((slot) => slot.running).length;
    const pending = this.#queue.length + this.#pinned.reduce((sum, queue) => sum + queue.length, 0);
    return { workers: this.size, busy, idle: this.size - busy, pending, ...this.#counts };
  }

  /**
   * Stops accepting work. Without `cancelPending`, waits for everything submitted to finish; with it, cancels what
   * has not finished (a running chunk's worker is terminated: unlike Python's threads, a worker can be killed).
   * Then terminates the workers.
   */
  async shutdown({ cancelPending = false }: { cancelPending?: boolean } = {}): Promise<void> {
    this.#closed = true;
    if (cancelPending) {
      for (const item of [...this.#queue, ...this.#pinned.flat()]) this.#cancel(item);
      for (const slot of this.#slots) if (slot.running) this.#cancel(slot.running as Item);
    }
    while (this.#outstanding() > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
    for (const slot of this.#slots) slot.terminate();
  }

  /** Submitted and not yet settled: queued or running. */
  #outstanding(): number {
    const { busy, pending } = this.stats();
    return busy + pending;
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.running) continue;
      const item = this.#pinned[slot.index]!.shift() ?? this.#queue.shift();
      if (item) this.#dispatch(slot, item);
    }
    if (this.#outstanding() === 0) {
      for (const wake of this.#idleWaiters.splice(0)) wake();
    }
  }

  #dispatch(slot: WorkerSlot, item: Item): void {
    const { transfer, transferResult = false } = item.options;
    item.slot = slot;
    slot.running = item;
    item.dispatchedAt = performance.now();
    const job = transfer?.length ? markTransfer(item.job, transfer) : item.job;
    slot.remote.run(job, transferResult).then(
      (outcome) => {
        if (item.settled) return;
        const times = { startedAt: toPageClock(outcome.startedAt), finishedAt: toPageClock(outcome.finishedAt) };
        this.#settle(item, 'done', times);
        item.resolve(outcome.value);
      },
      (error: unknown) => {
        if (item.settled) return;
        this.#settle(item, 'failed');
        item.reject(new KernelError(item.job.kernel, error));
      },
    );
  }

  #cancel(item: Item): boolean {
    if (item.settled) return false;
    const slot = item.slot;
    if (slot) {
      // A worker cannot be interrupted mid-computation, only terminated: replace it with a fresh one.
      slot.replace();
      this.#counts.replaced++;
    } else {
      for (const queue of [this.#queue, ...this.#pinned]) {
        const index = queue.indexOf(item);
        if (index >= 0) queue.splice(index, 1);
      }
    }
    this.#settle(item, 'cancelled');
    item.reject(new CancelledError());
    return true;
  }

  readonly #onCrash = (slot: WorkerSlot, detail: string): void => {
    this.#counts.replaced++;
    const item = slot.running as Item | undefined;
    if (item && !item.settled) {
      this.#settle(item, 'failed');
      item.reject(new WorkerCrashedError(slot.index, detail));
    }
  };

  #settle(item: Item, status: TraceEvent['status'], times?: { startedAt: number; finishedAt: number }): void {
    item.settled = true;
    const settledAt = performance.now();
    if (item.slot?.running === item) item.slot.running = undefined;
    item.options.signal?.removeEventListener('abort', item.onAbort);
    this.#counts[status === 'done' ? 'completed' : status]++;
    item.options.onTrace?.({
      chunk: item.options.chunk ?? item.id,
      worker: item.slot?.index ?? -1,
      kernel: item.job.kernel,
      queuedAt: item.queuedAt,
      dispatchedAt: item.dispatchedAt,
      startedAt: times?.startedAt ?? Number.NaN,
      finishedAt: times?.finishedAt ?? Number.NaN,
      settledAt,
      status,
    });
    // Pump on a microtask: when one abort cancels many chunks, all its listeners run first, so a freed worker is
    // not handed a chunk that is about to be cancelled too.
    if (!this.#pumpScheduled) {
      this.#pumpScheduled = true;
      queueMicrotask(() => {
        this.#pumpScheduled = false;
        this.#pump();
      });
    }
  }
}

/** Creates a pool: `createPool({ size: 4 })`, like `ProcessPoolExecutor(max_workers=4)`. */
export function createPool(options?: PoolOptions): Pool {
  return new Pool(options);
}

function rejectedFuture<T>(error: Error): Future<T> {
  const promise = Promise.reject<T>(error);
  return Object.assign(promise, { id: -1, cancel: () => false });
}
