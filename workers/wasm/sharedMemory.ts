import type { WasmSharedMemory } from '../kernels/image/shared';
import { PAGE } from './layout';

export type { WasmSharedMemory };

/** wasm32's 4 GiB: the `-shared` builds declare it (scripts/wasmBuild.ts); the memory may not declare more. */
export const MAX_PAGES = 65_536;

let made = 0;

/**
 * A fresh shared memory of one page (the page a kernel module keeps for itself), or null where shared memory is
 * unavailable (a page without cross-origin isolation) or the browser cannot reserve it.
 */
export function newSharedMemory(): WasmSharedMemory | null {
  if (typeof SharedArrayBuffer === 'undefined') return null;
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    made++;
    return { memory, id: `${made}-${Math.random().toString(36).slice(2)}` };
  } catch {
    return null;
  }
}

/**
 * Grows a shared memory by whole pages for `bytes` and returns their address. Growing a shared memory is atomic, so
 * workers that each grow the same memory at once get regions of their own; earlier views stay valid (a shared
 * memory's buffer never detaches), and views made from `memory.buffer` afterwards see the new pages.
 */
export function growRegion(memory: WebAssembly.Memory, bytes: number): number {
  return memory.grow(Math.max(1, Math.ceil(bytes / PAGE))) * PAGE;
}
