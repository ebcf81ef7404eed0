import { sumSquaresSimd } from './sumSimd';

/**
 * Σ i² for i in [start, end), modulo 2³², as workers/kernels/sum.ts. Indices are u32 (the task's N reaches 4·10⁹),
 * and u32 multiplication wraps exactly like `Math.imul`. The SIMD module (ASC_FEATURE_SIMD, a compile-time
 * constant) sums whole steps of sixteen terms in vector lanes and leaves the tail to the scalar loop.
 */
export function sumSquaresMod32(start: u32, end: u32): u32 {
  let acc: u32 = 0;
  let i = start;
  if (ASC_FEATURE_SIMD) {
    const steps = (end - start) >> 4;
    acc = sumSquaresSimd(start, steps);
    i += steps << 4;
  }
  for (; i < end; i++) acc += i * i;
  return acc;
}
