/**
 * Σ i² for i in [start, end), modulo 2³², as workers/kernels/sum.ts. Indices are u32 (the task's N reaches 4·10⁹),
 * and u32 multiplication wraps exactly like `Math.imul`.
 */
export function sumSquaresMod32(start: u32, end: u32): u32 {
  let acc: u32 = 0;
  for (let i = start; i < end; i++) acc += i * i;
  return acc;
}
