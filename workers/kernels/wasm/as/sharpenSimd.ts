// Sharpen with hand-written SIMD, called by stencilRow in stencil.ts in the SIMD module: the same integer arithmetic
// as the scalar code there, four pixels (sixteen bytes) a step on i16 lanes. Same bytes.
import { zeroOf } from './commonSimd';

/**
 * One row's pixels from column x on while pixels x − 1 … x + 4 all lie inside the picture (the caller does column 0
 * and the last ones); returns the next column. 5·centre − up − down − left − right on eight bytes widened to i16
 * (−1020 … 1275 fits), then narrowed with unsigned saturation: a negative lane becomes 0 and one above 255 becomes
 * 255, the scalar clamp.
 */
export function sharpenSimd(row: usize, up: usize, down: usize, d: usize, x: i32, width: i32): i32 {
  // Loop constants from a run-time zero (see zeroOf). `alpha`: byte 3 of every pixel, copied from the centre pixel.
  const zero = zeroOf(width);
  const five = i16x8.splat(<i16>(5 | zero));
  const alpha = i32x4.splat(0xff000000 | zero);
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
  return x;
}
