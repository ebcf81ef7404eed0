/**
 * Naive recursive Fibonacci, on purpose: it is the classic CPU-bound toy of the Python concurrency talks, with an
 * exponential cost (about φⁿ calls) and no memory traffic, so it measures pure computation.
 */
export function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/** The largest n accepted: fib(42) takes a few seconds in one worker; beyond that a batch stops being interactive. */
export const MAX_FIB_N = 42;

/** One chunk of the batch: fib of each n, in order ("map fib over a list"). */
export function fibBatch(ns: readonly number[]): number[] {
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_FIB_N) {
      throw new RangeError(`fib n must be an integer from 0 to ${MAX_FIB_N}, got ${n}`);
    }
  }
  return ns.map(fib);
}
