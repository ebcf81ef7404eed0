/**
 * A mutex on one Int32 word (0 free, 1 locked, 2 locked and someone may be waiting), after Drepper's "Futexes Are
 * Tricky". Taking a free lock is one compareExchange; a taken lock sleeps in `Atomics.wait` instead of spinning.
 * The page's main thread may not call `Atomics.wait`, so there (`canWait` false) a taken lock is spun on: the
 * critical sections it guards are a few loads and stores long.
 */
export function lockWord(words: Int32Array, index: number, canWait: boolean): void {
  let state = Atomics.compareExchange(words, index, 0, 1);
  if (state === 0) return;
  if (!canWait) {
    while (Atomics.compareExchange(words, index, 0, 2) !== 0) {
      // spin: the holder is a worker in a section of a few instructions
    }
    return;
  }
  if (state !== 2) state = Atomics.exchange(words, index, 2);
  while (state !== 0) {
    Atomics.wait(words, index, 2);
    state = Atomics.exchange(words, index, 2);
  }
}

export function unlockWord(words: Int32Array, index: number): void {
  if (Atomics.sub(words, index, 1) !== 1) {
    Atomics.store(words, index, 0);
    Atomics.notify(words, index, 1);
  }
}
