// The image filters, scalar: each the twin of its JavaScript kernel in workers/kernels/image (same integer
// arithmetic, same bytes). Pointers: `src` holds picture rows [srcTop, …), `dst` rows [dstTop, …); scratch memory
// is laid out by the caller.
import { clampi, grayPixel, luma, rowAt } from './common';

/** Grayscale of `pixels` consecutive pixels (a band's rows are contiguous). */
export function grayscale(src: usize, dst: usize, pixels: i32): void {
  for (let i = 0; i < pixels; i++) {
    const o = (<usize>i) << 2;
    store<u32>(dst + o, grayPixel(load<u32>(src + o)));
  }
}

/** Invert: 255 − each colour channel; alpha kept. XOR with 0x00ffffff is 255 − c for every byte. */
export function invert(src: usize, dst: usize, pixels: i32): void {
  for (let i = 0; i < pixels; i++) {
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

/** Box blur r, as boxRows: column sums moved down row by row, a running sum moved along the row. */
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
  const half = area >> 1;
  memory.fill(columns, 0, (<usize>stride) << 2);
  for (let k = -radius; k <= radius; k++)
    boxAddRow(columns, rowAt(src, clampi(y0 + k, height), srcTop, width), stride, 1);
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      boxAddRow(columns, rowAt(src, clampi(y + radius, height), srcTop, width), stride, 1);
      boxAddRow(columns, rowAt(src, clampi(y - 1 - radius, height), srcTop, width), stride, -1);
    }
    const d = rowAt(dst, y, dstTop, width);
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
}

/**
 * Copies picture row `row` into `padded` (i32 per byte) with its edge pixels repeated `radius` times on each side,
 * as gaussianHorizontalRows does: the taps then need no clamping.
 */
export function padRow(padded: usize, row: usize, width: i32, radius: i32): void {
  for (let x = -radius; x < width + radius; x++) {
    const from = row + ((<usize>clampi(x, width)) << 2);
    const to = padded + ((<usize>(x + radius)) << 4);
    store<i32>(to, load<u8>(from));
    store<i32>(to, load<u8>(from, 1), 4);
    store<i32>(to, load<u8>(from, 2), 8);
    store<i32>(to, load<u8>(from, 3), 12);
  }
}

/** The Gaussian's horizontal pass, as gaussianHorizontalRows: bytes in, u16 (scale 256) out. */
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
  for (let y = y0; y < y1; y++) {
    padRow(padded, rowAt(src, y, srcTop, width), width, radius);
    const d = dst + <usize>((y - dstTop) * stride * 2);
    for (let i = 0; i < stride; i++) {
      const p = padded + ((<usize>i) << 2);
      let acc = centre * load<i32>(p + ((<usize>radius) << 4));
      for (let k = 1; k <= radius; k++) {
        const w = load<i32>(weights + ((<usize>(radius + k)) << 2));
        acc += w * (load<i32>(p + ((<usize>(radius - k)) << 4)) + load<i32>(p + ((<usize>(radius + k)) << 4)));
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

/** The Gaussian's vertical pass, as gaussianVerticalRows: u16 in (rows clamped to the picture), bytes out. */
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
  for (let y = y0; y < y1; y++) {
    tapRows(rows, src, srcTop, stride * 2, y, height, radius);
    const mid = load<usize>(rows + ((<usize>radius) << alignof<usize>()));
    const d = rowAt(dst, y, dstTop, width);
    for (let i = 0; i < stride; i++) {
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
    const row = rowAt(src, y, srcTop, width);
    const up = rowAt(src, clampi(y - 1, height), srcTop, width);
    const down = rowAt(src, clampi(y + 1, height), srcTop, width);
    const d = rowAt(dst, y, dstTop, width);
    for (let x = 0; x < width; x++) sharpenPixel(row, up, down, d, x, width);
  }
}

/** One sharpened pixel at column x of the row `row` (rows `up` and `down` around it) into the output row `d`. */
export function sharpenPixel(row: usize, up: usize, down: usize, d: usize, x: i32, width: i32): void {
  const i = (<usize>x) << 2;
  const left = (<usize>clampi(x - 1, width)) << 2;
  const right = (<usize>clampi(x + 1, width)) << 2;
  for (let c: usize = 0; c < 3; c++) {
    const v =
      5 * <i32>load<u8>(row + i + c) -
      <i32>load<u8>(up + i + c) -
      <i32>load<u8>(down + i + c) -
      <i32>load<u8>(row + left + c) -
      <i32>load<u8>(row + right + c);
    store<u8>(d + i + c, <u8>(v < 0 ? 0 : v > 255 ? 255 : v));
  }
  store<u8>(d + i + 3, load<u8>(row + i + 3));
}

/** The luma of picture rows [top, bottom) into `lum` (one byte a pixel), for Sobel. */
export function lumaRows(src: usize, srcTop: i32, lum: usize, width: i32, top: i32, bottom: i32): void {
  for (let y = top; y < bottom; y++) {
    const s = rowAt(src, y, srcTop, width);
    const l = lum + <usize>((y - top) * width);
    for (let x = 0; x < width; x++) {
      const v = load<u32>(s + ((<usize>x) << 2));
      store<u8>(l + <usize>x, <u8>luma(v & 255, (v >> 8) & 255, (v >> 16) & 255));
    }
  }
}

/** Sobel magnitude at one pixel from the luma rows above, at and below: min(255, round(√(gx² + gy²))). */
export function sobelPixel(up: usize, mid: usize, down: usize, l: usize, x: usize, r: usize): u32 {
  const gx =
    <i32>load<u8>(up + r) +
    2 * <i32>load<u8>(mid + r) +
    <i32>load<u8>(down + r) -
    <i32>load<u8>(up + l) -
    2 * <i32>load<u8>(mid + l) -
    <i32>load<u8>(down + l);
  const gy =
    <i32>load<u8>(down + l) +
    2 * <i32>load<u8>(down + x) +
    <i32>load<u8>(down + r) -
    <i32>load<u8>(up + l) -
    2 * <i32>load<u8>(up + x) -
    <i32>load<u8>(up + r);
  // √n is never exactly k + ½ for an integer n, so floor(√n + ½) is JavaScript's Math.round here.
  const m = <u32>Math.floor(Math.sqrt(<f64>(gx * gx + gy * gy)) + 0.5);
  return m > 255 ? 255 : m;
}

/** Sobel on the luma rows `lum` (picture rows [top, …)) for picture rows [y0, y1); opaque gray out. */
export function sobel(lum: usize, top: i32, dst: usize, dstTop: i32, width: i32, height: i32, y0: i32, y1: i32): void {
  for (let y = y0; y < y1; y++) {
    const up = lum + <usize>((clampi(y - 1, height) - top) * width);
    const mid = lum + <usize>((y - top) * width);
    const down = lum + <usize>((clampi(y + 1, height) - top) * width);
    const d = rowAt(dst, y, dstTop, width);
    for (let x = 0; x < width; x++) {
      const m = sobelPixel(up, mid, down, <usize>clampi(x - 1, width), <usize>x, <usize>clampi(x + 1, width));
      store<u32>(d + ((<usize>x) << 2), 0xff000000 | (m * 0x010101));
    }
  }
}
