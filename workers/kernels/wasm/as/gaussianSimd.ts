// The Gaussian's two passes with hand-written SIMD, called by gaussianHorizontal and gaussianVertical in image.ts in
// the SIMD module: the same integer arithmetic as the scalar code there, eight outputs a step, and the scalar code
// there for tails. Same bytes. Loop constants come from a run-time zero (see zeroOf in commonSimd.ts).
import { zeroOf } from './commonSimd';

/** A row's bytes widened to u16 into `body`, sixteen a step; returns the bytes done (the caller does the rest). */
export function widenRowSimd(body: usize, row: usize, stride: i32): i32 {
  let i = 0;
  for (; i + 16 <= stride; i += 16) {
    const v = v128.load(row + <usize>i);
    v128.store(body + ((<usize>i) << 1), i16x8.extend_low_i8x16_u(v));
    v128.store(body + ((<usize>i) << 1), i16x8.extend_high_i8x16_u(v), 16);
  }
  return i;
}

/** The horizontal pass's weight pairs (see horizontalSimd), stored at `pairWeights`. */
export function storeWeightPairs(pairWeights: usize, weights: usize, radius: i32): void {
  const pairs = (radius + 2) >> 1;
  for (let p = 0; p < pairs; p++) {
    const w0 = load<i32>(weights + ((<usize>(radius + 2 * p)) << 2));
    const w1 = 2 * p + 1 <= radius ? load<i32>(weights + ((<usize>(radius + 2 * p + 1)) << 2)) : 0;
    v128.store(pairWeights + ((<usize>p) << 4), i32x4.splat((w0 & 0xffff) | (w1 << 16)));
  }
}

/**
 * Horizontal pass of one row from the padded u16 row (padRow in image.ts), sixteen (then eight) outputs a step into
 * `d`; returns the outputs done. The taps are terms T₀ = centre, Tₖ = left k + right k (k = 1…R, at most 510: an
 * i16), taken two at a time by i32x4.dot_i16x8_s (one multiply–add instruction for eight products) on the two
 * terms' lanes interleaved, against their two weights (each at most 4 096) repeated; an odd last term is paired
 * with zero. The same integer sum as the scalar code, so the same u16 out. `padded` (sized for i32 per byte) holds
 * the u16 row and, after it, the weight pairs.
 */
export function horizontalSimd(padded: usize, pairWeights: usize, d: usize, stride: i32, radius: i32): i32 {
  const pairs = (radius + 2) >> 1;
  const zero = i16x8.splat(<i16>zeroOf(stride));
  const roundv = i32x4.splat(8 | zeroOf(stride));
  let i = 0;
  // Sixteen outputs a step, as two vectors of eight sharing each weight pair's load; the first pair (the centre
  // and term 1) is taken before the loop, so the loop has no centre branch.
  for (; i + 16 <= stride; i += 16) {
    const at = padded + ((<usize>i) << 1) + ((<usize>radius) << 3);
    const w0 = v128.load(pairWeights);
    const c0 = v128.load(at);
    const c1 = v128.load(at, 16);
    const s0 = radius >= 1 ? term(at, 1) : zero;
    const s1 = radius >= 1 ? term(at + 16, 1) : zero;
    let a0 = i32x4.dot_i16x8_s(v128.shuffle<i16>(c0, s0, 0, 8, 1, 9, 2, 10, 3, 11), w0);
    let b0 = i32x4.dot_i16x8_s(v128.shuffle<i16>(c0, s0, 4, 12, 5, 13, 6, 14, 7, 15), w0);
    let a1 = i32x4.dot_i16x8_s(v128.shuffle<i16>(c1, s1, 0, 8, 1, 9, 2, 10, 3, 11), w0);
    let b1 = i32x4.dot_i16x8_s(v128.shuffle<i16>(c1, s1, 4, 12, 5, 13, 6, 14, 7, 15), w0);
    for (let p = 1; p < pairs; p++) {
      const k0 = 2 * p;
      const w = v128.load(pairWeights + ((<usize>p) << 4));
      const t0 = term(at, k0);
      const u0 = term(at + 16, k0);
      const t1 = k0 + 1 <= radius ? term(at, k0 + 1) : zero;
      const u1 = k0 + 1 <= radius ? term(at + 16, k0 + 1) : zero;
      a0 = i32x4.add(a0, i32x4.dot_i16x8_s(v128.shuffle<i16>(t0, t1, 0, 8, 1, 9, 2, 10, 3, 11), w));
      b0 = i32x4.add(b0, i32x4.dot_i16x8_s(v128.shuffle<i16>(t0, t1, 4, 12, 5, 13, 6, 14, 7, 15), w));
      a1 = i32x4.add(a1, i32x4.dot_i16x8_s(v128.shuffle<i16>(u0, u1, 0, 8, 1, 9, 2, 10, 3, 11), w));
      b1 = i32x4.add(b1, i32x4.dot_i16x8_s(v128.shuffle<i16>(u0, u1, 4, 12, 5, 13, 6, 14, 7, 15), w));
    }
    const lo0 = i32x4.shr_s(i32x4.add(a0, roundv), 4);
    const hi0 = i32x4.shr_s(i32x4.add(b0, roundv), 4);
    const lo1 = i32x4.shr_s(i32x4.add(a1, roundv), 4);
    const hi1 = i32x4.shr_s(i32x4.add(b1, roundv), 4);
    v128.store(d + ((<usize>i) << 1), i16x8.narrow_i32x4_u(lo0, hi0));
    v128.store(d + ((<usize>i) << 1), i16x8.narrow_i32x4_u(lo1, hi1), 16);
  }
  for (; i + 8 <= stride; i += 8) {
    const at = padded + ((<usize>i) << 1) + ((<usize>radius) << 3);
    let a = i32x4.splat(0);
    let b = i32x4.splat(0);
    for (let p = 0; p < pairs; p++) {
      const k0 = 2 * p;
      const k1 = k0 + 1;
      const t0 = k0 == 0 ? v128.load(at) : term(at, k0);
      const t1 = k1 <= radius ? term(at, k1) : zero;
      const w = v128.load(pairWeights + ((<usize>p) << 4));
      a = i32x4.add(a, i32x4.dot_i16x8_s(v128.shuffle<i16>(t0, t1, 0, 8, 1, 9, 2, 10, 3, 11), w));
      b = i32x4.add(b, i32x4.dot_i16x8_s(v128.shuffle<i16>(t0, t1, 4, 12, 5, 13, 6, 14, 7, 15), w));
    }
    a = i32x4.shr_s(i32x4.add(a, roundv), 4);
    b = i32x4.shr_s(i32x4.add(b, roundv), 4);
    v128.store(d + ((<usize>i) << 1), i16x8.narrow_i32x4_u(a, b));
  }
  return i;
}

/** Tap pair k (k ≥ 1) of eight outputs at `at`: the i16 bytes k pixels left plus k pixels right. */
function term(at: usize, k: i32): v128 {
  const offset = (<usize>k) << 3;
  return i16x8.add(v128.load(at - offset), v128.load(at + offset));
}

/** The vertical pass's weight vectors (see verticalSimd), stored at `vectors`. */
export function storeWeightVectors(vectors: usize, weights: usize, radius: i32): void {
  const centre = load<i32>(weights + ((<usize>radius) << 2));
  // Vector 0: (centre, 0) for the middle row paired with zero; vector k: (w_k, w_k) for the rows k above and below.
  v128.store(vectors, i32x4.splat(centre));
  for (let k = 1; k <= radius; k++) {
    const w = load<i32>(weights + ((<usize>(radius + k)) << 2));
    v128.store(vectors + ((<usize>k) << 4), i32x4.splat(w | (w << 16)));
  }
}

/**
 * Vertical pass of one row, sixteen (then eight) outputs a step into `d`; returns the outputs done. The u16 rows
 * (at most 65 280) are read biased to i16 (v − 32 768, an XOR of the top bit) so that i32x4.dot_i16x8_s can take
 * the rows above and below on interleaved lanes against their common weight, two products an instruction instead
 * of 32-bit multiplies. The weights sum to 4 096, so the bias adds back as 32 768 · 4 096 = 2²⁷ with the rounding:
 * the same integer sum as the scalar code, the same bytes. `rows` holds 2R + 1 row pointers, then the R + 1 weight
 * vectors.
 */
export function verticalSimd(rows: usize, vectors: usize, d: usize, stride: i32, radius: i32): i32 {
  const ptr = alignof<usize>();
  const zero = i16x8.splat(<i16>zeroOf(stride));
  const bias = i16x8.splat(<i16>(-32768 | zeroOf(stride)));
  const roundv = i32x4.splat((1 << 27) + (1 << 19) + zeroOf(stride));
  const mid = load<usize>(rows + ((<usize>radius) << ptr));
  let i = 0;
  // Sixteen outputs a step: each tap's row pointers and weight are loaded once for two vectors of eight.
  for (; i + 16 <= stride; i += 16) {
    const o = (<usize>i) << 1;
    const wc = v128.load(vectors);
    const m0 = v128.xor(v128.load(mid + o), bias);
    const m1 = v128.xor(v128.load(mid + o, 16), bias);
    let a0 = i32x4.dot_i16x8_s(v128.shuffle<i16>(m0, zero, 0, 8, 1, 9, 2, 10, 3, 11), wc);
    let b0 = i32x4.dot_i16x8_s(v128.shuffle<i16>(m0, zero, 4, 12, 5, 13, 6, 14, 7, 15), wc);
    let a1 = i32x4.dot_i16x8_s(v128.shuffle<i16>(m1, zero, 0, 8, 1, 9, 2, 10, 3, 11), wc);
    let b1 = i32x4.dot_i16x8_s(v128.shuffle<i16>(m1, zero, 4, 12, 5, 13, 6, 14, 7, 15), wc);
    for (let k = 1; k <= radius; k++) {
      const w = v128.load(vectors + ((<usize>k) << 4));
      const upRow = load<usize>(rows + ((<usize>(radius - k)) << ptr)) + o;
      const downRow = load<usize>(rows + ((<usize>(radius + k)) << ptr)) + o;
      const up0 = v128.xor(v128.load(upRow), bias);
      const down0 = v128.xor(v128.load(downRow), bias);
      const up1 = v128.xor(v128.load(upRow, 16), bias);
      const down1 = v128.xor(v128.load(downRow, 16), bias);
      a0 = i32x4.add(a0, i32x4.dot_i16x8_s(v128.shuffle<i16>(up0, down0, 0, 8, 1, 9, 2, 10, 3, 11), w));
      b0 = i32x4.add(b0, i32x4.dot_i16x8_s(v128.shuffle<i16>(up0, down0, 4, 12, 5, 13, 6, 14, 7, 15), w));
      a1 = i32x4.add(a1, i32x4.dot_i16x8_s(v128.shuffle<i16>(up1, down1, 0, 8, 1, 9, 2, 10, 3, 11), w));
      b1 = i32x4.add(b1, i32x4.dot_i16x8_s(v128.shuffle<i16>(up1, down1, 4, 12, 5, 13, 6, 14, 7, 15), w));
    }
    const words0 = i16x8.narrow_i32x4_u(i32x4.shr_s(i32x4.add(a0, roundv), 20), i32x4.shr_s(i32x4.add(b0, roundv), 20));
    const words1 = i16x8.narrow_i32x4_u(i32x4.shr_s(i32x4.add(a1, roundv), 20), i32x4.shr_s(i32x4.add(b1, roundv), 20));
    v128.store(d + <usize>i, i8x16.narrow_i16x8_u(words0, words1));
  }
  for (; i + 8 <= stride; i += 8) {
    const o = (<usize>i) << 1;
    const m = v128.xor(v128.load(mid + o), bias);
    const wc = v128.load(vectors);
    let a = i32x4.dot_i16x8_s(v128.shuffle<i16>(m, zero, 0, 8, 1, 9, 2, 10, 3, 11), wc);
    let b = i32x4.dot_i16x8_s(v128.shuffle<i16>(m, zero, 4, 12, 5, 13, 6, 14, 7, 15), wc);
    for (let k = 1; k <= radius; k++) {
      const w = v128.load(vectors + ((<usize>k) << 4));
      const up = v128.xor(v128.load(load<usize>(rows + ((<usize>(radius - k)) << ptr)) + o), bias);
      const down = v128.xor(v128.load(load<usize>(rows + ((<usize>(radius + k)) << ptr)) + o), bias);
      a = i32x4.add(a, i32x4.dot_i16x8_s(v128.shuffle<i16>(up, down, 0, 8, 1, 9, 2, 10, 3, 11), w));
      b = i32x4.add(b, i32x4.dot_i16x8_s(v128.shuffle<i16>(up, down, 4, 12, 5, 13, 6, 14, 7, 15), w));
    }
    a = i32x4.shr_s(i32x4.add(a, roundv), 20);
    b = i32x4.shr_s(i32x4.add(b, roundv), 20);
    const words = i16x8.narrow_i32x4_u(a, b);
    v128.store64_lane(d + <usize>i, i8x16.narrow_i16x8_u(words, words), 0);
  }
  return i;
}
