import { lockWord, unlockWord } from './mutex';
import {
  ABORTED,
  ARRIVED,
  CAPACITY,
  CLOSED,
  HEAD,
  HEADER_WORDS,
  LEFT,
  LOCK,
  SLEEPERS,
  TAIL,
  UNFINISHED,
  checkCapacity,
  sharedQueueBytes,
} from './queueLayout';
import {
  QueueAbortedError,
  QueueClosedError,
  QueueTimeoutError,
  type QueueSnapshot,
  type Received,
  type SharedQueueOptions,
  type WaitHooks,
  type WaitReason,
} from './queueTypes';

export { MAX_CAPACITY, SENTINEL, sharedQueueBytes } from './queueLayout';
export * from './queueTypes';

/**
 * A bounded FIFO queue of Int32 items living in one SharedArrayBuffer, shared by any number of workers: Python's
 * `queue.Queue` / `multiprocessing.JoinableQueue` (put, get, task_done, join) and Go's channel (close, range) in one.
 *
 * Layout (see queueLayout.ts): a header, then a ring of slots. Each item has a ticket (its `tail` at put time) that
 * says where it stands in the one order the queue hands items out.
 *
 * Waiting uses sequence words as condition variables: a waiter reads the word under the lock, releases the lock and
 * sleeps on "the word still has that value"; whoever changes the state bumps the word and notifies. A change that
 * lands between the unlock and the sleep changes the word, so the sleep returns at once: no lost wake-up.
 *
 * Capacity 0 is Go's unbuffered channel, a rendezvous: the item waits in the one slot, and `put` returns only once
 * a receiver has taken it.
 */
export class SharedQueue {
  readonly buffer: SharedArrayBuffer;
  readonly capacity: number;
  readonly #words: Int32Array;
  readonly #slots: number;
  readonly #canWait: boolean;
  readonly #hooks: WaitHooks | undefined;

  /** Makes a new, empty queue in a fresh buffer. */
  static create(capacity: number, options: SharedQueueOptions = {}): SharedQueue {
    const buffer = new SharedArrayBuffer(sharedQueueBytes(capacity));
    new Int32Array(buffer)[CAPACITY] = capacity;
    return new SharedQueue(buffer, options);
  }

  /** Attaches to a queue made elsewhere (in another worker or the page), from its buffer. */
  constructor(buffer: SharedArrayBuffer, options: SharedQueueOptions = {}) {
    if (!(buffer instanceof SharedArrayBuffer)) throw new TypeError('a SharedQueue needs a SharedArrayBuffer');
    this.buffer = buffer;
    this.#words = new Int32Array(buffer);
    this.capacity = Atomics.load(this.#words, CAPACITY);
    checkCapacity(this.capacity);
    this.#slots = Math.max(this.capacity, 1);
    if (this.#words.length < HEADER_WORDS + this.#slots) throw new RangeError('the buffer is too small for its queue');
    this.#canWait = options.canWait ?? true;
    this.#hooks = options.hooks;
  }

  /**
   * Puts one item; blocks while the queue is full (backpressure), and with capacity 0 until a receiver took it.
   * Returns the item's ticket. Throws QueueClosedError on a closed queue, QueueTimeoutError after `timeoutMs`.
   */
  put(item: number, timeoutMs = Infinity): number {
    this.#needWait('put');
    const words = this.#words;
    const deadline = Date.now() + timeoutMs;
    this.#lock();
    while (Atomics.load(words, CLOSED) === 0 && this.#length() >= this.#slots) {
      this.#sleep(LEFT, 'full', deadline, 'put');
    }
    const ticket = this.#insert(item);
    if (this.capacity === 0) {
      // The rendezvous: wait, lock released, until a receiver has moved head past our item.
      while (Atomics.load(words, HEAD) <= ticket && Atomics.load(words, CLOSED) === 0) {
        this.#sleep(LEFT, 'receiver', deadline, 'put');
      }
    }
    this.#unlock();
    return ticket;
  }

  /** Puts one item if there is room now; returns its ticket, or -1 when full. Never blocks. */
  tryPut(item: number): number {
    this.#lock();
    if (Atomics.load(this.#words, CLOSED) === 0 && this.#length() >= this.#slots) {
      this.#unlock();
      return -1;
    }
    const ticket = this.#insert(item);
    this.#unlock();
    return ticket;
  }

  /** Takes the oldest item; blocks while the queue is empty. Done once the queue is closed and drained. */
  get(timeoutMs = Infinity): Received {
    this.#needWait('get');
    const deadline = Date.now() + timeoutMs;
    this.#lock();
    while (this.#length() === 0 && Atomics.load(this.#words, CLOSED) === 0) {
      this.#sleep(ARRIVED, 'empty', deadline, 'get');
    }
    const received = this.#take();
    this.#unlock();
    return received;
  }

  /** Takes the oldest item if there is one now; null when empty and open. Never blocks. */
  tryGet(): Received | null {
    this.#lock();
    const received = this.#length() === 0 && Atomics.load(this.#words, CLOSED) === 0 ? null : this.#take();
    this.#unlock();
    return received;
  }

  /** Marks one item taken with `get` as processed (Python's `task_done`). */
  taskDone(): void {
    const left = Atomics.sub(this.#words, UNFINISHED, 1) - 1;
    if (left < 0) {
      Atomics.add(this.#words, UNFINISHED, 1);
      throw new RangeError('taskDone() called more times than there were items');
    }
    if (left === 0) Atomics.notify(this.#words, UNFINISHED);
  }

  /** Blocks until every item ever put has been marked done (in a worker). */
  join(timeoutMs = Infinity): void {
    this.#needWait('join');
    const deadline = Date.now() + timeoutMs;
    let unfinished: number;
    while ((unfinished = Atomics.load(this.#words, UNFINISHED)) !== 0) {
      if (this.aborted) throw new QueueAbortedError();
      const left = deadline - Date.now();
      if (left <= 0) throw new QueueTimeoutError('join');
      this.#hooks?.onWait('join');
      Atomics.wait(this.#words, UNFINISHED, unfinished, left);
      this.#hooks?.onWake('join');
    }
  }

  /** Resolves when every item ever put has been marked done: the page's `join`, which must not block. */
  async joinAsync(): Promise<void> {
    let unfinished: number;
    while ((unfinished = Atomics.load(this.#words, UNFINISHED)) !== 0) {
      if (this.aborted) throw new QueueAbortedError();
      const result = Atomics.waitAsync(this.#words, UNFINISHED, unfinished, 50);
      if (result.async) await result.value;
    }
  }

  /** No more puts: getters drain what is left, then get done (Go's `close(ch)`). Wakes every sleeper. */
  close(): void {
    this.#lock();
    Atomics.store(this.#words, CLOSED, 1);
    this.#bump(ARRIVED);
    this.#bump(LEFT);
    this.#unlock();
  }

  /** Stops everything: every call now throws QueueAbortedError, and every sleeper wakes to throw it. */
  abort(): void {
    Atomics.store(this.#words, ABORTED, 1);
    for (const word of [ARRIVED, LEFT]) Atomics.add(this.#words, word, 1);
    for (const word of [ARRIVED, LEFT, UNFINISHED, LOCK]) Atomics.notify(this.#words, word);
  }

  get aborted(): boolean {
    return Atomics.load(this.#words, ABORTED) === 1;
  }

  get closed(): boolean {
    return Atomics.load(this.#words, CLOSED) === 1;
  }

  /** The items, taken in order until the queue is closed and drained: Go's `for v := range ch`. */
  *[Symbol.iterator](): Iterator<number> {
    for (;;) {
      const received = this.get();
      if (received.done) return;
      yield received.value;
    }
  }

  snapshot(): QueueSnapshot {
    const words = this.#words;
    const head = Atomics.load(words, HEAD);
    const tail = Atomics.load(words, TAIL);
    return {
      capacity: this.capacity,
      head,
      tail,
      length: Math.max(0, tail - head),
      unfinished: Atomics.load(words, UNFINISHED),
      closed: Atomics.load(words, CLOSED) === 1,
    };
  }

  /** Which ring slots hold an item now, for drawing the buffer (read without the lock: a picture, not a proof). */
  occupiedSlots(): boolean[] {
    const { head, tail } = this.snapshot();
    const occupied = new Array<boolean>(this.#slots).fill(false);
    for (let t = head; t < tail && t - head < this.#slots; t++) occupied[t % this.#slots] = true;
    return occupied;
  }

  #length(): number {
    return Atomics.load(this.#words, TAIL) - Atomics.load(this.#words, HEAD);
  }

  /** Under the lock, with room (or closed): stores the item and wakes getters. */
  #insert(item: number): number {
    const words = this.#words;
    if (Atomics.load(words, CLOSED) === 1) {
      this.#unlock();
      throw new QueueClosedError();
    }
    const ticket = Atomics.load(words, TAIL);
    Atomics.store(words, HEADER_WORDS + (ticket % this.#slots), item);
    Atomics.store(words, TAIL, ticket + 1);
    Atomics.add(words, UNFINISHED, 1);
    this.#bump(ARRIVED);
    return ticket;
  }

  /** Under the lock, with an item (or closed and empty): takes it and wakes putters. */
  #take(): Received {
    const words = this.#words;
    if (this.#length() === 0) return { done: true };
    const ticket = Atomics.load(words, HEAD);
    const value = Atomics.load(words, HEADER_WORDS + (ticket % this.#slots));
    Atomics.store(words, HEAD, ticket + 1);
    this.#bump(LEFT);
    return { done: false, value, ticket };
  }

  /** Under the lock: changes the word sleepers wait on, and wakes them if there are any. */
  #bump(word: number): void {
    Atomics.add(this.#words, word, 1);
    if (Atomics.load(this.#words, SLEEPERS[word]!) > 0) Atomics.notify(this.#words, word);
  }

  /** Called with the lock held; returns with it held, after one sleep on `word` (or a change already made). */
  #sleep(word: number, reason: WaitReason, deadline: number, operation: string): void {
    const seen = Atomics.load(this.#words, word);
    const left = deadline - Date.now();
    if (left <= 0) {
      this.#unlock();
      throw new QueueTimeoutError(operation);
    }
    // Counted as asleep before the lock is released, so a bump after the release is sure to notify.
    Atomics.add(this.#words, SLEEPERS[word]!, 1);
    this.#unlock();
    this.#hooks?.onWait(reason);
    Atomics.wait(this.#words, word, seen, left);
    Atomics.sub(this.#words, SLEEPERS[word]!, 1);
    this.#hooks?.onWake(reason);
    this.#lock();
  }

  #needWait(operation: string): void {
    if (!this.#canWait) {
      throw new TypeError(`${operation} may block, and this thread may not wait: use the try… or async calls`);
    }
  }

  /** Takes the lock; on an aborted queue, releases it again and throws. */
  #lock(): void {
    lockWord(this.#words, LOCK, this.#canWait);
    if (Atomics.load(this.#words, ABORTED) === 1) {
      this.#unlock();
      throw new QueueAbortedError();
    }
  }

  #unlock(): void {
    unlockWord(this.#words, LOCK);
  }
}
