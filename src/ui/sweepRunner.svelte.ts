import { sweep, type SweepOptions, type SweepProgress, type SweepResult } from '../bench/sweep';
import { CancelledError } from '../pool';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/**
 * The state of one demo's sweep, for the UI to read. Only the newest run counts: a cancelled run that settles late
 * cannot overwrite what came after it.
 */
export class SweepRunner<P, R> {
  status = $state<RunStatus>('idle');
  progress = $state.raw<SweepProgress | null>(null);
  result = $state.raw<SweepResult<R> | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #runId = 0;

  get running(): boolean {
    return this.status === 'running';
  }

  async run(options: Omit<SweepOptions<P, R>, 'signal' | 'onProgress'>): Promise<void> {
    this.cancel();
    const id = ++this.#runId;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'running';
    this.error = null;
    this.result = null;
    this.progress = null;
    try {
      const result = await sweep({
        ...options,
        signal: controller.signal,
        onProgress: (progress) => {
          if (id === this.#runId) this.progress = progress;
        },
      });
      if (id !== this.#runId) return;
      this.result = result;
      this.status = 'done';
    } catch (error) {
      if (id !== this.#runId) return;
      if (error instanceof CancelledError) {
        this.status = 'cancelled';
      } else {
        this.status = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
      }
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

/** The share of the whole sweep done, 0 to 1, counting the current run's finished chunks. */
export function sweepFraction(progress: SweepProgress | null): number {
  if (!progress || progress.runs === 0) return 0;
  const inRun = progress.chunks ? progress.chunksDone / progress.chunks : 0;
  return Math.min(1, (progress.runsDone + inRun) / progress.runs);
}
