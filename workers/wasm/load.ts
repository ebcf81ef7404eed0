import type { WasmBackend } from '../kernels/backend';
import { WasmKernels } from './kernels';
import { WASM_URLS } from './urls';
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

async function load(backend: WasmBackend) {
  const started = performance.now();
  const response = await fetch(WASM_URLS[backend]);
  if (!response.ok) throw new Error(`the ${backend} kernels did not load: HTTP ${response.status}`);
  const kernels = await WasmKernels.instantiate(await response.arrayBuffer());
  const loaded = performance.now();
  const coldRoundMs = await warm(kernels);
  return {
    kernels,
    ready: { backend, loadMs: loaded - started, warmMs: performance.now() - loaded, coldRoundMs },
  };
}
