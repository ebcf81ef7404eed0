// The image filters: each the twin of its JavaScript kernel in workers/kernels/image (same integer arithmetic, same
// bytes), written once for both modules. Where the SIMD module (ASC_FEATURE_SIMD, a compile-time constant: the
// scalar module has no v128 code at all) has vector code, a filter hands it the bulk of each row (the *Simd.ts
// files) and finishes the edges and tails with the scalar code here (sharpen's and Sobel's pixels: stencil.ts).
// Pointers: `src` holds picture rows [srcTop, …), `dst` rows [dstTop, …); scratch memory is laid out by the caller.
import { clampi, grayPixel, luma, rowAt } from './common';
import { addRowSimd, boxRowSimd, moveRowsSimd } from './boxSimd';
import { horizontalSimd, storeWeightPairs, storeWeightVectors, verticalSimd, widenRowSimd } from './gaussianSimd';
import { invertSimd, lumaSimd } from './pixelSimd';
import { stencilRow } from './stencil';

/** Grayscale of `pixels` consecutive pixels (a band's rows are contiguous). */
export function grayscale(src: usize, dst: usize, pixels: i32): void {
  let i = ASC_FEATURE_SIMD ? lumaSimd(src, dst, pixels, true) : 0;
  for (; i < pixels; i++) {
    const o = (<usize>i) << 2;
    store<u32>(dst + o, grayPixel(load<u32>(src + o)));
  }
}

/** Invert: 255 − each colour channel; alpha kept. XOR with 0x00ffffff is 255 − c for every byte. */
export function invert(src: usize, dst: usize, pixels: i32): void {
  let i = ASC_FEATURE_SIMD ? invertSimd(src, dst, pixels) : 0;
  for (; i < pixels; i++) {
    const o = (<usize>i) << 2;
    store<u32>(dst + o, load<u32>(src + o) ^ 0x00ffffff);
  }
}

/** Adds (sign 1) or subtracts (sign −1) one source row into the running column sums (i32, one per byte). */
export function boxAddRow(columns: usize, row: usize, stride: i32, sign: i32): void {
  for (let i = 0; i < stride; i++) {
    const c = columns + ((<usize>i) << 2);
    store<i32>(c, load<i32>(c) + sign * <i32>load<u8>(row + <usize>i));
  }
}

/**
 * Box blur r, as boxRows: column sums moved down row by row, a running sum moved along the row. The SIMD module's
 * column sums are u16 (boxSimd.ts), the scalar module's i32.
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
  memory.fill(columns, 0, (<usize>stride) << (ASC_FEATURE_SIMD ? 1 : 2));
  for (let k = -radius; k <= radius; k++) {
    const row = rowAt(src, clampi(y0 + k, height), srcTop, width);
    if (ASC_FEATURE_SIMD) addRowSimd(columns, row, stride);
    else boxAddRow(columns, row, stride, 1);
  }
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      const entering = rowAt(src, clampi(y + radius, height), srcTop, width);
      const leaving = rowAt(src, clampi(y - 1 - radius, height), srcTop, width);
      if (ASC_FEATURE_SIMD) {
        moveRowsSimd(columns, entering, leaving, stride);
      } else {
        boxAddRow(columns, entering, stride, 1);
        boxAddRow(columns, leaving, stride, -1);
      }
    }
    const d = rowAt(dst, y, dstTop, width);
    if (ASC_FEATURE_SIMD) boxRowSimd(columns, d, width, radius, area);
    else boxRow(columns, d, width, radius, area);
  }
}

/** One output row of the box blur from the i32 column sums. */
function boxRow(columns: usize, d: usize, width: i32, radius: i32, area: i32): void {
  const half = area >> 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = -radius; k <= radius; k++) {
    const c = columns + ((<usize>clampi(k, width)) << 4);
    s0 += load<i32>(c);
    s1 += load<i32>(c, 4);
    s2 += load<i32>(c, 8);
    s3 += load<i32>(c, 12);
  }
  for (let x = 0; x < width; x++) {
    const o = d + ((<usize>x) << 2);
    // Sums are non-negative, so unsigned division is the floor.
    store<u8>(o, <u8>(<u32>(s0 + half) / <u32>area));
    store<u8>(o, <u8>(<u32>(s1 + half) / <u32>area), 1);
    store<u8>(o, <u8>(<u32>(s2 + half) / <u32>area), 2);
    store<u8>(o, <u8>(<u32>(s3 + half) / <u32>area), 3);
    const add = columns + ((<usize>clampi(x + radius + 1, width)) << 4);
    const sub = columns + ((<usize>clampi(x - radius, width)) << 4);
    s0 += load<i32>(add) - load<i32>(sub);
    s1 += load<i32>(add, 4) - load<i32>(sub, 4);
    s2 += load<i32>(add, 8) - load<i32>(sub, 8);
    s3 += load<i32>(add, 12) - load<i32>(sub, 12);
  }
}

/**
 * Copies picture row `row` into `padded` as u16 per byte with its edge pixels repeated `radius` times on each side,
 * as gaussianHorizontalRows does: the taps then need no clamping.
 */
export function padRow(padded: usize, row: usize, width: i32, radius: i32): void {
  const stride = width * 4;
  const body = padded + ((<usize>radius) << 3);
  for (let x = 0; x < radius; x++) {
    const left = padded + ((<usize>x) << 3);
    const right = body + ((<usize>(width + x)) << 3);
    for (let c: usize = 0; c < 4; c++) {
      store<u16>(left + (c << 1), load<u8>(row + c));
      store<u16>(right + (c << 1), load<u8>(row + <usize>(stride - 4) + c));
    }
  }
  let i = ASC_FEATURE_SIMD ? widenRowSimd(body, row, stride) : 0;
  for (; i < stride; i++) store<u16>(body + ((<usize>i) << 1), load<u8>(row + <usize>i));
}

/**
 * The Gaussian's horizontal pass, as gaussianHorizontalRows: bytes in, u16 (scale 256) out. `padded` is sized for
 * i32 per byte: the u16 row, then (SIMD) the weight pairs.
 */
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
  const pairWeights = padded + ((<usize>(width + 2 * radius)) << 3);
  if (ASC_FEATURE_SIMD) storeWeightPairs(pairWeights, weights, radius);
  for (let y = y0; y < y1; y++) {
    padRow(padded, rowAt(src, y, srcTop, width), width, radius);
    const d = dst + <usize>((y - dstTop) * stride * 2);
    let i = ASC_FEATURE_SIMD ? horizontalSimd(padded, pairWeights, d, stride, radius) : 0;
    for (; i < stride; i++) {
      const at = padded + ((<usize>i) << 1) + ((<usize>radius) << 3);
      let acc = centre * <i32>load<u16>(at);
      for (let k = 1; k <= radius; k++) {
        const w = load<i32>(weights + ((<usize>(radius + k)) << 2));
        acc += w * (<i32>load<u16>(at - ((<usize>k) << 3)) + <i32>load<u16>(at + ((<usize>k) << 3)));
      }
      store<u16>(d + ((<usize>i) << 1), <u16>((acc + 8) >> 4));
    }
  }
}

/**
 * Fills `rows` (2R+1 pointers, usize) with the source rows y−R … y+R clamped to the picture: the vertical taps of
 * one output row.
 */
function tapRows(rows: usize, src: usize, srcTop: i32, stride2: i32, y: i32, height: i32, radius: i32): void {
  for (let k = -radius; k <= radius; k++) {
    store<usize>(
      rows + ((<usize>(k + radius)) << alignof<usize>()),
      src + <usize>((clampi(y + k, height) - srcTop) * stride2),
    );
  }
}

/**
 * The Gaussian's vertical pass, as gaussianVerticalRows: u16 in (rows clamped to the picture), bytes out. `rows`
 * holds the 2R + 1 tap rows' pointers, then (SIMD) the weight vectors.
 */
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
  const centre = load<i32>(weights + ((<usize>radius) << 2));
  const vectors = rows + ((<usize>(2 * radius + 1)) << alignof<usize>());
  if (ASC_FEATURE_SIMD) storeWeightVectors(vectors, weights, radius);
  for (let y = y0; y < y1; y++) {
    tapRows(rows, src, srcTop, stride * 2, y, height, radius);
    const mid = load<usize>(rows + ((<usize>radius) << alignof<usize>()));
    const d = rowAt(dst, y, dstTop, width);
    let i = ASC_FEATURE_SIMD ? verticalSimd(rows, vectors, d, stride, radius) : 0;
    for (; i < stride; i++) {
      const o = (<usize>i) << 1;
      let acc = centre * <i32>load<u16>(mid + o);
      for (let k = 1; k <= radius; k++) {
        const w = load<i32>(weights + ((<usize>(radius + k)) << 2));
        const up = load<usize>(rows + ((<usize>(radius - k)) << alignof<usize>()));
        const down = load<usize>(rows + ((<usize>(radius + k)) << alignof<usize>()));
        acc += w * (<i32>load<u16>(up + o) + <i32>load<u16>(down + o));
      }
      store<u8>(d + <usize>i, <u8>((acc + (1 << 19)) >> 20));
    }
  }
}

/** Sharpen: 5·centre − the four direct neighbours per colour channel, clamped to 0…255; alpha kept. */
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
  for (let y = y0; y < y1; y++) {
    const up = rowAt(src, clampi(y - 1, height), srcTop, width);
    const down = rowAt(src, clampi(y + 1, height), srcTop, width);
    stencilRow<u32>(up, rowAt(src, y, srcTop, width), down, rowAt(dst, y, dstTop, width), width);
  }
}

/** The luma of picture rows [top, bottom) into `lum` (one byte a pixel), for Sobel. */
export function lumaRows(src: usize, srcTop: i32, lum: usize, width: i32, top: i32, bottom: i32): void {
  for (let y = top; y < bottom; y++) {
    const s = rowAt(src, y, srcTop, width);
    const l = lum + <usize>((y - top) * width);
    let x = ASC_FEATURE_SIMD ? lumaSimd(s, l, width, false) : 0;
    for (; x < width; x++) {
      const v = load<u32>(s + ((<usize>x) << 2));
      store<u8>(l + <usize>x, <u8>luma(v & 255, (v >> 8) & 255, (v >> 16) & 255));
    }
  }
}

/** Sobel on the luma rows `lum` (picture rows [top, …)) for picture rows [y0, y1); opaque gray out. */
export function sobel(lum: usize, top: i32, dst: usize, dstTop: i32, width: i32, height: i32, y0: i32, y1: i32): void {
  for (let y = y0; y < y1; y++) {
    const up = lum + <usize>((clampi(y - 1, height) - top) * width);
    const mid = lum + <usize>((y - top) * width);
    const down = lum + <usize>((clampi(y + 1, height) - top) * width);
    stencilRow<u8>(up, mid, down, rowAt(dst, y, dstTop, width), width);
  }
}
