import { ArgumentError, CancelledError, KernelError, MessageError, TimeoutError, WorkerCrashedError } from './errors';
import type { Item } from './item';
import { Flag, isBareResult, Op, type Reply } from './protocol';
import { SubmissionQueue } from './queue';
import { WorkerSlot, type SlotEvents } from './slot';
import type { Startup } from './startup';
import { PoolCounters } from './stats';
import { armTimeout, disarmTimeout, MAX_DELAY } from './timeouts';
import { reportTrace, type TraceEvent } from './trace';

/**
 * Runs the pool's items on its worker slots: hands queued items to idle workers (and starts a worker in an empty slot
 * that has work waiting), settles each item once, and replaces a worker that was cancelled, timed out or crashed.
 */
export class Runner {
  readonly counters = new PoolCounters();
  /** Set by `shutdown`: a terminated worker is no longer replaced at once (only if work waits for its slot). */
  closed = false;

  readonly #slots: WorkerSlot<Item>[];
  readonly #queue: SubmissionQueue;
  readonly #startup: Startup;
  #pumpScheduled = false;
  readonly #idleWaiters: (() => void)[] = [];

  constructor(size: number, createWorker: () => Worker, startTimeout: number, startup: Startup) {
    this.#startup = startup;
    this.#queue = new SubmissionQueue(size);
    this.#slots = Array.from(
      { length: size },
      (_, index) => new WorkerSlot<Item>(index, createWorker, this.#events, Math.min(startTimeout, MAX_DELAY)),
    );
    for (const slot of this.#slots) slot.start();
  }

  /** Items queued or running. */
  get active(): number {
    return this.counters.busy + this.counters.pending;
  }

  /** Takes a new item: queued for slot `worker` (or any), or settled at once if its signal has already aborted. */
  enqueue(item: Item, worker: number | undefined): void {
    this.counters.pending++;
    const { signal } = item.options;
    if (signal?.aborted) {
      // Settled here: a submission cancelled before it was made never reaches a worker.
      item.onAbort();
    } else {
      signal?.addEventListener('abort', item.onAbort, { once: true });
      this.#queue.push(item, worker);
      this.#pump();
    }
  }

  cancel(item: Item): boolean {
    if (item.state === 'settled') return false;
    // A worker cannot be interrupted mid-computation, only terminated: replace it with a fresh one. Terminated
    // first, so that nothing the settling calls (an `onTrace` that submits) is handed to the dying worker.
    const slot = item.state === 'running' ? item.slot : undefined;
    slot?.terminate();
    this.#finish(item, 'cancelled', new CancelledError());
    if (slot) this.#restart(slot);
    return true;
  }

  /** Cancels every queued and running item. */
  cancelAll(): void {
    for (const item of this.#queue) this.cancel(item);
    for (const slot of this.#slots) if (slot.running) this.cancel(slot.running);
  }

  /** Resolves the next time nothing is queued or running. */
  whenIdle(): Promise<void> {
    return new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Terminates every worker, started or starting, and makes no more. */
  close(): void {
    for (const slot of this.#slots) slot.close();
    this.#queue.clear();
  }

  /** Hands waiting chunks to idle workers, and starts a worker in an empty slot that has work waiting for it. */
  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.running) continue;
      if (slot.state === 'up') {
        const item = this.#queue.take(slot.index);
        if (item) this.#dispatch(slot, item);
      } else if (slot.state === 'down' && !this.#startup.broken && this.#queue.hasWork(slot.index)) slot.start();
    }
    if (this.active === 0 && this.#idleWaiters.length > 0) {
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
    const { kernel, args, backend } = item.job;
    try {
      slot.post([Op.Run, flags, kernel, backend === 'js' ? undefined : backend, ...args], transfer);
    } catch (error) {
      // Serializing failed before anything was sent: the worker is untouched and free for the next chunk.
      this.#finish(item, 'failed', new ArgumentError(item.job.kernel, error));
      return;
    }
    this.counters.pending--;
    this.counters.busy++;
    item.state = 'running';
    item.slot = slot;
    if (onTrace) item.dispatchedAt = performance.now();
    slot.running = item;
    armTimeout(item, this.#onTimeout);
  }

  readonly #onTimeout = (item: Item): void => {
    if (item.state !== 'running') return;
    const slot = item.slot!;
    slot.terminate();
    this.#finish(item, 'timed-out', new TimeoutError(item.job.kernel, item.timeout));
    this.#restart(slot);
  };

  /** A slot whose worker was terminated gets a fresh one now, unless the pool is closing (then only if work waits). */
  #restart(slot: WorkerSlot<Item>): void {
    this.counters.replaced++;
    if (!this.closed && slot.state === 'down') slot.start();
  }

  readonly #events: SlotEvents<Item> = {
    up: (slot) => {
      this.#startup.up(slot.index);
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
          this.counters.replaced++;
          this.#schedulePump();
        }
      } else this.#startFailed(reason);
    },
    reply: (slot, reply) => this.#onReply(slot, reply),
    unreadable: (slot) => {
      const item = slot.running;
      if (!item) return;
      // First: settling the chunk may submit more (an `onTrace`), which must not go to this worker yet.
      slot.resync();
      this.#finish(item, 'failed', new MessageError(item.job.kernel, 'page'));
    },
  };

  #startFailed(reason: string): void {
    this.counters.startFailures++;
    const error = this.#startup.failed(reason);
    if (!error) {
      // The slot stays empty; the pump starts another worker only if work is waiting for it.
      this.#schedulePump();
      return;
    }
    // The pool gave up: everything waiting rejects with the start-up error.
    for (const item of this.#queue) if (item.state === 'queued') this.#finish(item, 'failed', error);
    this.#queue.clear();
  }

  /** An answer from a slot's worker: it concerns the chunk running there (see protocol.ts: no ids needed). */
  #onReply(slot: WorkerSlot<Item>, reply: Reply): void {
    const item = slot.running;
    if (!item) return;
    if (isBareResult(reply)) this.#finish(item, 'done', undefined, reply);
    else if (reply[0] === Op.Done) this.#finish(item, 'done', undefined, reply[1], reply[2], reply[3]);
    else if (reply[0] === Op.Failed) this.#finish(item, 'failed', new KernelError(item.job.kernel, reply[1]));
    else if (reply[0] === Op.Unreadable) this.#finish(item, 'failed', new MessageError(item.job.kernel, 'worker'));
  }

  /** Settles an item once: bookkeeping, its trace, then its future. */
  #finish(
    item: Item,
    status: TraceEvent['status'],
    error: Error | undefined,
    value?: unknown,
    startedAt = Number.NaN,
    finishedAt = Number.NaN,
  ): void {
    if (item.state === 'settled') return;
    const { counters } = this;
    if (item.state === 'running') {
      counters.busy--;
      if (item.slot!.running === item) item.slot!.running = undefined;
    } else counters.pending--;
    item.state = 'settled';
    disarmTimeout(item);
    item.options.signal?.removeEventListener('abort', item.onAbort);
    const failure = reportTrace(item, status, error, startedAt, finishedAt);
    counters.settled(status, failure !== undefined);
    // A freed worker matters only to waiting work (and to a shutdown waiting for the pool to go idle): when nothing
    // waits, a chunk's round trip skips the extra microtask.
    if (counters.pending > 0 || this.#idleWaiters.length > 0) this.#schedulePump();
    if (failure) item.reject(failure);
    else item.resolve(value);
  }
}
