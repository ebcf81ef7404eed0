/**
 * The first, straightforward versions of the kernels that were later tuned for speed: the tests' reference (the
 * tuned kernels must give the same bytes) and the benchmark's "JavaScript before tuning" row.
 */
import { clamp, luma, rowOffset } from '../../workers/kernels/image/rows';
import type { MandelbrotView } from '../../workers/kernels/mandelbrot';

export function sumSquaresMod32(start: number, end: number): number {
  let acc = 0;
  for (let i = start; i < end; i++) acc = (acc + Math.imul(i, i)) | 0;
  return acc >>> 0;
}

export function grayscaleRows(
  src: Uint8ClampedArray,
  srcTop: number,
  dst: Uint8ClampedArray,
  dstTop: number,
  width: number,
  y0: number,
  y1: number,
): void {
  const s = rowOffset(y0, srcTop, width);
  const d = rowOffset(y0, dstTop, width);
  const end = (y1 - y0) * width * 4;
  for (let i = 0; i < end; i += 4) {
    const y = luma(src[s + i]!, src[s + i + 1]!, src[s + i + 2]!);
    dst[d + i] = y;
    dst[d + i + 1] = y;
    dst[d + i + 2] = y;
    dst[d + i + 3] = src[s + i + 3]!;
  }
}

export function boxRows(
  src: Uint8ClampedArray,
  srcTop: number,
  dst: Uint8ClampedArray,
  dstTop: number,
  width: number,
  height: number,
  y0: number,
  y1: number,
  radius: number,
): void {
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

export function sobelRows(
  src: Uint8ClampedArray,
  srcTop: number,
  dst: Uint8ClampedArray,
  dstTop: number,
  width: number,
  height: number,
  y0: number,
  y1: number,
): void {
  const top = clamp(y0 - 1, height);
  const bottom = clamp(y1, height) + 1;
  const lum = new Uint8Array((bottom - top) * width);
  for (let y = top; y < bottom; y++) {
    const s = rowOffset(y, srcTop, width);
    const l = (y - top) * width;
    for (let x = 0; x < width; x++) lum[l + x] = luma(src[s + x * 4]!, src[s + x * 4 + 1]!, src[s + x * 4 + 2]!);
  }
  for (let y = y0; y < y1; y++) {
    const up = (clamp(y - 1, height) - top) * width;
    const mid = (y - top) * width;
    const down = (clamp(y + 1, height) - top) * width;
    const d = rowOffset(y, dstTop, width);
    for (let x = 0; x < width; x++) {
      const l = clamp(x - 1, width);
      const r = clamp(x + 1, width);
      const gx = lum[up + r]! + 2 * lum[mid + r]! + lum[down + r]! - lum[up + l]! - 2 * lum[mid + l]! - lum[down + l]!;
      const gy = lum[down + l]! + 2 * lum[down + x]! + lum[down + r]! - lum[up + l]! - 2 * lum[up + x]! - lum[up + r]!;
      const magnitude = Math.min(255, Math.round(Math.sqrt(gx * gx + gy * gy)));
      dst[d + x * 4] = magnitude;
      dst[d + x * 4 + 1] = magnitude;
      dst[d + x * 4 + 2] = magnitude;
      dst[d + x * 4 + 3] = 255;
    }
  }
}

export function mandelbrotRows(view: MandelbrotView, rowStart: number, rowEnd: number): Uint16Array {
  const { width, height, xMin, xMax, yMin, yMax, maxIterations } = view;
  const out = new Uint16Array((rowEnd - rowStart) * width);
  const dx = (xMax - xMin) / width;
  const dy = (yMax - yMin) / height;
  let index = 0;
  for (let row = rowStart; row < rowEnd; row++) {
    const ci = yMin + (row + 0.5) * dy;
    for (let col = 0; col < width; col++) {
      const cr = xMin + (col + 0.5) * dx;
      let zr = 0;
      let zi = 0;
      let n = 0;
      while (n < maxIterations) {
        const zr2 = zr * zr;
        const zi2 = zi * zi;
        if (zr2 + zi2 > 4) break;
        zi = 2 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
      }
      out[index++] = n;
    }
  }
  return out;
}
