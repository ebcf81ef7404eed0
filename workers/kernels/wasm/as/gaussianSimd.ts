// The Gaussian's two passes with hand-written SIMD: the same integer arithmetic as their scalar twins in image.ts,
// eight outputs a step, and the scalar code for tails. Same bytes.
import { clampi, rowAt } from './common';
import { padRow } from './image';

/** Horizontal pass, eight outputs a step with the taps summed in registers; scalar tail. */
export function gaussianHorizontal(
  src: usize,
  srcTop: i32,
  dst: usize,
  dstTop: i32,
  width: i32,
  y0: i32,
  y1: i32,
  weights: usize,
  radius: i32,
  padded: usize,
): void {
  const stride = width * 4;
  const centre = load<i32>(weights + ((<usize>radius) << 2));
  const centrev = i32x4.splat(centre);
  const roundv = i32x4.splat(8);
  const r16 = (<usize>radius) << 4;
  for (let y = y0; y < y1; y++) {
    padRow(padded, rowAt(src, y, srcTop, width), width, radius);
    const d = dst + <usize>((y - dstTop) * stride * 2);
    let i = 0;
    for (; i + 8 <= stride; i += 8) {
      const p = padded + ((<usize>i) << 2);
      let a = i32x4.mul(centrev, v128.load(p + r16));
      let b = i32x4.mul(centrev, v128.load(p + r16, 16));
      for (let k = 1; k <= radius; k++) {
        const w = i32x4.splat(load<i32>(weights + ((<usize>(radius + k)) << 2)));
        const left = p + ((<usize>(radius - k)) << 4);
        const right = p + ((<usize>(radius + k)) << 4);
        a = i32x4.add(a, i32x4.mul(w, i32x4.add(v128.load(left), v128.load(right))));
        b = i32x4.add(b, i32x4.mul(w, i32x4.add(v128.load(left, 16), v128.load(right, 16))));
      }
      a = i32x4.shr_s(i32x4.add(a, roundv), 4);
      b = i32x4.shr_s(i32x4.add(b, roundv), 4);
      v128.store(d + ((<usize>i) << 1), i16x8.narrow_i32x4_u(a, b));
    }
    for (; i < stride; i++) {
      const p = padded + ((<usize>i) << 2);
      let acc = centre * load<i32>(p + r16);
      for (let k = 1; k <= radius; k++) {
        const w = load<i32>(weights + ((<usize>(radius + k)) << 2));
        acc += w * (load<i32>(p + ((<usize>(radius - k)) << 4)) + load<i32>(p + ((<usize>(radius + k)) << 4)));
      }
      store<u16>(d + ((<usize>i) << 1), <u16>((acc + 8) >> 4));
    }
  }
}

/** Vertical pass, eight outputs a step (u16 widened to i32 lanes), taps summed in registers; scalar tail. */
export function gaussianVertical(
  src: usize,
  srcTop: i32,
  dst: usize,
  dstTop: i32,
  width: i32,
  height: i32,
  y0: i32,
  y1: i32,
  weights: usize,
  radius: i32,
  rows: usize,
): void {
  const stride = width * 4;
  const stride2 = stride * 2;
  const centre = load<i32>(weights + ((<usize>radius) << 2));
  const centrev = i32x4.splat(centre);
  const roundv = i32x4.splat(1 << 19);
  const ptr = alignof<usize>();
  for (let y = y0; y < y1; y++) {
    for (let k = -radius; k <= radius; k++) {
      store<usize>(rows + ((<usize>(k + radius)) << ptr), src + <usize>((clampi(y + k, height) - srcTop) * stride2));
    }
    const mid = load<usize>(rows + ((<usize>radius) << ptr));
    const d = rowAt(dst, y, dstTop, width);
    let i = 0;
    for (; i + 8 <= stride; i += 8) {
      const o = (<usize>i) << 1;
      let a = i32x4.mul(centrev, v128.load16x4_u(mid + o));
      let b = i32x4.mul(centrev, v128.load16x4_u(mid + o, 8));
      for (let k = 1; k <= radius; k++) {
        const w = i32x4.splat(load<i32>(weights + ((<usize>(radius + k)) << 2)));
        const up = load<usize>(rows + ((<usize>(radius - k)) << ptr)) + o;
        const down = load<usize>(rows + ((<usize>(radius + k)) << ptr)) + o;
        a = i32x4.add(a, i32x4.mul(w, i32x4.add(v128.load16x4_u(up), v128.load16x4_u(down))));
        b = i32x4.add(b, i32x4.mul(w, i32x4.add(v128.load16x4_u(up, 8), v128.load16x4_u(down, 8))));
      }
      a = i32x4.shr_s(i32x4.add(a, roundv), 20);
      b = i32x4.shr_s(i32x4.add(b, roundv), 20);
      const words = i16x8.narrow_i32x4_u(a, b);
      v128.store64_lane(d + <usize>i, i8x16.narrow_i16x8_u(words, words), 0);
    }
    for (; i < stride; i++) {
      const o = (<usize>i) << 1;
      let acc = centre * <i32>load<u16>(mid + o);
      for (let k = 1; k <= radius; k++) {
        const w = load<i32>(weights + ((<usize>(radius + k)) << 2));
        const up = load<usize>(rows + ((<usize>(radius - k)) << ptr));
        const down = load<usize>(rows + ((<usize>(radius + k)) << ptr));
        acc += w * (<i32>load<u16>(up + o) + <i32>load<u16>(down + o));
      }
      store<u8>(d + <usize>i, <u8>((acc + (1 << 19)) >> 20));
    }
  }
}
