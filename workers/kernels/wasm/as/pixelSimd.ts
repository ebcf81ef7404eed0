// Grayscale, Sobel's luma rows and invert with hand-written SIMD, called by grayscale, lumaRows and invert in
// image.ts in the SIMD module: the same arithmetic as the scalar code there, eight to sixteen pixels a step. Same
// bytes. Each returns the pixels done; the caller's scalar loop does the rest.
import { greenWeights, lowBytes, lumaOf, redBlueWeights, zeroOf } from './commonSimd';

/**
 * The luma of `count` pixels from `src`: as gray RGBA pixels with their alpha kept (`gray`, grayscale's output) or
 * as one byte a pixel (Sobel's luma rows). `gray` is a constant at each call.
 */
export function lumaSimd(src: usize, dst: usize, count: i32, gray: bool): i32 {
  // Every constant from a run-time zero: built once, kept in registers (see zeroOf).
  const zero = zeroOf(count);
  const low = lowBytes(zero);
  const rb = redBlueWeights(zero);
  const g = greenWeights(zero);
  const round = i32x4.splat(128 | zero);
  let i = 0;
  if (gray) {
    const alpha = i32x4.splat(0xff000000 | zero);
    // The luma (low byte of each i32 lane) copied to bytes 0–2 of its pixel, byte 3 zero (index ≥ 16 reads 0).
    const spread = i32x4(0xff000000 | zero, 0xff040404, 0xff080808, 0xff0c0c0c);
    for (; i + 8 <= count; i += 8) {
      const o = (<usize>i) << 2;
      const a = v128.load(src + o);
      const b = v128.load(src + o, 16);
      v128.store(dst + o, v128.or(v128.and(a, alpha), i8x16.swizzle(lumaOf(a, low, rb, g, round), spread)));
      v128.store(dst + o, v128.or(v128.and(b, alpha), i8x16.swizzle(lumaOf(b, low, rb, g, round), spread)), 16);
    }
    return i;
  }
  // Sixteen pixels a step: four vectors of i32 lanes narrowed to sixteen bytes.
  for (; i + 16 <= count; i += 16) {
    const p = src + ((<usize>i) << 2);
    const a = i16x8.narrow_i32x4_u(
      lumaOf(v128.load(p), low, rb, g, round),
      lumaOf(v128.load(p, 16), low, rb, g, round),
    );
    const b = i16x8.narrow_i32x4_u(
      lumaOf(v128.load(p, 32), low, rb, g, round),
      lumaOf(v128.load(p, 48), low, rb, g, round),
    );
    v128.store(dst + <usize>i, i8x16.narrow_i16x8_u(a, b));
  }
  return i;
}

export function invertSimd(src: usize, dst: usize, pixels: i32): i32 {
  const mask = i32x4.splat(0x00ffffff | zeroOf(pixels));
  let i = 0;
  for (; i + 4 <= pixels; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(dst + o, v128.xor(v128.load(src + o), mask));
  }
  return i;
}
