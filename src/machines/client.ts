import type { Job } from '../../workers/kernels';
import { CancelledError } from '../pool';
import type { Endpoint, Hub, NetworkOptions } from './bus';
import { parseMessage, type Monitor, type ResultsMessage, type RunStatus } from './protocol';
import type { BrokerConfig, JobSpec } from './types';

/** A run's outcome from the result backend: each job's value in the order they were enqueued, and the failed ones. */
export interface RunResult {
  /** `undefined` where the job failed for good. */
  values: unknown[];
  failed: { index: number; errors: string[] }[];
  status: RunStatus;
}

/** Job ids are the run and the job's index: enqueueing a run again (a retry, a reopened tab) names the same jobs. */
export const jobId = (run: string, index: number) => `${run}/${index}`;

/**
 * The producer side, as `q.enqueue(...)` and `result.get(timeout=…)`: it puts a run's jobs on the queue and waits for
 * their results. It does not trust any message to arrive: it enqueues again until the broker reports the whole run
 * (enqueue is idempotent, so that is safe, and it is also how a reopened tab resumes its run), and asks for the
 * results again until they come.
 */
export class Client {
  readonly id = `client-${crypto.randomUUID().slice(0, 8)}`;
  readonly #endpoint: Endpoint;
  readonly #cluster: string;
  readonly #listeners = new Set<(monitor: Monitor) => void>();
  readonly #results = new Set<(message: ResultsMessage) => void>();
  #monitor: Monitor | undefined;
  readonly #unlisten: () => void;

  constructor({ hub, network }: { hub: Hub; network?: NetworkOptions }) {
    this.#cluster = hub.cluster;
    this.#endpoint = hub.connect(network);
    this.#unlisten = this.#endpoint.listen((data) => {
      const message = parseMessage(data, this.#cluster);
      if (message?.type === 'monitor') {
        this.#monitor = message.monitor;
        for (const listener of this.#listeners) listener(message.monitor);
      } else if (message?.type === 'results' && message.to === this.id) {
        for (const listener of this.#results) listener(message);
      }
    });
  }

  /** The newest monitor heard from the broker. */
  get monitor(): Monitor | undefined {
    return this.#monitor;
  }

  onMonitor(listener: (monitor: Monitor) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Enqueues `jobs` as run `run` and resolves when every one has finished or failed for good. Rejects after
   * `timeoutMs` (like `result.get(timeout=…)`) or when `signal` aborts; the jobs stay on the queue either way.
   */
  run(
    run: string,
    jobs: readonly Job[],
    { timeoutMs = Infinity, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<RunResult> {
    const specs: JobSpec[] = jobs.map((job, index) => ({ id: jobId(run, index), run, job }));
    return new Promise<RunResult>((resolve, reject) => {
      let lastEnqueue = -Infinity;
      let lastFetch = -Infinity;
      const enqueue = () => {
        lastEnqueue = Date.now();
        this.#endpoint.post({ type: 'enqueue', from: this.id, jobs: specs });
      };
      const check = (monitor: Monitor | undefined) => {
        const status = monitor?.runs.find((candidate) => candidate.run === run);
        const now = Date.now();
        if (!status || status.total < specs.length) {
          if (now - lastEnqueue > 1000) enqueue();
          return;
        }
        if (status.states.finished + status.states.failed === status.total && now - lastFetch > 500) {
          lastFetch = now;
          this.#endpoint.post({ type: 'fetch-results', from: this.id, run });
        }
      };
      const onResults = (message: ResultsMessage) => {
        if (message.run !== run || message.values.length + message.failed.length < specs.length) return;
        const index = new Map(specs.map((spec, i) => [spec.id, i]));
        const values: unknown[] = Array.from({ length: specs.length });
        for (const [id, value] of message.values) values[index.get(id) ?? -1] = value;
        const failed = message.failed.map(([id, errors]) => ({ index: index.get(id) ?? -1, errors }));
        const status = this.#monitor?.runs.find((candidate) => candidate.run === run);
        finish();
        resolve({ values, failed, status: status ?? emptyStatus(run, specs.length) });
      };
      const unlistenMonitor = this.onMonitor(check);
      this.#results.add(onResults);
      // The monitor may be quiet (no broker yet): keep knocking.
      const poll = setInterval(() => check(this.#monitor), 250);
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            finish();
            reject(new Error(`run ${run} did not finish within ${timeoutMs} ms`));
          }, timeoutMs)
        : undefined;
      const onAbort = () => {
        finish();
        // The pool's CancelledError, so a run controller shows "cancelled", not a failure. The jobs stay queued.
        reject(new CancelledError('the client stopped waiting; the jobs stay on the queue'));
      };
      signal?.addEventListener('abort', onAbort);
      const finish = () => {
        unlistenMonitor();
        this.#results.delete(onResults);
        clearInterval(poll);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      if (signal?.aborted) onAbort();
      else enqueue();
    });
  }

  /** New broker settings from now on (the broker checks them against their bounds). */
  configure(config: Partial<BrokerConfig>): void {
    this.#endpoint.post({ type: 'configure', from: this.id, config });
  }

  /** Drops a run from the broker (its results too), stopping its running jobs. */
  forget(run: string): void {
    this.#endpoint.post({ type: 'forget-run', from: this.id, run });
  }

  close(): void {
    this.#unlisten();
    this.#endpoint.close();
  }
}

function emptyStatus(run: string, total: number): RunStatus {
  return { run, total, states: { queued: 0, started: 0, finished: 0, failed: 0 }, duplicates: 0, retried: 0 };
}
