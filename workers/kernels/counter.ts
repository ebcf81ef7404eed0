/**
 * The lost-update experiment: k workers increment counters in one SharedArrayBuffer, in different ways. The buffer
 * is an Int32Array laid out in 64-byte lines (16 words), so that "same line" and "separate lines" mean what they say:
 *
 *   line 0: word 0 the start barrier, word 1 the lock
 *   line 1: the shared counter (word 16), and for `adjacent` worker w's own word 16 + w (all in one line for k ≤ 16)
 *   line 1 + w: for `padded`, worker w's own word, 64 bytes from its neighbours'
 */
export const COUNTING_WAYS = ['plain', 'atomic', 'lock', 'private', 'adjacent', 'padded'] as const;
export type CountingWay = (typeof COUNTING_WAYS)[number];

const LINE_WORDS = 16;
const BARRIER = 0;
const LOCK = 1;
export const COUNTER = LINE_WORDS;
/** Workers that fit in one 64-byte line with one word each: the most the `adjacent` way can place there. */
export const MAX_COUNTING_WORKERS = LINE_WORDS;
/** How long a worker waits at the start barrier for the others before giving up, so nothing can hang for ever. */
const BARRIER_TIMEOUT_MS = 10_000;

/** The buffer size for k workers: the barrier line, the counter line, one line per worker for `padded`. */
export function counterBufferBytes(workers: number): number {
  return (2 + workers) * LINE_WORDS * Int32Array.BYTES_PER_ELEMENT;
}

/** The word that worker w increments. */
export function counterWord(way: CountingWay, worker: number): number {
  if (way === 'adjacent') return COUNTER + worker;
  if (way === 'padded') return COUNTER + LINE_WORDS * (worker + 1);
  return COUNTER;
}

/** The final count: the shared counter, or the sum of every worker's own word. */
export function readCount(buffer: SharedArrayBuffer, way: CountingWay, workers: number): number {
  const words = new Int32Array(buffer);
  let total = 0;
  for (let w = 0; w < (way === 'adjacent' || way === 'padded' ? workers : 1); w++) {
    total += Atomics.load(words, counterWord(way, w));
  }
  return total;
}

export interface CountTiming {
  /** When this worker passed the barrier and finished counting, in ms since the Unix epoch (comparable across workers). */
  startedAt: number;
  finishedAt: number;
}

const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Worker `worker` of `workers` adds 1 to its counter `m` times, the way `way` says. All workers first meet at a
 * barrier, so that they count at the same time (otherwise the first could finish before the last one starts).
 * Runs in a worker: the barrier and the lock use `Atomics.wait`, which the page's main thread may not call.
 */
export function countShared(
  buffer: SharedArrayBuffer,
  way: CountingWay,
  worker: number,
  workers: number,
  m: number,
): CountTiming {
  if (!(buffer instanceof SharedArrayBuffer)) throw new TypeError('countShared needs a SharedArrayBuffer');
  if (!COUNTING_WAYS.includes(way)) throw new RangeError(`unknown counting way "${String(way)}"`);
  if (!Number.isInteger(m) || m < 0) throw new RangeError(`m must be a whole number ≥ 0, got ${m}`);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_COUNTING_WORKERS) {
    throw new RangeError(`workers must be from 1 to ${MAX_COUNTING_WORKERS}, got ${workers}`);
  }
  const words = new Int32Array(buffer);
  if (words.length < counterBufferBytes(workers) / 4) throw new RangeError('the buffer is too small for the workers');
  const word = counterWord(way, worker);

  meetAtBarrier(words, workers);
  const startedAt = wallClock();
  switch (way) {
    case 'plain':
      // Read, add, write: three steps another worker can slip between, so its increment is overwritten (lost).
      for (let i = 0; i < m; i++) words[word] = words[word]! + 1;
      break;
    case 'lock':
      for (let i = 0; i < m; i++) {
        lock(words);
        words[word] = words[word]! + 1;
        unlock(words);
      }
      break;
    case 'private': {
      // Count in a local variable (a register), touch shared memory once: no contention at all.
      let local = 0;
      for (let i = 0; i < m; i++) local++;
      Atomics.add(words, word, local);
      break;
    }
    default:
      // atomic, adjacent, padded: one indivisible read-modify-write per increment.
      for (let i = 0; i < m; i++) Atomics.add(words, word, 1);
  }
  return { startedAt, finishedAt: wallClock() };
}

function meetAtBarrier(words: Int32Array, workers: number): void {
  let arrived = Atomics.add(words, BARRIER, 1) + 1;
  if (arrived >= workers) {
    Atomics.notify(words, BARRIER);
    return;
  }
  const deadline = Date.now() + BARRIER_TIMEOUT_MS;
  while (arrived < workers) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`only ${arrived} of ${workers} workers reached the start barrier`);
    Atomics.wait(words, BARRIER, arrived, left);
    arrived = Atomics.load(words, BARRIER);
  }
}

/**
 * A mutex on one word (0 free, 1 locked, 2 locked and someone may be waiting), after Drepper's "Futexes Are Tricky".
 * Taking a free lock is one compareExchange; a taken lock puts the worker to sleep in `Atomics.wait` instead of
 * spinning, and `unlock` wakes one sleeper only when there may be one.
 */
export function lock(words: Int32Array): void {
  let state = Atomics.compareExchange(words, LOCK, 0, 1);
  if (state === 0) return;
  if (state !== 2) state = Atomics.exchange(words, LOCK, 2);
  while (state !== 0) {
    Atomics.wait(words, LOCK, 2);
    state = Atomics.exchange(words, LOCK, 2);
  }
}

export function unlock(words: Int32Array): void {
  if (Atomics.sub(words, LOCK, 1) !== 1) {
    Atomics.store(words, LOCK, 0);
    Atomics.notify(words, LOCK, 1);
  }
}
