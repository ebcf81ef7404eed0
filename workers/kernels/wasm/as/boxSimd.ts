// Box blur with hand-written SIMD: the same integer arithmetic as its scalar twin in image.ts, lanes side by side,
// and the scalar code for tails. Same bytes.
import { clampi, rowAt } from './common';

/** Column sums ± one row, sixteen bytes a step: bytes widened to i32 lanes. */
function boxAddRow(columns: usize, row: usize, stride: i32, sign: i32): void {
  let i = 0;
  for (; i + 16 <= stride; i += 16) {
    const v = v128.load(row + <usize>i);
    const lo = i16x8.extend_low_i8x16_u(v);
    const hi = i16x8.extend_high_i8x16_u(v);
    const c = columns + ((<usize>i) << 2);
    const p0 = i32x4.extend_low_i16x8_u(lo);
    const p1 = i32x4.extend_high_i16x8_u(lo);
    const p2 = i32x4.extend_low_i16x8_u(hi);
    const p3 = i32x4.extend_high_i16x8_u(hi);
    if (sign > 0) {
      v128.store(c, i32x4.add(v128.load(c), p0));
      v128.store(c, i32x4.add(v128.load(c, 16), p1), 16);
      v128.store(c, i32x4.add(v128.load(c, 32), p2), 32);
      v128.store(c, i32x4.add(v128.load(c, 48), p3), 48);
    } else {
      v128.store(c, i32x4.sub(v128.load(c), p0));
      v128.store(c, i32x4.sub(v128.load(c, 16), p1), 16);
      v128.store(c, i32x4.sub(v128.load(c, 32), p2), 32);
      v128.store(c, i32x4.sub(v128.load(c, 48), p3), 48);
    }
  }
  for (; i < stride; i++) {
    const c = columns + ((<usize>i) << 2);
    store<i32>(c, load<i32>(c) + sign * <i32>load<u8>(row + <usize>i));
  }
}

/**
 * Box blur with one pixel's four channel sums in one i32x4. The rounded mean ⌊(s + half) / area⌋ is taken in f32:
 * s + half < 2²⁴ is exact, and a quotient that is not a whole number is at least 1/area ≥ 2⁻¹⁴ from one while f32
 * rounds by at most 2⁻¹⁶ at 255, so truncating the f32 quotient is the integer floor.
 */
export function box(
  src: usize,
  srcTop: i32,
  dst: usize,
  dstTop: i32,
  width: i32,
  height: i32,
  y0: i32,
  y1: i32,
  radius: i32,
  columns: usize,
): void {
  const stride = width * 4;
  const area = (2 * radius + 1) * (2 * radius + 1);
  const halfv = i32x4.splat(area >> 1);
  const areav = f32x4.splat(<f32>area);
  memory.fill(columns, 0, (<usize>stride) << 2);
  for (let k = -radius; k <= radius; k++)
    boxAddRow(columns, rowAt(src, clampi(y0 + k, height), srcTop, width), stride, 1);
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      boxAddRow(columns, rowAt(src, clampi(y + radius, height), srcTop, width), stride, 1);
      boxAddRow(columns, rowAt(src, clampi(y - 1 - radius, height), srcTop, width), stride, -1);
    }
    const d = rowAt(dst, y, dstTop, width);
    let s = i32x4.splat(0);
    for (let k = -radius; k <= radius; k++) s = i32x4.add(s, v128.load(columns + ((<usize>clampi(k, width)) << 4)));
    // Interior: x − r ≥ 0 and x + r + 1 < width, no clamping.
    const inFrom = radius < width ? radius : width;
    const inTo = width - radius - 1;
    let x = 0;
    for (; x < inFrom && x < width; x++) {
      store32(d, x, mean(s, halfv, areav));
      s = i32x4.add(
        s,
        i32x4.sub(column(columns, clampi(x + radius + 1, width)), column(columns, clampi(x - radius, width))),
      );
    }
    for (; x < inTo; x++) {
      store32(d, x, mean(s, halfv, areav));
      s = i32x4.add(s, i32x4.sub(column(columns, x + radius + 1), column(columns, x - radius)));
    }
    for (; x < width; x++) {
      store32(d, x, mean(s, halfv, areav));
      s = i32x4.add(
        s,
        i32x4.sub(column(columns, clampi(x + radius + 1, width)), column(columns, clampi(x - radius, width))),
      );
    }
  }
}

function column(columns: usize, x: i32): v128 {
  return v128.load(columns + ((<usize>x) << 4));
}

function mean(s: v128, half: v128, area: v128): v128 {
  return i32x4.trunc_sat_f32x4_s(f32x4.div(f32x4.convert_i32x4_s(i32x4.add(s, half)), area));
}

/** Stores four i32 lanes (each 0…255) as one RGBA pixel. */
function store32(d: usize, x: i32, v: v128): void {
  const bytes = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(v, v), v);
  v128.store32_lane(d + ((<usize>x) << 2), bytes, 0);
}
