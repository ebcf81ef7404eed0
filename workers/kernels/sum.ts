/**
 * Sum of i² for i in [start, end), in unsigned 32-bit arithmetic (modulo 2³²).
 *
 * Why modulo 2³²: the true sum for N = 2·10⁹ is about 2.7·10²⁷, far beyond a double's 2⁵³ of exact integers.
 * Integer addition modulo 2³² is associative and commutative, so any split of the range merges to the same bits.
 * `Math.imul` multiplies modulo 2³² and `| 0` keeps the accumulator a 32-bit integer, which V8 keeps in a register.
 */
export function sumSquaresMod32(start: number, end: number): number {
  assertRange(start, end);
  let acc = 0;
  for (let from = start; from < end; from += BLOCK) acc = (acc + sumBlock(from | 0, Math.min(BLOCK, end - from))) | 0;
  return acc >>> 0;
}

/**
 * Blocks of 2²⁰ terms in a small function with int32 counters: one long loop over doubles (indices reach 4·10⁹)
 * is entered through V8's on-stack replacement and runs about 17× slower (5.7 against 0.34 ns a term, issue 15).
 */
const BLOCK = 1 << 20;

/** Σ i² mod 2³² for `count` terms from `first`, given as its low 32 bits: `| 0` wraps exactly like the index. */
function sumBlock(first: number, count: number): number {
  let acc = 0;
  for (let k = 0; k < count; k++) {
    const i = (first + k) | 0;
    acc = (acc + Math.imul(i, i)) | 0;
  }
  return acc;
}

/** Adds two partial sums modulo 2³². */
export function addMod32(a: number, b: number): number {
  return (a + b) >>> 0;
}

/** The largest N the kernel accepts: indices must stay below 2³² for `Math.imul` to see them exactly. */
export const MAX_SUM_N = 4_000_000_000;

/** Throws a RangeError unless [start, end) is a range of whole numbers the kernels accept. */
export function assertRange(start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > MAX_SUM_N) {
    throw new RangeError(`sum range must be integers with 0 ≤ start ≤ end ≤ ${MAX_SUM_N}, got [${start}, ${end})`);
  }
}
