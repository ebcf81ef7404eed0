/** A decoded picture: RGBA bytes, row after row, as `ImageData` holds them. */
export interface Picture {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The same picture in shared memory, made once when shared mode first needs it, with the output every shared run
 * writes into and the Gaussian's scratch: allocated once and reused, like a `shared_memory` block, so that no run
 * pays for fresh pages. A run's output is overwritten by the next run: copy it to keep it.
 */
export interface SharedPicture {
  width: number;
  height: number;
  input: Uint8ClampedArray;
  output: Uint8ClampedArray;
  /** The 16-bit intermediate picture between the Gaussian's passes, allocated on first use. */
  scratch: Uint16Array | null;
}

/** Copies a picture into a SharedArrayBuffer (once, outside any timed run). */
export function sharePicture(picture: Picture): SharedPicture {
  const input = new Uint8ClampedArray(new SharedArrayBuffer(picture.data.byteLength));
  input.set(picture.data);
  const output = new Uint8ClampedArray(new SharedArrayBuffer(picture.data.byteLength));
  return { width: picture.width, height: picture.height, input, output, scratch: null };
}

/** True when both hold the same bytes. */
export function equalBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const megapixels = (picture: { width: number; height: number }) => (picture.width * picture.height) / 1e6;
