import { CancelledError } from '../pool';
import type { RunStatus } from './sweepRunner.svelte';

/**
 * The state of one cancellable piece of work (a chunk-size sweep…) for the UI to read, like SweepRunner but for any
 * async function of a signal. Only the newest run counts: a cancelled run that settles late changes nothing.
 */
export class JobRunner<T, Progress> {
  status = $state<RunStatus>('idle');
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<T | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #runId = 0;

  get running(): boolean {
    return this.status === 'running';
  }

  async run(work: (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<T>): Promise<void> {
    this.cancel();
    const id = ++this.#runId;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'running';
    this.error = null;
    this.result = null;
    this.progress = null;
    try {
      const result = await work(controller.signal, (progress) => {
        if (id === this.#runId) this.progress = progress;
      });
      if (id !== this.#runId) return;
      this.result = result;
      this.status = 'done';
    } catch (error) {
      if (id !== this.#runId) return;
      this.status = error instanceof CancelledError ? 'cancelled' : 'failed';
      if (!(error instanceof CancelledError)) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Returns the UI to idle at once; the work terminates its busy workers in the background. */
  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    if (this.status === 'running') {
      this.#runId++;
      this.status = 'cancelled';
    }
  }
}
