// Helpers shared by the SIMD kernels (Binaryen does not auto-vectorise, so the lanes are written by hand): the same
// integer arithmetic as common.ts, four pixels side by side.

/**
 * A zero the compiler cannot see: 0 for any count n ≥ 0 (the JavaScript side checks them). V8 builds a literal v128
 * constant again at every use inside a loop (a splat is three instructions, every iteration: grayscale ran a third
 * slower for it), while a vector made from a run-time value is built once, before the loop, and stays in a register.
 * So the kernels make their loop constants as `i32x4.splat(c | zero)`.
 */
export function zeroOf(n: i32): i32 {
  return n >>> 31;
}

/** The constant vectors of lumaOf, made once per call from a run-time zero (see zeroOf). */
export function lowBytes(zero: i32): v128 {
  return i16x8.splat(<i16>(0x00ff | zero));
}
export function redBlueWeights(zero: i32): v128 {
  return i32x4.splat(77 | (29 << 16) | zero);
}
export function greenWeights(zero: i32): v128 {
  return i32x4.splat(150 | zero);
}

/**
 * The luma of four RGBA pixels (one u32 lane each) + 128, in i32 lanes: 77·r + 150·g + 29·b + 128, so that the luma
 * is `>> 8` of it. Read as i16 lanes a pixel is (r | g << 8, b | a << 8): masking the low bytes gives (r, b),
 * shifting gives (g, a), and two pairwise multiply–adds (i32x4.dot_i16x8_s: one instruction, no 32-bit multiplies)
 * against (77, 29) and (150, 0) give 77·r + 29·b and 150·g per pixel. Every product is below 2¹⁵ · 2, so the signed
 * dot is exact. `low`, `rb`, `g` and `round` (128 per lane) are lowBytes, redBlueWeights, greenWeights and a splat.
 */
export function lumaOf(v: v128, low: v128, rb: v128, g: v128, round: v128): v128 {
  const y = i32x4.add(i32x4.dot_i16x8_s(v128.and(v, low), rb), i32x4.dot_i16x8_s(i16x8.shr_u(v, 8), g));
  return i32x4.shr_u(i32x4.add(y, round), 8);
}
