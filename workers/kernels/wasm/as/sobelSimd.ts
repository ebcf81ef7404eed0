// Sobel with hand-written SIMD, called by stencilRow in stencil.ts in the SIMD module (its luma rows: lumaSimd in
// pixelSimd.ts): the same integer arithmetic as the scalar code there, eight pixels side by side. Same bytes. Loop
// constants come from a run-time zero (see zeroOf in commonSimd.ts).
import { zeroOf } from './commonSimd';

/**
 * Magnitudes of four pixels from n = gx² + gy² (at most 2·1020²) in i32 lanes: round(√n) in f32, not yet capped at
 * 255. n < 2²⁴ is exact in f32, and for n ≤ 65 281 √n lies at least 0.25 / 512 from any k + ½ while the f32 square
 * root is within 2⁻¹⁶ of it, so rounding it to the nearest integer gives floor(√n + ½), the f64 kernel's result;
 * above, both are at least 256, which the caller's saturating narrow makes 255 (checked for every n in
 * tests/unit/wasmKernels). The rounding is the 2²³ trick (`magic`: an add, then the float's bits minus 2²³'s),
 * cheaper than a saturating float-to-int conversion.
 */
function roundedRoots(n: v128, magic: v128): v128 {
  return i32x4.sub(f32x4.add(f32x4.sqrt(f32x4.convert_i32x4_s(n)), magic), magic);
}

/**
 * Sobel of one row from column x on while columns x − 1 … x + 8 all lie inside the picture, eight pixels a step on
 * i16 lanes (|g| ≤ 1020); returns the next column. With the diagonals a = down-right − up-left and
 * b = up-right − down-left, gx = a + b + 2·(right − left) and gy = a − b + 2·(down − up): ten adds for both.
 */
export function sobelSimd(up: usize, mid: usize, down: usize, d: usize, x: i32, width: i32): i32 {
  const zero = zeroOf(width);
  // 2²³ as f32: adding it to a value below 2²² leaves that value rounded to an integer in the low mantissa bits.
  const magic = f32x4.splat(8388608.0 + <f32>zero);
  const alpha = i32x4.splat(0xff000000 | zero);
  // The gray bytes 0–3 (then 4–7) of a vector copied to bytes 0–2 of four pixels, byte 3 zero (index ≥ 16 reads 0).
  const low = i32x4(0xff000000 | zero, 0xff010101, 0xff020202, 0xff030303);
  const high = i32x4(0xff040404 | zero, 0xff050505, 0xff060606, 0xff070707);
  for (; x + 9 <= width; x += 8) {
    const o = <usize>x;
    const ul = v128.load8x8_u(up + o - 1);
    const ur = v128.load8x8_u(up + o + 1);
    const dl = v128.load8x8_u(down + o - 1);
    const dr = v128.load8x8_u(down + o + 1);
    const a = i16x8.sub(dr, ul);
    const b = i16x8.sub(ur, dl);
    // 2·v as v + v: an add, where a 16-bit multiply costs more.
    const h = i16x8.sub(v128.load8x8_u(mid + o + 1), v128.load8x8_u(mid + o - 1));
    const v = i16x8.sub(v128.load8x8_u(down + o), v128.load8x8_u(up + o));
    const gx = i16x8.add(i16x8.add(a, b), i16x8.add(h, h));
    const gy = i16x8.add(i16x8.sub(a, b), i16x8.add(v, v));
    const lo = i32x4.add(i32x4.extmul_low_i16x8_s(gx, gx), i32x4.extmul_low_i16x8_s(gy, gy));
    const hi = i32x4.add(i32x4.extmul_high_i16x8_s(gx, gx), i32x4.extmul_high_i16x8_s(gy, gy));
    // Narrowed with saturation: i32 → i16 is exact (at most 1 443), i16 → u8 caps at 255.
    const m = i16x8.narrow_i32x4_s(roundedRoots(lo, magic), roundedRoots(hi, magic));
    const bytes = i8x16.narrow_i16x8_u(m, m);
    const p = d + (o << 2);
    v128.store(p, v128.or(i8x16.swizzle(bytes, low), alpha));
    v128.store(p, v128.or(i8x16.swizzle(bytes, high), alpha), 16);
  }
  return x;
}
