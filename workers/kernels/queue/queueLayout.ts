/**
 * The shared queue's memory layout, one Int32Array: header words (below), then `max(capacity, 1)` slots used as a
 * ring: item number t lives in slot t mod slots. `head` counts the items ever taken and `tail` the items ever put, so
 * `tail − head` is the length and each item has a ticket (its `tail` at put time).
 */
export const LOCK = 0;
export const HEAD = 1;
export const TAIL = 2;
export const CLOSED = 3;
/** Items put and not yet marked done (JoinableQueue's unfinished_tasks); join waits for 0. */
export const UNFINISHED = 4;
/** Bumped when an item arrives or the queue closes: wakes getters. */
export const ARRIVED = 5;
/** Bumped when an item leaves or the queue closes: wakes putters waiting for room or for their receiver. */
export const LEFT = 6;
export const CAPACITY = 7;
/** Set by `abort`: every call, waiting or not, throws at once. */
export const ABORTED = 8;
/** How many threads sleep on ARRIVED and on LEFT: a bump with nobody asleep skips the notify (a global lock in V8). */
export const SLEEPERS = { [ARRIVED]: 9, [LEFT]: 10 } as Record<number, number>;
export const HEADER_WORDS = 16;

/** The most slots a queue may have (the ring is 4 bytes per slot). */
export const MAX_CAPACITY = 1 << 20;

/**
 * The value a producer puts to tell one consumer to stop (Python's `None` sentinel). Items are Int32 values other
 * than this one.
 */
export const SENTINEL = -2147483648;

export function sharedQueueBytes(capacity: number): number {
  checkCapacity(capacity);
  return (HEADER_WORDS + Math.max(capacity, 1)) * Int32Array.BYTES_PER_ELEMENT;
}

export function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY) {
    throw new RangeError(`capacity must be a whole number from 0 to ${MAX_CAPACITY}, got ${capacity}`);
  }
}
