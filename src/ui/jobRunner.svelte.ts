import { CancelledError } from '../pool';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'timed-out' | 'failed';

/** Cancellable work: it must stop (rejecting with CancelledError) when the signal aborts. */
export type Work<T, Progress> = (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<T>;

/**
 * The state of one cancellable piece of work (a sweep, a mode sweep, a lab experiment…) for the UI to read.
 * Cancel — and the optional time limit — return the UI to idle at once; the work terminates its busy workers in the
 * background. Only the newest run counts: a cancelled run that settles late cannot overwrite what came after it.
 */
export class JobRunner<T, Progress = never> {
  status = $state<RunStatus>('idle');
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<T | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #runId = 0;

  /** @param limitMs the longest a run may take before it is stopped, as the page states it */
  constructor(readonly limitMs = Infinity) {}

  get running(): boolean {
    return this.status === 'running';
  }

  /** Runs the work; resolves with its result, or null if it was cancelled, timed out, failed or superseded. */
  async run(work: Work<T, Progress>): Promise<T | null> {
    this.cancel();
    const id = ++this.#runId;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'running';
    this.error = null;
    this.result = null;
    this.progress = null;
    const timer = Number.isFinite(this.limitMs)
      ? setTimeout(() => id === this.#runId && this.#stop('timed-out'), this.limitMs)
      : undefined;
    try {
      const result = await work(controller.signal, (progress) => {
        if (id === this.#runId) this.progress = progress;
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
    } finally {
      clearTimeout(timer);
      if (this.#controller === controller) this.#controller = null;
    }
  }

  cancel(): void {
    this.#stop('cancelled');
  }

  #stop(status: 'cancelled' | 'timed-out'): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    if (this.status === 'running') {
      this.#runId++;
      this.status = status;
    }
  }
}
