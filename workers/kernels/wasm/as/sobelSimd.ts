// Sobel (and the luma rows it reads) with hand-written SIMD: the same integer arithmetic as the scalar twins in
// image.ts, lanes side by side, and the scalar code for the edge columns and tails. Same bytes.
import { clampi, luma, rowAt } from './common';
import { BYTE, lumaOf } from './commonSimd';
import { sobelPixel } from './image';

/** Luma of sixteen pixels a step: four vectors of i32 lanes narrowed to sixteen bytes. */
export function lumaRows(src: usize, srcTop: i32, lum: usize, width: i32, top: i32, bottom: i32): void {
  for (let y = top; y < bottom; y++) {
    const s = rowAt(src, y, srcTop, width);
    const l = lum + <usize>((y - top) * width);
    let x = 0;
    for (; x + 16 <= width; x += 16) {
      const p = s + ((<usize>x) << 2);
      const a = i16x8.narrow_i32x4_u(lumaOf(v128.load(p)), lumaOf(v128.load(p, 16)));
      const b = i16x8.narrow_i32x4_u(lumaOf(v128.load(p, 32)), lumaOf(v128.load(p, 48)));
      v128.store(l + <usize>x, i8x16.narrow_i16x8_u(a, b));
    }
    for (; x < width; x++) {
      const v = load<u32>(s + ((<usize>x) << 2));
      store<u8>(l + <usize>x, <u8>luma(v & 255, (v >> 8) & 255, (v >> 16) & 255));
    }
  }
}

/** The gray byte (low byte of each i32 lane) copied to bytes 0–2 of its pixel, byte 3 zero (index ≥ 16 reads 0). */
const SPREAD = i8x16(0, 0, 0, -1, 4, 4, 4, -1, 8, 8, 8, -1, 12, 12, 12, -1);
/** 2²³ as f32: adding it to a value below 2²² leaves that value rounded to an integer in the low mantissa bits. */
const MAGIC = f32x4.splat(8388608.0);

/**
 * Magnitudes of four pixels from gx² + gy² in i32 lanes: min(255, round(√n)) in f32, as opaque gray pixels. n is
 * capped at 65 281 (√ = 255.5…, which rounds to 256, then capped) so it is exact in f32, and for n ≤ 65 281 √n lies
 * at least 0.25 / 512 from any k + ½ while the f32 square root is within 2⁻¹⁶ of it: rounding it to the nearest
 * integer gives floor(√n + ½), the f64 kernel's result. The rounding is the 2²³ trick (an add, then the float's bits
 * minus 2²³'s), cheaper than a saturating float-to-int conversion (the claim is checked for every n in tests/unit/wasmKernels).
 */
function magnitudes(n: v128): v128 {
  const capped = i32x4.min_u(n, i32x4.splat(65281));
  const rounded = f32x4.add(f32x4.sqrt(f32x4.convert_i32x4_s(capped)), MAGIC);
  const m = i32x4.min_s(i32x4.sub(rounded, MAGIC), BYTE);
  return v128.or(i8x16.swizzle(m, SPREAD), i32x4.splat(0xff000000));
}

/** Sobel, eight pixels a step on i16 lanes (|g| ≤ 1020) away from the edges; the edge columns are scalar. */
export function sobel(lum: usize, top: i32, dst: usize, dstTop: i32, width: i32, height: i32, y0: i32, y1: i32): void {
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
      const uc = v128.load8x8_u(up + o);
      const ur = v128.load8x8_u(up + o + 1);
      const ml = v128.load8x8_u(mid + o - 1);
      const mr = v128.load8x8_u(mid + o + 1);
      const dl = v128.load8x8_u(down + o - 1);
      const dc = v128.load8x8_u(down + o);
      const dr = v128.load8x8_u(down + o + 1);
      // 2·v as v + v: an add, where a 16-bit multiply costs more.
      const gx = i16x8.sub(
        i16x8.add(i16x8.add(ur, i16x8.add(mr, mr)), dr),
        i16x8.add(i16x8.add(ul, i16x8.add(ml, ml)), dl),
      );
      const gy = i16x8.sub(
        i16x8.add(i16x8.add(dl, i16x8.add(dc, dc)), dr),
        i16x8.add(i16x8.add(ul, i16x8.add(uc, uc)), ur),
      );
      const lo = i32x4.add(i32x4.extmul_low_i16x8_s(gx, gx), i32x4.extmul_low_i16x8_s(gy, gy));
      const hi = i32x4.add(i32x4.extmul_high_i16x8_s(gx, gx), i32x4.extmul_high_i16x8_s(gy, gy));
      const p = d + (o << 2);
      v128.store(p, magnitudes(lo));
      v128.store(p, magnitudes(hi), 16);
    }
    for (; x < width; x++) edge(up, mid, down, d, x, width);
  }
}

function edge(up: usize, mid: usize, down: usize, d: usize, x: i32, width: i32): void {
  const m = sobelPixel(up, mid, down, <usize>clampi(x - 1, width), <usize>x, <usize>clampi(x + 1, width));
  store<u32>(d + ((<usize>x) << 2), 0xff000000 | (m * 0x010101));
}
