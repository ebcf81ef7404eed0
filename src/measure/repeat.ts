/**
 * The one measuring loop behind every sweep (worker counts, chunk sizes, data modes): at each point, one discarded
 * warm-up run then the timed repetitions; every result compared with the first one of the whole sweep, a mismatch
 * reported and never dropped; cancellation honoured between runs and while workers start.
 */
import { CHUNK_TIME_LIMIT_MS } from './sweepProgress';
import { CancelledError, createPool, type Pool, type PoolOptions } from '../pool';

/** What one run gives the loop: the value to check and the time it took. */
export interface Timed<R> {
  value: R;
  ms: number;
}

/** The first result of a sweep, which every later one must equal. */
export class Reference<R> {
  #first: { value: R } | undefined;

  constructor(
    private readonly equal: (a: R, b: R) => boolean,
    /** Copies a value that a later run would overwrite (results in shared memory). */
    private readonly keep: (value: R) => R = (value) => value,
  ) {}

  /** Whether `value` equals the reference; the first value checked becomes it. */
  check(value: R): boolean {
    if (!this.#first) {
      this.#first = { value: this.keep(value) };
      return true;
    }
    return this.equal(this.#first.value, value);
  }

  get value(): R {
    if (!this.#first) throw new Error('no run has finished yet');
    return this.#first.value;
  }
}

export interface RepeatOptions<R, T extends Timed<R>> {
  repetitions: number;
  reference: Reference<R>;
  /** One run; repetition 0 is the warm-up. */
  run: (repetition: number) => Promise<T>;
  /** After every run, warm-up included, with whether it equalled the reference. */
  onRun?: (run: T, repetition: number, matches: boolean) => void;
  signal?: AbortSignal | undefined;
}

/** One point of a sweep: the warm-up, then the timed runs (returned), and whether all of them matched. */
export async function repeat<R, T extends Timed<R>>({
  repetitions,
  reference,
  run,
  onRun,
  signal,
}: RepeatOptions<R, T>): Promise<{ timed: T[]; matches: boolean }> {
  checkRepetitions(repetitions);
  const timed: T[] = [];
  let matches = true;
  for (let repetition = 0; repetition <= repetitions; repetition++) {
    if (signal?.aborted) throw new CancelledError();
    const result = await run(repetition);
    const same = reference.check(result.value);
    matches &&= same;
    if (repetition > 0) timed.push(result);
    onRun?.(result, repetition, same);
  }
  return { timed, matches };
}

export function checkRepetitions(repetitions: number): void {
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new RangeError('repetitions must be ≥ 1');
}

/** The worker counts of a sweep in order, with the 1-worker baseline that every speedup is measured against. */
export function withBaseline(workerCounts: readonly number[]): number[] {
  const counts = [...new Set([1, ...workerCounts])].sort((a, b) => a - b);
  if (counts.some((count) => !Number.isInteger(count) || count < 1))
    throw new RangeError('worker counts must be whole numbers ≥ 1');
  return counts;
}

/**
 * Runs `use` with a fresh pool of `size` workers once they have all started (how long that took is handed over),
 * and shuts the pool down however it ends. A cancel while the workers start ends the wait at once.
 */
export async function withPool<T>(
  size: number,
  use: (pool: Pool, spawnMs: number) => Promise<T>,
  { signal, createPool: makePool = createPool }: { signal?: AbortSignal | undefined; createPool?: MakePool } = {},
): Promise<T> {
  if (signal?.aborted) throw new CancelledError();
  const pool = makePool({ size, timeout: CHUNK_TIME_LIMIT_MS });
  try {
    return await use(pool, await pool.whenReady(signal));
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
}

/** Like withPool, with a started pool for each of `sizes` at once (started one after another, in that order). */
export function withPools<T>(
  sizes: readonly number[],
  use: (pools: Pool[], spawnMs: number[]) => Promise<T>,
  options: { signal?: AbortSignal | undefined; createPool?: MakePool | undefined } = {},
): Promise<T> {
  const [first, ...rest] = sizes;
  if (first === undefined) return use([], []);
  return withPool(
    first,
    (pool, spawnMs) => withPools(rest, (pools, spawns) => use([pool, ...pools], [spawnMs, ...spawns]), options),
    options,
  );
}

export type MakePool = (options: PoolOptions) => Pool;

export { CHUNK_TIME_LIMIT_MS } from './sweepProgress';
