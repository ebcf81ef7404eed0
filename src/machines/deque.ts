/**
 * A double-ended queue of ids on one array and a head index: taking from the front is O(1) (an `Array.shift` is
 * O(n), which at thousands of jobs a second would dominate the broker), and the array is compacted when half of it
 * is spent.
 */
export class Deque<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  constructor(items: Iterable<T> = []) {
    this.#items = [...items];
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  pushBack(item: T): void {
    this.#items.push(item);
  }

  pushFront(item: T): void {
    if (this.#head > 0) this.#items[--this.#head] = item;
    else this.#items.unshift(item);
  }

  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  toArray(): T[] {
    return this.#items.slice(this.#head) as T[];
  }
}
