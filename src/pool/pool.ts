import type { Job, KernelName, KernelResult } from '../../workers/kernels';
import {
  ArgumentError,
  CallbackError,
  CancelledError,
  KernelError,
  MessageError,
  PoolClosedError,
  TimeoutError,
  WorkerCrashedError,
  WorkerStartError,
} from './errors';
import { Fifo } from './fifo';
import { Flag, Op, type Reply } from './protocol';
import { assignWorker, type Schedule } from './schedule';
import { COMPUTE_WORKER_SCRIPT, spawnComputeWorker, WorkerSlot, type SlotEvents } from './slot';
import { toPageClock, type TraceEvent } from './trace';

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

interface Item {
  id: number;
  job: Job;
  options: SubmitOptions;
  timeout: number;
  state: 'queued' | 'running' | 'settled';
  queuedAt: number;
  dispatchedAt: number;
  slot: WorkerSlot<Item> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Cancels this item; bound once so the same function can be added to and removed from its signal. */
  onAbort: () => boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Status = TraceEvent['status'];
/** setTimeout's longest delay; a longer one would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;
const COUNTER = { done: 'completed', failed: 'failed', cancelled: 'cancelled', 'timed-out': 'timedOut' } as const;

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

  readonly #slots: WorkerSlot<Item>[];
  readonly #queue = new Fifo<Item>();
  readonly #pinned: Fifo<Item>[];
  readonly #script: string;
  readonly #timeout: number;
  readonly #maxStartFailures: number;
  readonly #created = performance.now();
  #nextId = 0;
  #closed = false;
  #pumpScheduled = false;
  /** Items queued (not yet running) and running: kept as counts so that the hot path allocates nothing for them. */
  #pending = 0;
  #busy = 0;
  #counts = { completed: 0, failed: 0, cancelled: 0, timedOut: 0, replaced: 0, startFailures: 0 };
  #consecutiveStartFailures = 0;
  /** Set once the pool gave up starting workers: every submission rejects with it. */
  #broken: WorkerStartError | undefined;
  /** Slots whose worker has answered at least once: `ready` waits for all of them. */
  #answered = 0;
  readonly #answeredOnce: boolean[] = [];
  #readySettled = false;
  #settleReady!: (error: Error | undefined) => void;
  readonly #idleWaiters: (() => void)[] = [];

  constructor({
    size = Math.min(navigator.hardwareConcurrency || 1, MAX_POOL_SIZE),
    createWorker,
    script,
    timeout = Infinity,
    startTimeout = 20_000,
    maxStartFailures = 3,
  }: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
      throw new RangeError(`pool size must be a whole number from 1 to ${MAX_POOL_SIZE}, got ${size}`);
    }
    checkTimeout(timeout);
    checkTimeout(startTimeout);
    if (!Number.isInteger(maxStartFailures) || maxStartFailures < 1) {
      throw new RangeError(`maxStartFailures must be a whole number ≥ 1, got ${maxStartFailures}`);
    }
    this.size = size;
    this.#timeout = timeout;
    this.#maxStartFailures = maxStartFailures;
    this.#script = String(script ?? (createWorker ? 'made by createWorker' : COMPUTE_WORKER_SCRIPT));
    const make =
      createWorker ?? (script === undefined ? spawnComputeWorker : () => new Worker(script, { type: 'module' }));
    this.ready = new Promise<number>((resolve, reject) => {
      this.#settleReady = (error) => {
        if (this.#readySettled) return;
        this.#readySettled = true;
        if (error) reject(error);
        else resolve(performance.now() - this.#created);
      };
    });
    // Whoever submits work hears of a start-up failure through its future; `ready` need not be awaited.
    this.ready.catch(() => {});
    this.#slots = Array.from(
      { length: size },
      (_, index) => new WorkerSlot<Item>(index, make, this.#events, Math.min(startTimeout, MAX_DELAY)),
    );
    this.#pinned = this.#slots.map(() => new Fifo<Item>());
    for (const slot of this.#slots) slot.start();
  }

  /** `ready`, or a `CancelledError` as soon as `signal` aborts: a wait that a Cancel button can end. */
  whenReady(signal?: AbortSignal): Promise<number> {
    if (!signal) return this.ready;
    if (signal.aborted) return Promise.reject(new CancelledError());
    return new Promise<number>((resolve, reject) => {
      const onAbort = () => reject(new CancelledError());
      signal.addEventListener('abort', onAbort, { once: true });
      this.ready.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  submit<K extends KernelName>(job: Job<K>, options: SubmitOptions = {}): Future<KernelResult<K>> {
    if (this.#closed) return rejectedFuture(new PoolClosedError());
    if (this.#broken) return rejectedFuture(this.#broken);
    const { worker, signal } = options;
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
      onAbort: () => this.#cancel(item),
      resolve: resolve as (value: unknown) => void,
      reject,
    };
    this.#pending++;
    if (signal?.aborted) {
      // Settled here: a submission cancelled before it was made never reaches a worker.
      item.onAbort();
    } else {
      signal?.addEventListener('abort', item.onAbort, { once: true });
      (worker === undefined ? this.#queue : this.#pinned[worker]!).push(item);
      this.#pump();
    }
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
    const busy = this.#busy;
    return { workers: this.size, busy, idle: this.size - busy, pending: this.#pending, ...this.#counts };
  }

  /**
   * Stops accepting work. Without `cancelPending`, waits for everything submitted to finish; with it, cancels what
   * has not finished (a running chunk's worker is terminated: unlike Python's threads, a worker can be killed).
   * Then terminates every worker, started or starting; none is made afterwards.
   */
  async shutdown({ cancelPending = false }: { cancelPending?: boolean } = {}): Promise<void> {
    this.#closed = true;
    if (cancelPending) {
      for (const queue of [this.#queue, ...this.#pinned]) for (const item of queue) this.#cancel(item);
      for (const slot of this.#slots) if (slot.running) this.#cancel(slot.running);
    }
    while (this.#busy + this.#pending > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
    for (const slot of this.#slots) slot.close();
    for (const queue of [this.#queue, ...this.#pinned]) queue.clear();
    this.#settleReady(new PoolClosedError());
  }

  /** Hands waiting chunks to idle workers, and starts a worker in an empty slot that has work waiting for it. */
  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.running) continue;
      const pinned = this.#pinned[slot.index]!;
      const queue = headLive(pinned) ? pinned : headLive(this.#queue) ? this.#queue : undefined;
      if (!queue) continue;
      if (slot.state === 'up') this.#dispatch(slot, queue.shift()!);
      else if (slot.state === 'down' && !this.#broken) slot.start();
    }
    if (this.#busy + this.#pending === 0 && this.#idleWaiters.length > 0) {
      for (const wake of this.#idleWaiters.splice(0)) wake();
    }
  }

  readonly #pumpTask = (): void => {
    this.#pumpScheduled = false;
    this.#pump();
  };

  /**
   * Pump on a microtask: when one abort cancels many chunks, all its listeners run first, so a freed worker is not
   * handed a chunk that is about to be cancelled too.
   */
  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    queueMicrotask(this.#pumpTask);
  }

  #dispatch(slot: WorkerSlot<Item>, item: Item): void {
    const { transfer, transferResult, onTrace } = item.options;
    const flags = (transferResult ? Flag.TransferResult : 0) | (onTrace ? Flag.Timed : 0);
    try {
      slot.post([Op.Run, item.id, item.job, flags], transfer);
    } catch (error) {
      // Serializing failed before anything was sent: the worker is untouched and free for the next chunk.
      this.#finish(item, 'failed', new ArgumentError(item.job.kernel, error));
      return;
    }
    this.#pending--;
    this.#busy++;
    item.state = 'running';
    item.slot = slot;
    if (onTrace) item.dispatchedAt = performance.now();
    slot.running = item;
    if (item.timeout !== Infinity) item.timer = setTimeout(this.#onTimeout, Math.min(item.timeout, MAX_DELAY), item);
  }

  readonly #onTimeout = (item: Item): void => {
    if (item.state !== 'running') return;
    const slot = item.slot!;
    slot.terminate();
    this.#finish(item, 'timed-out', new TimeoutError(item.job.kernel, item.timeout));
    this.#restart(slot);
  };

  #cancel(item: Item): boolean {
    if (item.state === 'settled') return false;
    // A worker cannot be interrupted mid-computation, only terminated: replace it with a fresh one. Terminated
    // first, so that nothing the settling calls (an `onTrace` that submits) is handed to the dying worker.
    const slot = item.state === 'running' ? item.slot : undefined;
    slot?.terminate();
    this.#finish(item, 'cancelled', new CancelledError());
    if (slot) this.#restart(slot);
    return true;
  }

  /** A slot whose worker was terminated gets a fresh one now, unless the pool is closing (then only if work waits). */
  #restart(slot: WorkerSlot<Item>): void {
    this.#counts.replaced++;
    if (!this.#closed && slot.state === 'down') slot.start();
  }

  readonly #events: SlotEvents<Item> = {
    up: (slot) => {
      this.#consecutiveStartFailures = 0;
      if (!this.#answeredOnce[slot.index]) {
        this.#answeredOnce[slot.index] = true;
        if (++this.#answered === this.size) this.#settleReady(undefined);
      }
      this.#pump();
    },
    failed: (slot, reason, started) => {
      if (started) {
        const item = slot.running;
        if (item) {
          this.#finish(item, 'failed', new WorkerCrashedError(slot.index, reason));
          this.#restart(slot);
        } else {
          // An idle worker died: its slot gets a new one when work waits for it, so a script that keeps dying
          // on its own costs no restarts.
          this.#counts.replaced++;
          this.#schedulePump();
        }
      } else this.#startFailed(reason);
    },
    reply: (slot, reply) => this.#onReply(slot, reply),
    unreadable: (slot) => {
      const item = slot.running;
      if (item) this.#finish(item, 'failed', new MessageError(item.job.kernel, 'page'));
    },
  };

  #startFailed(reason: string): void {
    const error = new WorkerStartError(this.#script, reason);
    this.#counts.startFailures++;
    this.#settleReady(error);
    if (++this.#consecutiveStartFailures < this.#maxStartFailures) {
      // The slot stays empty; the pump starts another worker only if work is waiting for it.
      this.#schedulePump();
      return;
    }
    this.#broken = error;
    for (const queue of [this.#queue, ...this.#pinned]) {
      for (const item of queue) if (item.state === 'queued') this.#finish(item, 'failed', error);
      queue.clear();
    }
  }

  #onReply(slot: WorkerSlot<Item>, reply: Reply): void {
    const item = slot.running;
    if (!item) return;
    if (reply[0] === Op.Done && reply[1] === item.id) {
      this.#finish(item, 'done', undefined, reply[2], reply[3], reply[4]);
    } else if (reply[0] === Op.Failed && reply[1] === item.id) {
      this.#finish(item, 'failed', new KernelError(item.job.kernel, reply[2]));
    } else if (reply[0] === Op.Unreadable) {
      this.#finish(item, 'failed', new MessageError(item.job.kernel, 'worker'));
    }
  }

  /** Settles an item once: bookkeeping, its trace, then its future. */
  #finish(
    item: Item,
    status: Status,
    error: Error | undefined,
    value?: unknown,
    startedAt = Number.NaN,
    finishedAt = Number.NaN,
  ): void {
    if (item.state === 'settled') return;
    if (item.state === 'running') {
      this.#busy--;
      if (item.slot!.running === item) item.slot!.running = undefined;
    } else this.#pending--;
    item.state = 'settled';
    if (item.timer !== undefined) clearTimeout(item.timer);
    item.options.signal?.removeEventListener('abort', item.onAbort);
    let failure = error;
    const { onTrace } = item.options;
    if (onTrace) {
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
        failure ??= new CallbackError('onTrace', thrown);
      }
    }
    this.#counts[failure && status === 'done' ? 'failed' : COUNTER[status]]++;
    // A freed worker matters only to waiting work (and to a shutdown waiting for the pool to go idle): when nothing
    // waits, a chunk's round trip skips the extra microtask.
    if (this.#pending > 0 || this.#idleWaiters.length > 0) this.#schedulePump();
    if (failure) item.reject(failure);
    else item.resolve(value);
  }
}

/** Creates a pool: `createPool({ size: 4 })`, like `ProcessPoolExecutor(max_workers=4)`. */
export function createPool(options?: PoolOptions): Pool {
  return new Pool(options);
}

/** Drops settled (cancelled) items from the head of a queue; true if a live one is left at its head. */
function headLive(queue: Fifo<Item>): boolean {
  while (queue.peek()?.state === 'settled') queue.shift();
  return queue.length > 0;
}

function checkTimeout(timeout: number): void {
  if (!(timeout > 0)) throw timeoutRangeError(timeout);
}

function timeoutRangeError(timeout: number): RangeError {
  return new RangeError(`a timeout must be a number of ms > 0 (or Infinity), got ${timeout}`);
}

function rejectedFuture<T>(error: Error): Future<T> {
  const promise = Promise.reject<T>(error);
  return Object.assign(promise, { id: -1, cancel: () => false });
}
