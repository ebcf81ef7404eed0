// Box blur with hand-written SIMD, called by box in image.ts in the SIMD module: the same integer arithmetic as the
// scalar code there, lanes side by side, and scalar code for tails. Same bytes.
//
// The column sums are u16 here (the scalar twin's are i32): a column holds at most (2·50 + 1)·255 = 25 755
// (MAX_BOX_RADIUS is 50), so eight fit in a vector and the row update moves half the bytes. The caller's scratch
// (4 bytes per row byte) is more than the 2 used.
import { clampi } from './common';
import { zeroOf } from './commonSimd';

/** Column sums + one row (sixteen bytes a step, widened to u16 lanes): the first 2r + 1 rows of a band. */
export function addRowSimd(columns: usize, row: usize, stride: i32): void {
  let i = 0;
  for (; i + 16 <= stride; i += 16) {
    const v = v128.load(row + <usize>i);
    const c = columns + ((<usize>i) << 1);
    v128.store(c, i16x8.add(v128.load(c), i16x8.extend_low_i8x16_u(v)));
    v128.store(c, i16x8.add(v128.load(c, 16), i16x8.extend_high_i8x16_u(v)), 16);
  }
  for (; i < stride; i++) {
    const c = columns + ((<usize>i) << 1);
    store<u16>(c, <i32>load<u16>(c) + <i32>load<u8>(row + <usize>i));
  }
}

/**
 * Column sums + the row entering − the row leaving, in one pass. The difference of two bytes fits in i16 and every
 * column sum stays within 0…25 755, so the wrapping i16 adds give the exact sums.
 */
export function moveRowsSimd(columns: usize, entering: usize, leaving: usize, stride: i32): void {
  let i = 0;
  for (; i + 16 <= stride; i += 16) {
    const a = v128.load(entering + <usize>i);
    const b = v128.load(leaving + <usize>i);
    const lo = i16x8.sub(i16x8.extend_low_i8x16_u(a), i16x8.extend_low_i8x16_u(b));
    const hi = i16x8.sub(i16x8.extend_high_i8x16_u(a), i16x8.extend_high_i8x16_u(b));
    const c = columns + ((<usize>i) << 1);
    v128.store(c, i16x8.add(v128.load(c), lo));
    v128.store(c, i16x8.add(v128.load(c, 16), hi), 16);
  }
  for (; i < stride; i++) {
    const c = columns + ((<usize>i) << 1);
    store<u16>(c, <i32>load<u16>(c) + <i32>load<u8>(entering + <usize>i) - <i32>load<u8>(leaving + <usize>i));
  }
}

/**
 * One output row of the box blur from the column sums, with one pixel's four channel sums in one i32x4. The sums
 * start at `half`, and the rounded mean ⌊(s + half) / area⌋ is taken in f32: s + half < 2²⁴ is exact, and a
 * quotient that is not a whole number is at least 1/area ≥ 2⁻¹⁴ from one while f32 rounds by at most 2⁻¹⁶ at 255,
 * so truncating the f32 quotient is the integer floor.
 */
export function boxRowSimd(columns: usize, d: usize, width: i32, radius: i32, area: i32): void {
  // From a run-time zero, so that V8 keeps it in a register (see zeroOf).
  const areav = f32x4.splat(<f32>(area | zeroOf(width)));
  // Interior: x − r ≥ 0 and x + r + 1 < width, no clamping.
  const inFrom = radius < width ? radius : width;
  const inTo = width - radius - 1;
  let s = i32x4.splat(area >> 1);
  for (let k = -radius; k <= radius; k++) s = i32x4.add(s, column(columns, clampi(k, width)));
  let x = 0;
  for (; x < inFrom; x++) {
    store32(d, x, mean(s, areav));
    s = i32x4.add(
      s,
      i32x4.sub(column(columns, clampi(x + radius + 1, width)), column(columns, clampi(x - radius, width))),
    );
  }
  // Four pixels a step, narrowed together to one 16-byte store.
  for (; x + 4 <= inTo; x += 4) {
    const m0 = mean(s, areav);
    s = i32x4.add(s, i32x4.sub(column(columns, x + radius + 1), column(columns, x - radius)));
    const m1 = mean(s, areav);
    s = i32x4.add(s, i32x4.sub(column(columns, x + radius + 2), column(columns, x - radius + 1)));
    const m2 = mean(s, areav);
    s = i32x4.add(s, i32x4.sub(column(columns, x + radius + 3), column(columns, x - radius + 2)));
    const m3 = mean(s, areav);
    s = i32x4.add(s, i32x4.sub(column(columns, x + radius + 4), column(columns, x - radius + 3)));
    const bytes = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(m0, m1), i16x8.narrow_i32x4_u(m2, m3));
    v128.store(d + ((<usize>x) << 2), bytes);
  }
  for (; x < inTo; x++) {
    store32(d, x, mean(s, areav));
    s = i32x4.add(s, i32x4.sub(column(columns, x + radius + 1), column(columns, x - radius)));
  }
  for (; x < width; x++) {
    store32(d, x, mean(s, areav));
    s = i32x4.add(
      s,
      i32x4.sub(column(columns, clampi(x + radius + 1, width)), column(columns, clampi(x - radius, width))),
    );
  }
}

/** Pixel x's four column sums (u16) widened to i32 lanes. */
function column(columns: usize, x: i32): v128 {
  return v128.load16x4_u(columns + ((<usize>x) << 3));
}

function mean(s: v128, area: v128): v128 {
  return i32x4.trunc_sat_f32x4_s(f32x4.div(f32x4.convert_i32x4_s(s), area));
}

/** Stores four i32 lanes (each 0…255) as one RGBA pixel. */
function store32(d: usize, x: i32, v: v128): void {
  const bytes = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(v, v), v);
  v128.store32_lane(d + ((<usize>x) << 2), bytes, 0);
}
