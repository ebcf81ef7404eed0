import { clamp, rowOffset, type RowJob } from './rows';

/**
 * Separable Gaussian blur in fixed point, so that every thread gets the same bits: integer weights summing to
 * exactly 2¹², a horizontal pass into 16-bit intermediates (scale 256), then a vertical pass back to bytes. All four
 * channels are blurred alike. The largest sum, 255·256·4096, stays below 2³¹.
 */
const WEIGHT_BITS = 12;
const ONE = 1 << WEIGHT_BITS;
/** The horizontal pass keeps 8 fractional bits: its 20-bit sums are shifted right by 4. */
const H_SHIFT = WEIGHT_BITS - 8;
const V_SHIFT = WEIGHT_BITS + 8;

/**
 * The 2R+1 integer weights for σ, R = ⌈3σ⌉; the centre absorbs the rounding so that they sum to exactly 2¹².
 * Symmetric by construction (equal values round alike), which the passes rely on to pair their taps.
 */
export function gaussianWeights(sigma: number): Int32Array {
  const radius = Math.ceil(3 * sigma);
  const raw = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = Int32Array.from(raw, (w) => Math.round((w / total) * ONE));
  weights[radius]! += ONE - weights.reduce((a, b) => a + b, 0);
  return weights;
}

/** Horizontal pass for picture rows [y0, y1): bytes in, 16-bit intermediates out. */
export function gaussianHorizontalRows(job: RowJob<Uint8ClampedArray, Uint16Array>, weights: Int32Array): void {
  const { src, srcTop, dst, dstTop, width, y0, y1 } = job;
  const radius = (weights.length - 1) >> 1;
  const stride = width * 4;
  // The row with its edge pixels repeated R times on each side: the taps then need no clamping.
  const padded = new Int32Array(stride + 8 * radius);
  const acc = new Int32Array(stride);
  for (let y = y0; y < y1; y++) {
    const s = rowOffset(y, srcTop, width);
    for (let x = -radius; x < width + radius; x++) {
      const from = s + clamp(x, width) * 4;
      const to = (x + radius) * 4;
      padded[to] = src[from]!;
      padded[to + 1] = src[from + 1]!;
      padded[to + 2] = src[from + 2]!;
      padded[to + 3] = src[from + 3]!;
    }
    // The weights are symmetric: pair the taps at ±k, one multiply for two pixels.
    const centre = weights[radius]!;
    for (let i = 0; i < stride; i++) acc[i] = centre * padded[i + radius * 4]!;
    for (let k = 1; k <= radius; k++) {
      const w = weights[radius + k]!;
      const left = (radius - k) * 4;
      const right = (radius + k) * 4;
      for (let i = 0; i < stride; i++) acc[i]! += w * (padded[i + left]! + padded[i + right]!);
    }
    const d = rowOffset(y, dstTop, width);
    for (let i = 0; i < stride; i++) dst[d + i] = (acc[i]! + (1 << (H_SHIFT - 1))) >> H_SHIFT;
  }
}

/** Vertical pass for picture rows [y0, y1): 16-bit intermediates in (rows clamped to the picture), bytes out. */
export function gaussianVerticalRows(job: RowJob<Uint16Array, Uint8ClampedArray>, weights: Int32Array): void {
  const { src, srcTop, dst, dstTop, width, height, y0, y1 } = job;
  const radius = (weights.length - 1) >> 1;
  const stride = width * 4;
  const acc = new Int32Array(stride);
  for (let y = y0; y < y1; y++) {
    const centre = weights[radius]!;
    const mid = rowOffset(y, srcTop, width);
    for (let i = 0; i < stride; i++) acc[i] = centre * src[mid + i]!;
    for (let k = 1; k <= radius; k++) {
      const w = weights[radius + k]!;
      const up = rowOffset(clamp(y - k, height), srcTop, width);
      const down = rowOffset(clamp(y + k, height), srcTop, width);
      for (let i = 0; i < stride; i++) acc[i]! += w * (src[up + i]! + src[down + i]!);
    }
    const d = rowOffset(y, dstTop, width);
    for (let i = 0; i < stride; i++) dst[d + i] = (acc[i]! + (1 << (V_SHIFT - 1))) >> V_SHIFT;
  }
}

/** Both passes for rows [y0, y1): the horizontal pass runs on the halo rows too, into a scratch of its own. */
export function gaussianRows(job: RowJob, sigma: number): void {
  const { width, height, y0, y1 } = job;
  const weights = gaussianWeights(sigma);
  const radius = (weights.length - 1) >> 1;
  const top = Math.max(0, y0 - radius);
  const bottom = Math.min(height, y1 + radius);
  const scratch = new Uint16Array((bottom - top) * width * 4);
  gaussianHorizontalRows({ ...job, dst: scratch, dstTop: top, y0: top, y1: bottom }, weights);
  gaussianVerticalRows({ ...job, src: scratch, srcTop: top }, weights);
}
