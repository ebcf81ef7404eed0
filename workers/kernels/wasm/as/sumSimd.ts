import { zeroOf } from './commonSimd';

/**
 * Σ i² modulo 2³² over the 16 · `steps` indices from `start`, sixteen terms a step in four i32x4 accumulators
 * (vector k holds the indices i + 4k … i + 4k + 3 of the step at i). No multiply in the loop: as a lane steps its
 * index by 16, (i + 16)² = i² + d with d = 32·i + 256, which itself grows by 512 a step (a 32-bit vector multiply
 * costs two micro-ops and ten cycles on x86). The four vectors' differences are d₀ + 128·k, so they share d₀: vector
 * k keeps pₖ = its squares − 128·k·t at step t, adds d₀ to it, and the missing Σₖ Σₜ 128·k·t (times four lanes:
 * 1536 · T(T − 1) over T steps) is added once at the end. Nine vector adds a step instead of twelve, and nine
 * vectors of state, which fit V8's registers where twelve did not. Lane sums wrap modulo 2³², and addition and
 * multiplication modulo 2³² are what the scalar kernel does, in any order: same bits.
 */
export function sumSquaresSimd(start: u32, steps: u32): u32 {
  let acc: u32 = 0;
  if (steps > 0) {
    const i0 = i32x4.add(i32x4.splat(start), i32x4(0, 1, 2, 3));
    const i1 = i32x4.add(i0, i32x4.splat(4));
    const i2 = i32x4.add(i0, i32x4.splat(8));
    const i3 = i32x4.add(i0, i32x4.splat(12));
    let p0 = i32x4.mul(i0, i0);
    let p1 = i32x4.mul(i1, i1);
    let p2 = i32x4.mul(i2, i2);
    let p3 = i32x4.mul(i3, i3);
    let d = i32x4.add(i32x4.shl(i0, 5), i32x4.splat(256));
    // From a run-time zero, so that V8 keeps it in a register (see zeroOf).
    const growth = i32x4.splat(512 | zeroOf(<i32>steps));
    let s0 = i32x4.splat(0);
    let s1 = i32x4.splat(0);
    let s2 = i32x4.splat(0);
    let s3 = i32x4.splat(0);
    for (let step: u32 = 0; step < steps; step++) {
      s0 = i32x4.add(s0, p0);
      s1 = i32x4.add(s1, p1);
      s2 = i32x4.add(s2, p2);
      s3 = i32x4.add(s3, p3);
      p0 = i32x4.add(p0, d);
      p1 = i32x4.add(p1, d);
      p2 = i32x4.add(p2, d);
      p3 = i32x4.add(p3, d);
      d = i32x4.add(d, growth);
    }
    const s = i32x4.add(i32x4.add(s0, s1), i32x4.add(s2, s3));
    acc =
      <u32>i32x4.extract_lane(s, 0) +
      <u32>i32x4.extract_lane(s, 1) +
      <u32>i32x4.extract_lane(s, 2) +
      <u32>i32x4.extract_lane(s, 3) +
      1536 * steps * (steps - 1);
  }
  return acc;
}
