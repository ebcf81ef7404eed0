import type { WasmBackend } from '../kernels/backend';
import { WasmKernels } from './kernels';
import { MAX_PAGES } from './sharedMemory';
import { WASM_SHARED_URLS, WASM_URLS } from './urls';
import { warm } from './warm';

/** How long a backend's module took to become ready in this worker, measured once. */
export interface WasmReady {
  backend: WasmBackend;
  /** Fetch, compile and instantiate. */
  loadMs: number;
  /** The warm-up: the first calls run in V8's baseline tier, so they are made here, before anything is timed. */
  warmMs: number;
  /** The warm-up's first round alone: the cold figure, shown apart from the timed runs. */
  coldRoundMs: number;
}

const modules = new Map<WasmBackend, Promise<{ kernels: WasmKernels; ready: WasmReady }>>();

/** The backend's module in this worker: fetched, instantiated and warmed once, then reused for every chunk. */
export function wasmKernels(backend: WasmBackend): Promise<{ kernels: WasmKernels; ready: WasmReady }> {
  let loading = modules.get(backend);
  if (!loading) {
    loading = load(backend);
    // A failed load is not cached: the next job tries again and reports its own error.
    loading.catch(() => modules.delete(backend));
    modules.set(backend, loading);
  }
  return loading;
}

async function bytesOf(url: URL, backend: WasmBackend): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the ${backend} kernels did not load: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function load(backend: WasmBackend) {
  const started = performance.now();
  // With cross-origin isolation, shared mode's picture lives in a shared WebAssembly.Memory: its build comes too.
  const shared = globalThis.crossOriginIsolated === true;
  const [bytes, sharedBytes] = await Promise.all([
    bytesOf(WASM_URLS[backend], backend),
    shared ? bytesOf(WASM_SHARED_URLS[backend], backend) : null,
  ]);
  const kernels = await WasmKernels.instantiate(bytes);
  if (sharedBytes) kernels.sharedModule = await WebAssembly.compile(sharedBytes);
  const loaded = performance.now();
  const coldRoundMs = await warm(kernels);
  // The shared build is its own code: warmed on a small shared memory of its own (the code, not the instance, tiers up).
  if (kernels.sharedModule) {
    const memory = new WebAssembly.Memory({ initial: 2, maximum: MAX_PAGES, shared: true });
    await warm(WasmKernels.onMemory(kernels.sharedModule, memory));
  }
  return {
    kernels,
    ready: { backend, loadMs: loaded - started, warmMs: performance.now() - loaded, coldRoundMs },
  };
}
