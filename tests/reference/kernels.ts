/**
 * The first, straightforward versions of the kernels that were later tuned for speed: the tests' reference (the
 * tuned kernels must give the same bytes) and the benchmark's "JavaScript before tuning" row. They share only the
 * trivial rules (clamp, row offsets, luma) with the kernels they check, and are written in their plainest form.
 */
import { clamp, luma, rowOffset, type RowJob } from '../../workers/kernels/image/rows';
import type { MandelbrotView } from '../../workers/kernels/mandelbrot';

export function sumSquaresMod32(start: number, end: number): number {
  let acc = 0;
  for (let i = start; i < end; i++) acc = (acc + Math.imul(i, i)) | 0;
  return acc >>> 0;
}

export function grayscaleRows({ src, srcTop, dst, dstTop, width, y0, y1 }: RowJob): void {
  for (let y = y0; y < y1; y++) {
    const [from, to] = [rowOffset(y, srcTop, width), rowOffset(y, dstTop, width)];
    for (let x = 0; x < width; x++) {
      const [s, d] = [from + x * 4, to + x * 4];
      dst[d] = dst[d + 1] = dst[d + 2] = luma(src[s]!, src[s + 1]!, src[s + 2]!);
      dst[d + 3] = src[s + 3]!;
    }
  }
}

export function boxRows(job: RowJob, radius: number): void {
  const { src, srcTop, dst, dstTop, width, height, y0, y1 } = job;
  const stride = width * 4;
  const area = (2 * radius + 1) ** 2;
  const half = area >> 1;
  const columns = new Int32Array(stride);
  const addRow = (y: number, sign: number) => {
    const o = rowOffset(clamp(y, height), srcTop, width);
    for (let i = 0; i < stride; i++) columns[i]! += sign * src[o + i]!;
  };
  for (let k = -radius; k <= radius; k++) addRow(y0 + k, 1);
  for (let y = y0; y < y1; y++) {
    if (y > y0) {
      addRow(y + radius, 1);
      addRow(y - 1 - radius, -1);
    }
    const d = rowOffset(y, dstTop, width);
    for (let c = 0; c < 4; c++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += columns[clamp(k, width) * 4 + c]!;
      for (let x = 0; x < width; x++) {
        dst[d + x * 4 + c] = Math.floor((sum + half) / area);
        sum += columns[clamp(x + radius + 1, width) * 4 + c]! - columns[clamp(x - radius, width) * 4 + c]!;
      }
    }
  }
}

export function sobelRows({ src, srcTop, dst, dstTop, width, height, y0, y1 }: RowJob): void {
  // Each picture row's luma, made the first time a pixel needs it.
  const lumaOf = new Map<number, Uint8Array>();
  const lumaRow = (y: number): Uint8Array => {
    const row = clamp(y, height);
    let made = lumaOf.get(row);
    if (!made) {
      const s = rowOffset(row, srcTop, width);
      made = new Uint8Array(width);
      for (let x = 0; x < width; x++) made[x] = luma(src[s + x * 4]!, src[s + x * 4 + 1]!, src[s + x * 4 + 2]!);
      lumaOf.set(row, made);
    }
    return made;
  };
  for (let y = y0; y < y1; y++) {
    const [above, here, below] = [lumaRow(y - 1), lumaRow(y), lumaRow(y + 1)];
    for (let x = 0; x < width; x++) {
      const l = clamp(x - 1, width);
      const r = clamp(x + 1, width);
      const gx = above[r]! - above[l]! + 2 * (here[r]! - here[l]!) + below[r]! - below[l]!;
      const gy = below[l]! - above[l]! + 2 * (below[x]! - above[x]!) + below[r]! - above[r]!;
      const magnitude = Math.min(255, Math.round(Math.sqrt(gx * gx + gy * gy)));
      const d = rowOffset(y, dstTop, width) + x * 4;
      dst[d] = dst[d + 1] = dst[d + 2] = magnitude;
      dst[d + 3] = 255;
    }
  }
}

export function mandelbrotRows(view: MandelbrotView, rowStart: number, rowEnd: number): Uint16Array {
  const out = new Uint16Array((rowEnd - rowStart) * view.width);
  for (let row = rowStart; row < rowEnd; row++) {
    for (let col = 0; col < view.width; col++) out[(row - rowStart) * view.width + col] = escapeTime(view, col, row);
  }
  return out;
}

/** Steps of z ↦ z² + c from 0, for c at the pixel's centre, until |z| > 2 (or the limit). */
function escapeTime(
  { width, height, xMin, xMax, yMin, yMax, maxIterations }: MandelbrotView,
  col: number,
  row: number,
) {
  const cr = xMin + (col + 0.5) * ((xMax - xMin) / width);
  const ci = yMin + (row + 0.5) * ((yMax - yMin) / height);
  let zr = 0;
  let zi = 0;
  for (let n = 0; n < maxIterations; n++) {
    if (zr * zr + zi * zi > 4) return n;
    const next = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = next;
  }
  return maxIterations;
}
