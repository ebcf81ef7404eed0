// Sharpen with hand-written SIMD: the same integer arithmetic as the scalar twin in image.ts, four pixels (sixteen
// bytes) a step on i16 lanes, and the scalar code for the edge columns. Same bytes.
import { clampi, rowAt } from './common';
import { zeroOf } from './commonSimd';
import { sharpenPixel } from './image';

/**
 * 5·centre − up − down − left − right on eight bytes widened to i16 (−1020 … 1275 fits), then narrowed with unsigned
 * saturation: a negative lane becomes 0 and one above 255 becomes 255, the scalar clamp.
 */
export function sharpen(
  src: usize,
  srcTop: i32,
  dst: usize,
  dstTop: i32,
  width: i32,
  height: i32,
  y0: i32,
  y1: i32,
): void {
  // Loop constants from a run-time zero (see zeroOf). `alpha`: byte 3 of every pixel, copied from the centre pixel.
  const zero = zeroOf(width);
  const five = i16x8.splat(<i16>(5 | zero));
  const alpha = i32x4.splat(0xff000000 | zero);
  for (let y = y0; y < y1; y++) {
    const row = rowAt(src, y, srcTop, width);
    const up = rowAt(src, clampi(y - 1, height), srcTop, width);
    const down = rowAt(src, clampi(y + 1, height), srcTop, width);
    const d = rowAt(dst, y, dstTop, width);
    let x = 0;
    // Column 0 clamps its left neighbour: scalar.
    for (; x < 1 && x < width; x++) sharpenPixel(row, up, down, d, x, width);
    // Interior: pixels x − 1 … x + 4 all inside the picture.
    for (; x + 5 <= width; x += 4) {
      const o = (<usize>x) << 2;
      const c = v128.load(row + o);
      const u = v128.load(up + o);
      const w = v128.load(down + o);
      const l = v128.load(row + o - 4);
      const r = v128.load(row + o + 4);
      const lo = i16x8.sub(
        i16x8.mul(five, i16x8.extend_low_i8x16_u(c)),
        i16x8.add(
          i16x8.add(i16x8.extend_low_i8x16_u(u), i16x8.extend_low_i8x16_u(w)),
          i16x8.add(i16x8.extend_low_i8x16_u(l), i16x8.extend_low_i8x16_u(r)),
        ),
      );
      const hi = i16x8.sub(
        i16x8.mul(five, i16x8.extend_high_i8x16_u(c)),
        i16x8.add(
          i16x8.add(i16x8.extend_high_i8x16_u(u), i16x8.extend_high_i8x16_u(w)),
          i16x8.add(i16x8.extend_high_i8x16_u(l), i16x8.extend_high_i8x16_u(r)),
        ),
      );
      v128.store(d + o, v128.bitselect(c, i8x16.narrow_i16x8_u(lo, hi), alpha));
    }
    for (; x < width; x++) sharpenPixel(row, up, down, d, x, width);
  }
}
