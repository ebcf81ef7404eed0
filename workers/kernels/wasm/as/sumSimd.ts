/**
 * Σ i² modulo 2³², sixteen terms a step in four i32x4 accumulators. No multiply in the loop: each lane steps its
 * index by 16, and (i + 16)² = i² + d with d = 32·i + 256, which itself grows by 512 a step, so a lane keeps i² and
 * d and does three adds a step (a 32-bit vector multiply costs two micro-ops and ten cycles on x86). Lane sums wrap
 * modulo 2³², and addition and multiplication modulo 2³² are what the scalar kernel does, in any order: same bits.
 */
export function sumSquaresMod32(start: u32, end: u32): u32 {
  const steps = (end - start) >> 4;
  let acc: u32 = 0;
  if (steps > 0) {
    const base = i32x4.add(i32x4.splat(start), i32x4(0, 1, 2, 3));
    const i0 = base;
    const i1 = i32x4.add(base, i32x4.splat(4));
    const i2 = i32x4.add(base, i32x4.splat(8));
    const i3 = i32x4.add(base, i32x4.splat(12));
    let q0 = i32x4.mul(i0, i0);
    let q1 = i32x4.mul(i1, i1);
    let q2 = i32x4.mul(i2, i2);
    let q3 = i32x4.mul(i3, i3);
    const offset = i32x4.splat(256);
    let d0 = i32x4.add(i32x4.shl(i0, 5), offset);
    let d1 = i32x4.add(i32x4.shl(i1, 5), offset);
    let d2 = i32x4.add(i32x4.shl(i2, 5), offset);
    let d3 = i32x4.add(i32x4.shl(i3, 5), offset);
    const growth = i32x4.splat(512);
    let s0 = i32x4.splat(0);
    let s1 = i32x4.splat(0);
    let s2 = i32x4.splat(0);
    let s3 = i32x4.splat(0);
    for (let step: u32 = 0; step < steps; step++) {
      s0 = i32x4.add(s0, q0);
      s1 = i32x4.add(s1, q1);
      s2 = i32x4.add(s2, q2);
      s3 = i32x4.add(s3, q3);
      q0 = i32x4.add(q0, d0);
      q1 = i32x4.add(q1, d1);
      q2 = i32x4.add(q2, d2);
      q3 = i32x4.add(q3, d3);
      d0 = i32x4.add(d0, growth);
      d1 = i32x4.add(d1, growth);
      d2 = i32x4.add(d2, growth);
      d3 = i32x4.add(d3, growth);
    }
    const s = i32x4.add(i32x4.add(s0, s1), i32x4.add(s2, s3));
    acc =
      <u32>i32x4.extract_lane(s, 0) +
      <u32>i32x4.extract_lane(s, 1) +
      <u32>i32x4.extract_lane(s, 2) +
      <u32>i32x4.extract_lane(s, 3);
  }
  for (let i = start + (steps << 4); i < end; i++) acc += i * i;
  return acc;
}
