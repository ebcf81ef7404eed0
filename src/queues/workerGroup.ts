import { wrap, type Remote } from 'comlink';
import type { QueueWorkerApi } from '../../workers/queue.worker';
import { CancelledError, WorkerCrashedError } from '../pool';
import { TimeLimitError } from './errors';

export function spawnQueueWorker(): Worker {
  return new Worker(new URL('../../workers/queue.worker.ts', import.meta.url), { type: 'module', name: 'queue' });
}

export interface GroupOptions {
  signal?: AbortSignal;
  /** Stop everything after this long (TimeLimitError). */
  timeLimitMs?: number;
  /** The picture a TimeLimitError carries: the last thing the run reported. */
  lastPicture?: () => unknown;
  createWorker?: () => Worker;
  /**
   * Called first whenever the group is terminated: runs abort their shared queues here, because Chromium lets a
   * worker blocked in `Atomics.wait` live on for up to ~2 s after `terminate()`, still able to take items.
   */
  onTerminate?: () => void;
}

/**
 * The workers of one run, all started together and all terminated together. A worker blocked in `Atomics.wait`
 * cannot be asked to stop, so cancel and the time limit terminate every worker: nothing is left waiting, and the
 * next run starts fresh ones. `guard` makes any promise of the run settle when that happens.
 */
export class WorkerGroup {
  readonly remotes: Remote<QueueWorkerApi>[];
  readonly #workers: Worker[];
  #alive: number;
  readonly #stopped: Promise<never>;
  #stop!: (error: Error) => void;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => this.#fail(new CancelledError());
  readonly #onTerminate: (() => void) | undefined;

  constructor(size: number, options: GroupOptions = {}) {
    const create = options.createWorker ?? spawnQueueWorker;
    this.#stopped = new Promise<never>((_, reject) => (this.#stop = reject));
    this.#stopped.catch(() => {}); // observed through guard(); never an unhandled rejection
    this.#workers = Array.from({ length: size }, (_, index) => {
      const worker = create();
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.#fail(new WorkerCrashedError(index, event.message || 'its script failed'));
      });
      return worker;
    });
    this.#alive = size;
    this.remotes = this.#workers.map((worker) => wrap<QueueWorkerApi>(worker));
    this.#signal = options.signal;
    this.#onTerminate = options.onTerminate;
    if (options.signal?.aborted) this.#onAbort();
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
    const limit = options.timeLimitMs ?? Infinity;
    if (Number.isFinite(limit)) {
      this.#timer = setTimeout(() => this.#fail(new TimeLimitError(limit, options.lastPicture?.() ?? null)), limit);
    }
  }

  /** Resolves once every worker has answered: runs start their clocks and their roles after it. */
  ready(): Promise<void> {
    return this.guard(Promise.all(this.remotes.map((remote) => remote.ping())).then(() => undefined));
  }

  /** Workers not yet terminated. */
  get alive(): number {
    return this.#alive;
  }

  /** The promise, or the reason the run was stopped (cancel, time limit, a crashed worker), whichever comes first. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.#stopped]);
  }

  /** Terminates every worker; safe to call more than once. */
  terminate(): void {
    this.#onTerminate?.();
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
    for (const worker of this.#workers) worker.terminate();
    this.#alive = 0;
  }

  #fail(error: Error): void {
    this.terminate();
    this.#stop(error);
  }
}
