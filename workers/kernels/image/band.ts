import { boxRows } from './box';
import { checkFilter, type Filter } from './filter';
import { gaussianRows } from './gaussian';
import { sharpenRows, sobelRows } from './neighbours';
import { grayscaleRows, invertRows } from './point';
import { rowOffset } from './rows';

/**
 * Filters picture rows [y0, y1) of a `width`×`height` picture. `src` holds rows [srcTop, …), which must include the
 * filter's halo around the band (clamped to the picture); `dst` holds rows [dstTop, …).
 */
export function applyFilter(
  filter: Filter,
  src: Uint8ClampedArray,
  srcTop: number,
  dst: Uint8ClampedArray,
  dstTop: number,
  width: number,
  height: number,
  y0: number,
  y1: number,
): void {
  const job = { src, srcTop, dst, dstTop, width, height, y0, y1 };
  switch (filter.name) {
    case 'grayscale':
      return grayscaleRows(job);
    case 'invert':
      return invertRows(job);
    case 'box':
      return boxRows(job, filter.radius);
    case 'gaussian':
      return gaussianRows(job, filter.sigma);
    case 'sharpen':
      return sharpenRows(job);
    case 'sobel':
      return sobelRows(job);
  }
}

/**
 * One band in copy and transfer modes: `window` holds picture rows [windowTop, …), the band and its halo. Returns
 * the band's filtered rows [y0, y1) in a buffer of their own, which the worker can send back or transfer.
 */
export function filterBand(
  filter: Filter,
  window: Uint8ClampedArray,
  windowTop: number,
  width: number,
  height: number,
  y0: number,
  y1: number,
): Uint8ClampedArray {
  checkFilter(filter);
  checkRows(window, windowTop, width, height, y0, y1);
  const out = new Uint8ClampedArray((y1 - y0) * width * 4);
  applyFilter(filter, window, windowTop, out, y0, width, height, y0, y1);
  return out;
}

/** filterBand's arguments, which the WebAssembly kernels' twin takes too. */
export type BandArgs = Parameters<typeof filterBand>;

/** Throws a RangeError unless rows [y0, y1) and their window fit a `width`×`height` picture. */
export function checkRows(
  window: Uint8ClampedArray,
  top: number,
  width: number,
  height: number,
  y0: number,
  y1: number,
): void {
  const ok =
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    width > 0 &&
    height > 0 &&
    Number.isInteger(y0) &&
    Number.isInteger(y1) &&
    0 <= top &&
    top <= y0 &&
    y0 < y1 &&
    y1 <= height &&
    window.length % (width * 4) === 0 &&
    rowOffset(y1, top, width) <= window.length;
  if (!ok) throw new RangeError(`band rows [${y0}, ${y1}) do not fit a ${width}×${height} picture's window`);
}
