import { growRegion, newSharedMemory, type WasmSharedMemory } from '../../workers/wasm/sharedMemory';

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
 *
 * Where it can, the picture lives in a shared WebAssembly.Memory (`wasm`): the JavaScript kernels read its
 * SharedArrayBuffer as any other, and the WebAssembly kernels, which address only their module's memory, import this
 * one and work in place. Where a shared WebAssembly.Memory cannot be made, `wasm` is null and the picture is in plain
 * SharedArrayBuffers: the WebAssembly backends then copy each band into their own memory and back.
 */
export interface SharedPicture {
  width: number;
  height: number;
  input: Uint8ClampedArray;
  output: Uint8ClampedArray;
  /** The 16-bit intermediate picture between the Gaussian's passes, allocated on first use (sharedScratch). */
  scratch: Uint16Array | null;
  wasm: WasmSharedMemory | null;
}

/** Copies a picture into shared memory (once, outside any timed run). */
export function sharePicture(picture: Picture, { inWasmMemory = true } = {}): SharedPicture {
  const bytes = picture.data.byteLength;
  const wasm = inWasmMemory ? newSharedMemory() : null;
  const inputAt = wasm ? growRegion(wasm.memory, bytes) : 0;
  const outputAt = wasm ? growRegion(wasm.memory, bytes) : 0;
  const buffer = () => (wasm ? wasm.memory.buffer : new SharedArrayBuffer(bytes));
  const input = new Uint8ClampedArray(buffer(), inputAt, bytes);
  input.set(picture.data);
  const output = new Uint8ClampedArray(buffer(), outputAt, bytes);
  return { width: picture.width, height: picture.height, input, output, scratch: null, wasm };
}

/** The Gaussian's 16-bit scratch picture, in the same memory as the picture, made on first use. */
export function sharedScratch(shared: SharedPicture): Uint16Array {
  if (!shared.scratch) {
    const length = shared.input.length;
    const { wasm } = shared;
    if (wasm) {
      // Grown first: the view must be made on the buffer that has the new pages.
      const at = growRegion(wasm.memory, length * 2);
      shared.scratch = new Uint16Array(wasm.memory.buffer, at, length);
    } else shared.scratch = new Uint16Array(new SharedArrayBuffer(length * 2));
  }
  return shared.scratch;
}

/** True when both hold the same bytes. */
export function equalBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const megapixels = (picture: { width: number; height: number }) => (picture.width * picture.height) / 1e6;
