/**
 * Where rows live. A kernel reads rows from a source array that holds picture rows [srcTop, …) and writes rows into a
 * destination that holds rows [dstTop, …): a band's own buffer (copy, transfer) or the whole picture (shared).
 */
const BYTES_PER_PIXEL = 4;

/**
 * One kernel call: picture rows [y0, y1) of a `width`×`height` picture, read from `src`, which holds rows
 * [srcTop, …), and written into `dst`, which holds rows [dstTop, …). Kernels copy its fields into locals first.
 */
export interface RowJob<S = Uint8ClampedArray, D = Uint8ClampedArray> {
  src: S;
  srcTop: number;
  dst: D;
  dstTop: number;
  width: number;
  height: number;
  y0: number;
  y1: number;
}

/** A job on arrays that each hold the whole picture (shared mode, or one band that is the whole picture). */
export function wholePictureJob<S, D>(
  src: S,
  dst: D,
  width: number,
  height: number,
  y0: number,
  y1: number,
): RowJob<S, D> {
  return { src, srcTop: 0, dst, dstTop: 0, width, height, y0, y1 };
}

/** The clamp rule: a row or column outside the picture reads the nearest one inside it. */
export function clamp(index: number, size: number): number {
  return index < 0 ? 0 : index >= size ? size - 1 : index;
}

/** Byte offset of picture row `y` in an array that starts at row `top`. */
export function rowOffset(y: number, top: number, width: number): number {
  return (y - top) * width * BYTES_PER_PIXEL;
}

/** Perceived brightness in integers (ITU-R BT.601 weights × 256, rounded): exact and the same on every thread. */
export function luma(r: number, g: number, b: number): number {
  return (77 * r + 150 * g + 29 * b + 128) >> 8;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * `count` RGBA pixels from byte `start` of `bytes` as one 32-bit word each (R in the low byte), or null where that
 * view cannot be made (a start not on a 4-byte boundary, a big-endian machine). Reading a pixel in one load instead
 * of four is what makes the tuned point filters about twice as fast.
 */
export function pixelWords(bytes: Uint8ClampedArray, start: number, count: number): Int32Array | null {
  const at = bytes.byteOffset + start;
  // Int32, not Uint32: V8 keeps int32 values in registers, while a Uint32 word ≥ 2³¹ becomes a double.
  return LITTLE_ENDIAN && at % 4 === 0 ? new Int32Array(bytes.buffer, at, count) : null;
}

/** One pixel word to gray (its luma in R, G and B), alpha kept. */
export function grayWord(v: number): number {
  const y = (77 * (v & 255) + 150 * ((v >>> 8) & 255) + 29 * ((v >>> 16) & 255) + 128) >> 8;
  return (v & 0xff000000) | (y * 0x010101);
}
