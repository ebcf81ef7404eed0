/**
 * A first-in first-out queue with O(1) `push` and `shift` (an array's `shift` moves every element): a ring buffer
 * whose capacity doubles when full. A steady stream of push-then-shift allocates nothing.
 */
export class Fifo<T> {
  #items: (T | undefined)[] = new Array<T | undefined>(16).fill(undefined);
  #head = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(item: T): void {
    if (this.#length === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#length++) & (this.#items.length - 1)] = item;
  }

  /** The oldest item, left in place. */
  peek(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[this.#head];
  }

  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined; // let the item be collected
    this.#head = (this.#head + 1) & (this.#items.length - 1);
    this.#length--;
    return item;
  }

  /** The items in order, oldest first. */
  *[Symbol.iterator](): Iterator<T> {
    const mask = this.#items.length - 1;
    for (let i = 0; i < this.#length; i++) yield this.#items[(this.#head + i) & mask] as T;
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#head = 0;
    this.#length = 0;
  }

  /** Doubles the capacity (a power of two, so that a mask wraps indices), unrolling the ring to start at 0. */
  #grow(): void {
    const items = [...this] as (T | undefined)[];
    const capacity = this.#items.length * 2;
    items.length = capacity;
    this.#items = items.fill(undefined, this.#length);
    this.#head = 0;
  }
}
