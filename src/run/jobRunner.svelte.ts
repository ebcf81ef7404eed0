// The errors alone, not the pool's barrel: a view that runs nothing yet need not load the pool.
import { CancelledError, WorkerStartError } from '../pool/errors';
import { runLock, type LockHolder } from './runLock.svelte';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'timed-out' | 'failed';

/** Cancellable work: it must stop (rejecting with CancelledError) when the signal aborts. */
export type Work<T, Progress> = (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<T>;

export interface JobRunnerOptions {
  /** What runs, for the lock's reason shown on other Run buttons: "the Speedup demo". */
  label?: string;
  /** The longest a run may take before it is stopped, as the page states it. */
  limitMs?: number;
}

/** What the run controls read of a runner, whatever its result and progress types. */
export interface RunnerStatus {
  readonly status: RunStatus;
  readonly running: boolean;
  readonly error: string | null;
  readonly limitMs: number;
  readonly blockedBy: string | null;
  cancel(): void;
}

/**
 * The state of one cancellable piece of work (a sweep, a mode sweep, a lab experiment…) for the UI to read.
 * Cancel — and the optional time limit — return the UI to idle at once; the work terminates its busy workers in the
 * background. Only the newest run counts: a cancelled run that settles late cannot overwrite what came after it.
 * While it runs it holds the page's run lock, so no other experiment starts beside it.
 */
export class JobRunner<T, Progress = never> implements LockHolder, RunnerStatus {
  status = $state<RunStatus>('idle');
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<T | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #runId = 0;

  readonly label: string;
  readonly limitMs: number;

  constructor({ label = 'another experiment', limitMs = Infinity }: JobRunnerOptions = {}) {
    this.label = label;
    this.limitMs = limitMs;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Why this cannot start now (another experiment holds the lock), or null. */
  get blockedBy(): string | null {
    return runLock.reasonFor(this);
  }

  /**
   * Runs the work; resolves with its result, or null if it was cancelled, timed out, failed, superseded, or could
   * not start because another experiment is running.
   */
  async run(work: Work<T, Progress>): Promise<T | null> {
    this.cancel();
    if (!runLock.acquire(this)) return null;
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
        this.error = describeFailure(error);
      }
      return null;
    } finally {
      clearTimeout(timer);
      if (this.#controller === controller) {
        this.#controller = null;
        runLock.release(this);
      }
    }
  }

  cancel(): void {
    this.#stop('cancelled');
  }

  #stop(status: 'cancelled' | 'timed-out'): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    runLock.release(this);
    if (this.status === 'running') {
      this.#runId++;
      this.status = status;
    }
  }
}

/** A failure in words, with what to try where there is something to try. */
function describeFailure(error: unknown): string {
  if (error instanceof WorkerStartError) {
    return (
      `workers could not start (${error.reason}). Reload the page; if it happens again, your browser or an ` +
      'extension may be blocking web workers here.'
    );
  }
  return error instanceof Error ? error.message : String(error);
}
