// The image filters with hand-written SIMD (Binaryen does not auto-vectorise): the same integer arithmetic as the
// scalar twins in image.ts, lanes side by side, and the scalar code for edges and tails. Same bytes.
import { clampi, grayPixel, luma, rowAt } from './common';
import { padRow, sharpen, sobelPixel } from './image';

const BYTE = i32x4.splat(255);

/** Gray of four RGBA pixels (one u32 lane each), alpha kept: the luma in i32 lanes, copied to R, G and B. */
function grayLanes(v: v128): v128 {
  const r = v128.and(v, BYTE);
  const g = v128.and(i32x4.shr_u(v, 8), BYTE);
  const b = v128.and(i32x4.shr_u(v, 16), BYTE);
  return lumaLanes(r, g, b);
}

function lumaLanes(r: v128, g: v128, b: v128): v128 {
  let y = i32x4.add(i32x4.mul(r, i32x4.splat(77)), i32x4.mul(g, i32x4.splat(150)));
  y = i32x4.add(y, i32x4.add(i32x4.mul(b, i32x4.splat(29)), i32x4.splat(128)));
  return i32x4.shr_u(y, 8);
}

function lumaOf(v: v128): v128 {
  return grayLanes(v);
}

export function grayscale(src: usize, dst: usize, pixels: i32): void {
  const alpha = i32x4.splat(0xff000000);
  const spread = i32x4.splat(0x010101);
  let i = 0;
  for (; i + 8 <= pixels; i += 8) {
    const o = (<usize>i) << 2;
    const a = v128.load(src + o);
    const b = v128.load(src + o, 16);
    v128.store(dst + o, v128.or(v128.and(a, alpha), i32x4.mul(lumaOf(a), spread)));
    v128.store(dst + o, v128.or(v128.and(b, alpha), i32x4.mul(lumaOf(b), spread)), 16);
  }
  for (; i < pixels; i++) {
    const o = (<usize>i) << 2;
    store<u32>(dst + o, grayPixel(load<u32>(src + o)));
  }
}

export function invert(src: usize, dst: usize, pixels: i32): void {
  const mask = i32x4.splat(0x00ffffff);
  let i = 0;
  for (; i + 4 <= pixels; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(dst + o, v128.xor(v128.load(src + o), mask));
  }
  for (; i < pixels; i++) {
    const o = (<usize>i) << 2;
    store<u32>(dst + o, load<u32>(src + o) ^ 0x00ffffff);
  }
}

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

export { sharpen };

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

/**
 * Magnitudes of four pixels from gx² + gy² in i32 lanes: min(255, round(√n)) in f32. n is capped at 65 281
 * (√ = 255.5…, which rounds to 256, then capped) so it is exact in f32, and for n ≤ 65 281 √n lies at least
 * 0.25 / 512 from any k + ½ while f32 rounds √n and √n + ½ by at most 2⁻¹⁷ each: the same integer as f64.
 */
function magnitudes(n: v128): v128 {
  const capped = i32x4.min_u(n, i32x4.splat(65281));
  const root = f32x4.add(f32x4.sqrt(f32x4.convert_i32x4_s(capped)), f32x4.splat(0.5));
  const m = i32x4.min_s(i32x4.trunc_sat_f32x4_s(root), BYTE);
  return v128.or(i32x4.mul(m, i32x4.splat(0x010101)), i32x4.splat(0xff000000));
}

/** Sobel, eight pixels a step on i16 lanes (|g| ≤ 1020) away from the edges; the edge columns are scalar. */
export function sobel(lum: usize, top: i32, dst: usize, dstTop: i32, width: i32, height: i32, y0: i32, y1: i32): void {
  const two = i16x8.splat(2);
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
      const gx = i16x8.sub(
        i16x8.add(i16x8.add(ur, i16x8.mul(two, mr)), dr),
        i16x8.add(i16x8.add(ul, i16x8.mul(two, ml)), dl),
      );
      const gy = i16x8.sub(
        i16x8.add(i16x8.add(dl, i16x8.mul(two, dc)), dr),
        i16x8.add(i16x8.add(ul, i16x8.mul(two, uc)), ur),
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
