import { expose, transfer } from 'comlink';
import type { WasmBackend } from './kernels/backend';
import { runJob, runKernel, type Job, type KernelName, type KernelResult } from './kernels';
import { servePool, wallClock } from './poolServer';
import { runWasmKernel } from './wasm/job';
import type { WasmKernels } from './wasm/kernels';
import { wasmKernels, type WasmReady } from './wasm/load';

/** Each WebAssembly backend's module once loaded and warmed: later jobs run on it at once. */
const loaded = new Map<WasmBackend, WasmKernels>();

// The pool speaks its own small protocol (src/pool/protocol.ts); it listens first, so comlink never sees its messages.
servePool({
  prepare: (backend) =>
    loaded.has(backend) ? undefined : wasmKernels(backend).then(({ kernels }) => void loaded.set(backend, kernels)),
  run: (kernel, args, backend) =>
    backend === undefined ? runKernel(kernel, args) : runWasmKernel(loaded.get(backend)!, kernel, args),
});

export interface JobOutcome<R> {
  value: R;
  /** When the kernel started and finished, in ms since the Unix epoch (sub-millisecond). */
  startedAt: number;
  finishedAt: number;
}

/**
 * The same worker through comlink: the Concurrency lab compares a comlink call with a raw message and the pool's
 * round trip, and a comlink call is the convenient way to reach a worker outside the pool.
 */
const api = {
  /**
   * Runs one chunk. With `transferResult`, a typed-array result's buffer is moved back instead of copied. A
   * WebAssembly backend's module is loaded and warmed on first use, before the chunk's clock starts.
   */
  async run<K extends KernelName>(job: Job<K>, transferResult = false): Promise<JobOutcome<KernelResult<K>>> {
    const wasm = job.backend && job.backend !== 'js' ? (await wasmKernels(job.backend)).kernels : undefined;
    const startedAt = wallClock();
    const value = wasm ? runWasmKernel(wasm, job.kernel, job.args) : runJob(job);
    const outcome = { value, startedAt, finishedAt: wallClock() };
    if (transferResult && ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) {
      return transfer(outcome, [value.buffer]);
    }
    return outcome;
  },
  /** Loads and warms a backend's module ahead of any timed run; says how long that took (the cold figures). */
  async prepare(backend: WasmBackend): Promise<WasmReady> {
    return (await wasmKernels(backend)).ready;
  },
  /** Answers at once: used to know the worker is up, and to time a bare round trip. */
  ping(): number {
    return wallClock();
  },
};

export type ComputeApi = typeof api;

expose(api);
