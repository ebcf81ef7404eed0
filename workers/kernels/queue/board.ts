import type { WaitHooks, WaitReason } from './sharedQueue';

/**
 * The status board: one row of Int32 words per worker in a SharedArrayBuffer, written by that worker and read by the
 * page for the live view (working / blocked on full / blocked on empty / done, items handled, time blocked). Plus a
 * few shared counters at the front for the run as a whole.
 */
export const WORKER_STATES = ['idle', 'working', 'blocked-full', 'blocked-empty', 'done'] as const;
export type WorkerState = (typeof WORKER_STATES)[number];

const ROW_WORDS = 4;
const STATE = 0;
const ITEMS = 1;
/** Time blocked so far, in microseconds (2³¹ µs is 35 minutes: beyond any run's time limit). */
const BLOCKED_US = 2;
/** Shared words before the rows: the finish-order counter and the countdown of stages still sending. */
const FINISHED = 0;
const SENDERS = 1;
const HEADER = 4;

export function boardBytes(workers: number): number {
  return (HEADER + workers * ROW_WORDS) * Int32Array.BYTES_PER_ELEMENT;
}

export interface WorkerRow {
  state: WorkerState;
  items: number;
  blockedMs: number;
}

export class Board {
  readonly #words: Int32Array;
  readonly workers: number;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.#words = new Int32Array(buffer);
    this.workers = Math.floor((this.#words.length - HEADER) / ROW_WORDS);
  }

  static create(workers: number): Board {
    return new Board(new SharedArrayBuffer(boardBytes(workers)));
  }

  setState(worker: number, state: WorkerState): void {
    Atomics.store(this.#words, HEADER + worker * ROW_WORDS + STATE, WORKER_STATES.indexOf(state));
  }

  countItem(worker: number): void {
    Atomics.add(this.#words, HEADER + worker * ROW_WORDS + ITEMS, 1);
  }

  addBlocked(worker: number, ms: number): void {
    Atomics.add(this.#words, HEADER + worker * ROW_WORDS + BLOCKED_US, Math.round(ms * 1000));
  }

  /** The next place in the order items finish in, across all consumers. */
  nextFinished(): number {
    return Atomics.add(this.#words, FINISHED, 1);
  }

  /** Sets how many senders share one output channel; the last to finish closes it (Go's WaitGroup, then close). */
  setSenders(count: number): void {
    Atomics.store(this.#words, SENDERS, count);
  }

  /** One sender is done; true for the last one. */
  senderDone(): boolean {
    return Atomics.sub(this.#words, SENDERS, 1) === 1;
  }

  row(worker: number): WorkerRow {
    const base = HEADER + worker * ROW_WORDS;
    return {
      state: WORKER_STATES[Atomics.load(this.#words, base + STATE)] ?? 'idle',
      items: Atomics.load(this.#words, base + ITEMS),
      blockedMs: Atomics.load(this.#words, base + BLOCKED_US) / 1000,
    };
  }

  rows(): WorkerRow[] {
    return Array.from({ length: this.workers }, (_, w) => this.row(w));
  }

  /** Queue hooks that show worker `worker` as blocked while it sleeps, time the sleep, and show it working after. */
  hooksFor(worker: number): WaitHooks {
    let since = 0;
    return {
      onWait: (reason: WaitReason) => {
        since = performance.now();
        this.setState(worker, reason === 'empty' ? 'blocked-empty' : 'blocked-full');
      },
      onWake: () => {
        this.addBlocked(worker, performance.now() - since);
        this.setState(worker, 'working');
      },
    };
  }
}
