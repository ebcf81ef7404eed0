import { Op, PING, type Reply, type Request } from './protocol';

/** The compute worker's source file, as start-up errors name it (the built app serves it under a hashed name). */
export const COMPUTE_WORKER_SCRIPT = 'workers/compute.worker.ts';

/**
 * The compute worker, as a module worker. Vite bundles it only because the URL is written out inside `new Worker`:
 * a URL kept in a constant would be shipped as a plain asset, not built as a worker.
 */
export function spawnComputeWorker(): Worker {
  return new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), { type: 'module', name: 'compute' });
}

/**
 * - `down`: no worker (not started yet, or its start failed); the pool starts one when there is work for it.
 * - `starting`: a worker was made and asked to answer; it has not yet.
 * - `up`: the worker answered; it can take chunks.
 * - `syncing`: the worker is up, but an answer about a chunk that was settled without it may still come (see
 *   `resync`); it takes no chunk until it has answered a ping again.
 * - `closed`: the pool was shut down; this slot makes no more workers.
 */
export type SlotState = 'down' | 'starting' | 'up' | 'syncing' | 'closed';

/** What a slot tells its pool. Each is called with the slot whose worker it concerns. */
export interface SlotEvents<Running> {
  /** The worker answered its first message. */
  up(slot: WorkerSlot<Running>): void;
  /** The worker failed before answering (`started` false: a start-up failure) or after (a crash). */
  failed(slot: WorkerSlot<Running>, reason: string, started: boolean): void;
  /** A reply to a chunk, or the worker's report that it could not read one. */
  reply(slot: WorkerSlot<Running>, reply: Reply): void;
  /** A reply arrived that the page could not deserialize (`messageerror`). */
  unreadable(slot: WorkerSlot<Running>): void;
}

/**
 * One place in the pool: at most one worker, and the chunk it is running. Replacing the worker keeps the place, so
 * traces keep one lane per slot. The slot is the worker's only listener (one object for its three event types), and
 * it removes itself on terminate, so a terminated worker holds nothing of the pool.
 */
export class WorkerSlot<Running = unknown> {
  state: SlotState = 'down';
  /** The chunk this slot is running, owned by the pool. */
  running: Running | undefined = undefined;
  #worker: Worker | undefined;
  #startTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly index: number,
    private readonly createWorker: () => Worker,
    private readonly events: SlotEvents<Running>,
    /** A worker that has not answered within this many ms is a start-up failure (a load that hangs). */
    private readonly startTimeout = Infinity,
  ) {}

  /** Makes a worker and asks it to answer. A `createWorker` that throws is a start-up failure like any other. */
  start(): void {
    if (this.state === 'closed') return;
    this.terminate();
    this.state = 'starting';
    let worker: Worker;
    try {
      worker = this.createWorker();
      worker.addEventListener('message', this);
      worker.addEventListener('error', this);
      worker.addEventListener('messageerror', this);
      this.#worker = worker;
      worker.postMessage(PING);
      if (this.startTimeout !== Infinity) {
        this.#startTimer = setTimeout(() => {
          this.terminate();
          this.events.failed(this, `it did not answer within ${this.startTimeout} ms`, false);
        }, this.startTimeout);
      }
    } catch (error) {
      this.terminate();
      this.events.failed(this, error instanceof Error ? `${error.name}: ${error.message}` : String(error), false);
    }
  }

  /** Posts a request; throws (a `DataCloneError`) if it cannot be cloned, in which case the worker got nothing. */
  post(request: Request, transfer: Transferable[] | undefined): void {
    if (transfer) this.#worker!.postMessage(request, transfer);
    else this.#worker!.postMessage(request);
  }

  /**
   * After the page settled the worker's chunk without its answer (the page could not read a message): the worker
   * answers in order, so its answer to a new ping comes after any answer still on its way, and everything before
   * that is dropped. Answers carry no chunk ids (protocol.ts), so this is what keeps a late one from settling the
   * next chunk.
   */
  resync(): void {
    if (this.state !== 'up') return;
    this.state = 'syncing';
    this.#worker!.postMessage(PING);
  }

  /** Terminates the worker (whatever it is doing), if any, and lets go of it. */
  terminate(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    clearTimeout(this.#startTimer);
    this.#startTimer = undefined;
    if (this.state !== 'closed') this.state = 'down';
    if (!worker) return;
    worker.removeEventListener('message', this);
    worker.removeEventListener('error', this);
    worker.removeEventListener('messageerror', this);
    worker.terminate();
  }

  /** Terminates the worker and makes no more. */
  close(): void {
    this.terminate();
    this.state = 'closed';
  }

  /** The single listener of the worker's `message`, `error` and `messageerror` events. */
  handleEvent(event: Event): void {
    if (event.type === 'message') {
      const reply = (event as MessageEvent<Reply>).data;
      if (this.state === 'up') return this.events.reply(this, reply);
      // Starting or syncing: only the answer to the ping counts.
      if (!Array.isArray(reply) || reply[0] !== Op.Pong) return;
      clearTimeout(this.#startTimer);
      this.#startTimer = undefined;
      this.state = 'up';
      this.events.up(this);
    } else if (event.type === 'error') {
      // Handled here: the page's console need not show it as uncaught, the pool reports it.
      event.preventDefault();
      const started = this.state === 'up' || this.state === 'syncing';
      const message = (event as ErrorEvent).message;
      this.terminate();
      this.events.failed(
        this,
        message ||
          (started
            ? 'it stopped with an error'
            : 'its script could not be loaded (missing, a network error, or blocked by a Content-Security-Policy or an extension)'),
        started,
      );
    } else if (event.type === 'messageerror') {
      this.events.unreadable(this);
    }
  }
}
