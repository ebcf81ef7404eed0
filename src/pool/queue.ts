import { Fifo } from './fifo';
import type { Item } from './item';

/**
 * The submissions waiting for a worker: one shared queue that any idle worker takes from (the dynamic schedule),
 * and one per slot for the items pinned to it (static and cyclic). A cancelled item stays in its queue, settled,
 * until it reaches the head and is dropped.
 */
export class SubmissionQueue {
  readonly #shared = new Fifo<Item>();
  readonly #pinned: Fifo<Item>[];

  constructor(slots: number) {
    this.#pinned = Array.from({ length: slots }, () => new Fifo<Item>());
  }

  /** Queues an item for slot `worker`, or for any slot. */
  push(item: Item, worker: number | undefined): void {
    (worker === undefined ? this.#shared : this.#pinned[worker]!).push(item);
  }

  /** True if a live item waits that slot `slot` could take. */
  hasWork(slot: number): boolean {
    return this.#next(slot) !== undefined;
  }

  /** Takes the next live item for slot `slot`: its pinned ones first, then the shared ones. */
  take(slot: number): Item | undefined {
    return this.#next(slot)?.shift();
  }

  /** Every queued item (settled ones included), shared queue first. */
  *[Symbol.iterator](): Iterator<Item> {
    for (const queue of [this.#shared, ...this.#pinned]) yield* queue;
  }

  clear(): void {
    this.#shared.clear();
    for (const queue of this.#pinned) queue.clear();
  }

  #next(slot: number): Fifo<Item> | undefined {
    const pinned = this.#pinned[slot]!;
    return headLive(pinned) ? pinned : headLive(this.#shared) ? this.#shared : undefined;
  }
}

/** Drops settled (cancelled) items from the head of a queue; true if a live one is left at its head. */
function headLive(queue: Fifo<Item>): boolean {
  while (queue.peek()?.state === 'settled') queue.shift();
  return queue.length > 0;
}
