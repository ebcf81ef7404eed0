import { expose, transfer } from 'comlink';
import type { WasmBackend } from './kernels/backend';
import { runJob, type Job, type KernelName, type KernelResult } from './kernels';
import { runWasmJob } from './wasm/job';
import { wasmKernels, type WasmReady } from './wasm/load';

/** The worker's clock on the page's time base: both add their own `timeOrigin`, so times from any worker compare. */
const wallClock = () => performance.timeOrigin + performance.now();

export interface JobOutcome<R> {
  value: R;
  /** When the kernel started and finished, in ms since the Unix epoch (sub-millisecond). */
  startedAt: number;
  finishedAt: number;
}

const api = {
  /**
   * Runs one chunk. With `transferResult`, a typed-array result's buffer is moved back instead of copied. A
   * WebAssembly backend's module is loaded and warmed on first use, before the chunk's clock starts.
   */
  async run<K extends KernelName>(job: Job<K>, transferResult = false): Promise<JobOutcome<KernelResult<K>>> {
    const wasm = job.backend && job.backend !== 'js' ? (await wasmKernels(job.backend)).kernels : undefined;
    const startedAt = wallClock();
    const value = wasm ? runWasmJob(wasm, job) : runJob(job);
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
