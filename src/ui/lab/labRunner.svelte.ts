import { CancelledError } from '../../pool';

export type LabStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'timed-out' | 'failed';

/**
 * The state of one lab experiment for the UI: running, done, cancelled, stopped at its time limit, or failed. Every
 * run gets an AbortSignal that Cancel and the time limit both abort, so no experiment runs longer than it says.
 * Only the newest run counts: a cancelled run that settles late cannot overwrite what came after it.
 */
export class LabRunner<R> {
  status = $state<LabStatus>('idle');
  result = $state.raw<R | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #runId = 0;

  /** @param limitMs the longest a run may take before it is cancelled, as the page states it */
  constructor(readonly limitMs: number) {}

  get running(): boolean {
    return this.status === 'running';
  }

  async run(work: (signal: AbortSignal) => Promise<R>): Promise<void> {
    this.cancel();
    const id = ++this.#runId;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'running';
    this.result = null;
    this.error = null;
    const timer = setTimeout(() => {
      if (id !== this.#runId) return;
      this.#stop('timed-out');
    }, this.limitMs);
    try {
      const result = await work(controller.signal);
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
    } finally {
      clearTimeout(timer);
      if (this.#controller === controller) this.#controller = null;
    }
  }

  /** Returns the UI to idle at once; the experiment terminates its busy workers in the background. */
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
