import { clamp, luma, pixelWords, rowOffset, type RowJob } from './rows';

/** Sharpen: 5·centre − the four direct neighbours, per colour channel, clamped to 0…255; alpha is kept. */
export function sharpenRows(job: RowJob): void {
  const { src, srcTop, dst, dstTop, width, height, y0, y1 } = job;
  for (let y = y0; y < y1; y++) {
    const row = rowOffset(y, srcTop, width);
    const up = rowOffset(clamp(y - 1, height), srcTop, width);
    const down = rowOffset(clamp(y + 1, height), srcTop, width);
    const d = rowOffset(y, dstTop, width);
    for (let x = 0; x < width; x++) {
      const i = x * 4;
      const left = clamp(x - 1, width) * 4;
      const right = clamp(x + 1, width) * 4;
      for (let c = 0; c < 3; c++) {
        dst[d + i + c] =
          5 * src[row + i + c]! - src[up + i + c]! - src[down + i + c]! - src[row + left + c]! - src[row + right + c]!;
      }
      dst[d + i + 3] = src[row + i + 3]!;
    }
  }
}

/**
 * Sobel edge detection on the luma: the gradient's length √(gx² + gy²), rounded and capped at 255, as an opaque
 * gray pixel. The luma of the rows a band needs (its own and one above and below) is computed once first.
 */
export function sobelRows(job: RowJob): void {
  const { src, srcTop, dst, dstTop, width, height, y0, y1 } = job;
  const top = clamp(y0 - 1, height);
  const bottom = clamp(y1, height) + 1;
  const lum = new Uint8Array((bottom - top) * width);
  for (let y = top; y < bottom; y++) {
    const s = rowOffset(y, srcTop, width);
    const l = (y - top) * width;
    const words = pixelWords(src, s, width);
    if (words) {
      for (let x = 0; x < width; x++) {
        const v = words[x]!;
        lum[l + x] = (77 * (v & 255) + 150 * ((v >>> 8) & 255) + 29 * ((v >>> 16) & 255) + 128) >> 8;
      }
    } else {
      for (let x = 0; x < width; x++) lum[l + x] = luma(src[s + x * 4]!, src[s + x * 4 + 1]!, src[s + x * 4 + 2]!);
    }
  }
  for (let y = y0; y < y1; y++) {
    const up = (clamp(y - 1, height) - top) * width;
    const mid = (y - top) * width;
    const down = (clamp(y + 1, height) - top) * width;
    const d = rowOffset(y, dstTop, width);
    const out = pixelWords(dst, d, width);
    for (let x = 0; x < width; x++) {
      // Only the first and last columns clamp.
      const l = x > 0 ? x - 1 : 0;
      const r = x < width - 1 ? x + 1 : width - 1;
      const gx = lum[up + r]! + 2 * lum[mid + r]! + lum[down + r]! - lum[up + l]! - 2 * lum[mid + l]! - lum[down + l]!;
      const gy = lum[down + l]! + 2 * lum[down + x]! + lum[down + r]! - lum[up + l]! - 2 * lum[up + x]! - lum[up + r]!;
      const magnitude = Math.min(255, Math.round(Math.sqrt(gx * gx + gy * gy)));
      if (out) {
        out[x] = 0xff000000 | (magnitude * 0x010101);
      } else {
        dst[d + x * 4] = magnitude;
        dst[d + x * 4 + 1] = magnitude;
        dst[d + x * 4 + 2] = magnitude;
        dst[d + x * 4 + 3] = 255;
      }
    }
  }
}
