import { CancelledError, PoolClosedError, WorkerStartError } from './errors';

/**
 * The pool's start-up: `ready`, which waits for every slot's worker to answer once, and the count of start-up
 * failures in a row after which the pool gives up on its workers' script.
 */
export class Startup {
  /**
   * Resolves with the time in ms from creation until every worker has answered a first message; rejects with a
   * `WorkerStartError` as soon as one fails before answering, or with `PoolClosedError` if shut down first.
   */
  readonly ready: Promise<number>;
  /** Set once the pool gave up starting workers: every submission rejects with it. */
  broken: WorkerStartError | undefined;

  readonly #created = performance.now();
  /** Slots whose worker has answered at least once: `ready` waits for all of them. */
  #answered = 0;
  readonly #answeredOnce: boolean[] = [];
  #consecutiveFailures = 0;
  #settled = false;
  #settle!: (error: Error | undefined) => void;

  constructor(
    private readonly size: number,
    /** The workers' script, as start-up errors name it. */
    private readonly script: string,
    private readonly maxFailures: number,
  ) {
    this.ready = new Promise<number>((resolve, reject) => {
      this.#settle = (error) => {
        if (this.#settled) return;
        this.#settled = true;
        if (error) reject(error);
        else resolve(performance.now() - this.#created);
      };
    });
    // Whoever submits work hears of a start-up failure through its future; `ready` need not be awaited.
    this.ready.catch(() => {});
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

  /** The worker in slot `index` answered: the failures in a row end, and `ready` resolves once every slot has. */
  up(index: number): void {
    this.#consecutiveFailures = 0;
    if (this.#answeredOnce[index]) return;
    this.#answeredOnce[index] = true;
    if (++this.#answered === this.size) this.#settle(undefined);
  }

  /**
   * A worker failed before answering: `ready` rejects with a `WorkerStartError`. Returns that error if this was the
   * last failure in a row allowed (the pool gives up and `broken` is set), undefined if the pool tries again.
   */
  failed(reason: string): WorkerStartError | undefined {
    const error = new WorkerStartError(this.script, reason);
    this.#settle(error);
    if (++this.#consecutiveFailures < this.maxFailures) return undefined;
    this.broken = error;
    return error;
  }

  /** The pool shut down: `ready` rejects with `PoolClosedError` if it had not settled. */
  close(): void {
    this.#settle(new PoolClosedError());
  }
}
