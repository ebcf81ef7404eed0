/**
 * Addresses in a kernel module's memory for one call: buffers are laid out one after another (16-byte aligned, for
 * SIMD loads), then the memory is grown once to hold them all. Growing replaces `memory.buffer`, so views into it
 * are made only after `grow`.
 */
export const PAGE = 65_536;
/** The first page is left to the module (AssemblyScript's stub runtime keeps its globals below its heap base). */
export const BASE = PAGE;

export class Layout {
  #end: number;

  /** Lays buffers out from `base` on (a worker's own region of a shared memory starts elsewhere). */
  constructor(base = BASE) {
    this.#end = base;
  }

  /** The first byte after everything taken so far. */
  get end(): number {
    return this.#end;
  }

  /** Reserves `bytes` and returns their address. */
  take(bytes: number): number {
    const at = (this.#end + 15) & ~15;
    this.#end = at + bytes;
    return at;
  }

  /** Grows `memory` to hold everything taken so far. */
  grow(memory: WebAssembly.Memory): void {
    const missing = this.#end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  }
}
