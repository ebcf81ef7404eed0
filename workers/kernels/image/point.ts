import { grayWord, luma, pixelWords, rowOffset, type RowJob } from './rows';

/** Grayscale: each pixel's colour becomes its luma; alpha is kept. Reads no neighbour, so needs no halo. */
export function grayscaleRows(job: RowJob): void {
  const { src, srcTop, dst, dstTop, width, y0, y1 } = job;
  const s = rowOffset(y0, srcTop, width);
  const d = rowOffset(y0, dstTop, width);
  const pixels = (y1 - y0) * width;
  const from = pixelWords(src, s, pixels);
  const to = pixelWords(dst, d, pixels);
  if (from && to) {
    for (let i = 0; i < pixels; i++) to[i] = grayWord(from[i]!);
    return;
  }
  const end = pixels * 4;
  for (let i = 0; i < end; i += 4) {
    const y = luma(src[s + i]!, src[s + i + 1]!, src[s + i + 2]!);
    dst[d + i] = y;
    dst[d + i + 1] = y;
    dst[d + i + 2] = y;
    dst[d + i + 3] = src[s + i + 3]!;
  }
}

/** Invert: 255 − each colour channel; alpha is kept. */
export function invertRows(job: RowJob): void {
  const { src, srcTop, dst, dstTop, width, y0, y1 } = job;
  const s = rowOffset(y0, srcTop, width);
  const d = rowOffset(y0, dstTop, width);
  const end = (y1 - y0) * width * 4;
  for (let i = 0; i < end; i += 4) {
    dst[d + i] = 255 - src[s + i]!;
    dst[d + i + 1] = 255 - src[s + i + 1]!;
    dst[d + i + 2] = 255 - src[s + i + 2]!;
    dst[d + i + 3] = src[s + i + 3]!;
  }
}
