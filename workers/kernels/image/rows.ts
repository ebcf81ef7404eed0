/**
 * Where rows live. A kernel reads rows from a source array that holds picture rows [srcTop, …) and writes rows into a
 * destination that holds rows [dstTop, …): a band's own buffer (copy, transfer) or the whole picture (shared).
 */
const BYTES_PER_PIXEL = 4;

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
