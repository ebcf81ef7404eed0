import { wrap, type Remote } from 'comlink';
import type { ComputeApi } from '../../workers/compute.worker';

/** The compute worker, as a module worker; Vite bundles it because the URL is written out here. */
export function spawnComputeWorker(): Worker {
  return new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), { type: 'module', name: 'compute' });
}

/**
 * One place in the pool: a worker, its comlink proxy, and the chunk it is running. Replacing the worker keeps the
 * place, so traces keep one lane per slot.
 */
export class WorkerSlot {
  worker!: Worker;
  remote!: Remote<ComputeApi>;
  /** The work this slot is running, owned by the pool. */
  running: unknown;

  constructor(
    readonly index: number,
    private readonly createWorker: () => Worker,
    private readonly onCrash: (slot: WorkerSlot, detail: string) => void,
  ) {
    this.#start();
  }

  /** Terminates the worker (whatever it is doing) and starts a fresh one in its place. */
  replace(): void {
    this.terminate();
    this.#start();
  }

  terminate(): void {
    this.worker.terminate();
  }

  #start(): void {
    const worker = this.createWorker();
    worker.addEventListener('error', (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      this.replace();
      this.onCrash(this, event.message || 'its script failed to load or threw at the top level');
    });
    this.worker = worker;
    this.remote = wrap<ComputeApi>(worker);
  }
}
