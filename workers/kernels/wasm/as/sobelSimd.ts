// Sobel (and the luma rows it reads) with hand-written SIMD: the same integer arithmetic as the scalar twins in
// image.ts, lanes side by side, and the scalar code for the edge columns and tails. Same bytes. Loop constants come
// from a run-time zero (see zeroOf in commonSimd.ts).
import { clampi, luma, rowAt } from './common';
import { greenWeights, lowBytes, lumaOf, redBlueWeights, zeroOf } from './commonSimd';
import { sobelPixel } from './image';

/** Luma of sixteen pixels a step: four vectors of i32 lanes narrowed to sixteen bytes. */
export function lumaRows(src: usize, srcTop: i32, lum: usize, width: i32, top: i32, bottom: i32): void {
  const zero = zeroOf(width);
  const low = lowBytes(zero);
  const rb = redBlueWeights(zero);
  const g = greenWeights(zero);
  const round = i32x4.splat(128 | zero);
  for (let y = top; y < bottom; y++) {
    const s = rowAt(src, y, srcTop, width);
    const l = lum + <usize>((y - top) * width);
    let x = 0;
    for (; x + 16 <= width; x += 16) {
      const p = s + ((<usize>x) << 2);
      const a = i16x8.narrow_i32x4_u(
        lumaOf(v128.load(p), low, rb, g, round),
        lumaOf(v128.load(p, 16), low, rb, g, round),
      );
      const b = i16x8.narrow_i32x4_u(
        lumaOf(v128.load(p, 32), low, rb, g, round),
        lumaOf(v128.load(p, 48), low, rb, g, round),
      );
      v128.store(l + <usize>x, i8x16.narrow_i16x8_u(a, b));
    }
    for (; x < width; x++) {
      const v = load<u32>(s + ((<usize>x) << 2));
      store<u8>(l + <usize>x, <u8>luma(v & 255, (v >> 8) & 255, (v >> 16) & 255));
    }
  }
}

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
 * Sobel, eight pixels a step on i16 lanes (|g| ≤ 1020) away from the edges; the edge columns are scalar. With the
 * diagonals a = down-right − up-left and b = up-right − down-left, gx = a + b + 2·(right − left) and
 * gy = a − b + 2·(down − up): ten adds for both gradients.
 */
export function sobel(lum: usize, top: i32, dst: usize, dstTop: i32, width: i32, height: i32, y0: i32, y1: i32): void {
  const zero = zeroOf(width);
  // 2²³ as f32: adding it to a value below 2²² leaves that value rounded to an integer in the low mantissa bits.
  const magic = f32x4.splat(8388608.0 + <f32>zero);
  const alpha = i32x4.splat(0xff000000 | zero);
  // The gray bytes 0–3 (then 4–7) of a vector copied to bytes 0–2 of four pixels, byte 3 zero (index ≥ 16 reads 0).
  const low = i32x4(0xff000000 | zero, 0xff010101, 0xff020202, 0xff030303);
  const high = i32x4(0xff040404 | zero, 0xff050505, 0xff060606, 0xff070707);
  for (let y = y0; y < y1; y++) {
    const up = lum + <usize>((clampi(y - 1, height) - top) * width);
    const mid = lum + <usize>((y - top) * width);
    const down = lum + <usize>((clampi(y + 1, height) - top) * width);
    const d = rowAt(dst, y, dstTop, width);
    let x = 0;
    // Column 0 clamps its left neighbour: scalar.
    for (; x < 1 && x < width; x++) edge(up, mid, down, d, x, width);
    // Interior: columns x − 1 … x + 8 all inside the picture.
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
    for (; x < width; x++) edge(up, mid, down, d, x, width);
  }
}

function edge(up: usize, mid: usize, down: usize, d: usize, x: i32, width: i32): void {
  const m = sobelPixel(up, mid, down, <usize>clampi(x - 1, width), <usize>x, <usize>clampi(x + 1, width));
  store<u32>(d + ((<usize>x) << 2), 0xff000000 | (m * 0x010101));
}
