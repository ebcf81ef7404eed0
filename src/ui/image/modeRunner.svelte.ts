import type { SweepProgress } from '../../bench/sweep';
import { modeSweep, type ModeSweepOptions, type ModeSweepResult } from '../../image/modeSweep';
import { CancelledError } from '../../pool';
import type { RunStatus } from '../sweepRunner.svelte';

/**
 * The state of a mode sweep for the UI, the twin of SweepRunner for runs that move data themselves. Only the newest
 * run counts: a cancelled run that settles late cannot overwrite what came after it.
 */
export class ModeRunner<R> {
  status = $state<RunStatus>('idle');
  progress = $state.raw<SweepProgress | null>(null);
  result = $state.raw<ModeSweepResult<R> | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #runId = 0;

  get running(): boolean {
    return this.status === 'running';
  }

  async run(options: Omit<ModeSweepOptions<R>, 'signal' | 'onProgress'>): Promise<ModeSweepResult<R> | null> {
    this.cancel();
    const id = ++this.#runId;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'running';
    this.error = null;
    this.result = null;
    this.progress = null;
    try {
      const result = await modeSweep({
        ...options,
        signal: controller.signal,
        onProgress: (progress) => {
          if (id === this.#runId) this.progress = progress;
        },
      });
      if (id !== this.#runId) return null;
      this.result = result;
      this.status = 'done';
      return result;
    } catch (error) {
      if (id !== this.#runId) return null;
      if (error instanceof CancelledError) {
        this.status = 'cancelled';
      } else {
        this.status = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
      }
      return null;
    }
  }

  /** Returns the UI to idle at once; the sweep terminates its busy workers in the background. */
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
