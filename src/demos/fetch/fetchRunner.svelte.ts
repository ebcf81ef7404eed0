import type { FetchParams } from '../../fetch/params';
import { requesterFor, type Target } from '../../fetch/requesters';
import { countStatuses, idealMs, runRequests, type RequestRecord, type Strategy } from '../../fetch/strategies';

/** A finished (or cancelled) run, as the summary and the comparison table show it. */
export interface FetchRun {
  id: number;
  target: Target;
  strategy: Strategy;
  n: number;
  /** The latency the ideal assumes: the endpoint's delay, or else the median of the measured requests. */
  latencyMs: number;
  latencyMeasured: boolean;
  totalMs: number;
  idealMs: number;
  records: RequestRecord[];
  cancelled: boolean;
  counts: ReturnType<typeof countStatuses>;
}

/** The fetch demo's state. Only the newest run counts: a cancelled run that settles late changes nothing. */
export class FetchRunner {
  running = $state(false);
  /** The current run's requests, live. */
  records = $state.raw<readonly RequestRecord[]>([]);
  /** Ms since the current run started, ticking while it runs, so running bars grow. */
  elapsedMs = $state(0);
  last = $state.raw<FetchRun | null>(null);
  /** Recent runs, newest first, to compare strategies. */
  history = $state.raw<FetchRun[]>([]);

  #controller: AbortController | null = null;
  #runId = 0;

  async run(params: FetchParams, target: Target): Promise<void> {
    this.cancel();
    const id = ++this.#runId;
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.last = null;
    this.records = [];
    const started = performance.now();
    const ticker = setInterval(() => (this.elapsedMs = performance.now() - started), 100);
    try {
      const result = await runRequests({
        n: params.n,
        strategy: params.strategy,
        request: requesterFor(target, params, id),
        timeoutMs: params.timeoutMs,
        signal: controller.signal,
        onUpdate: (records) => {
          if (id === this.#runId) this.records = [...records];
        },
      });
      if (id !== this.#runId) return;
      const measured = target !== 'endpoint';
      const latencyMs = measured ? medianDuration(result.records) : params.delayMs;
      const run: FetchRun = {
        id,
        target,
        strategy: params.strategy,
        n: params.n,
        latencyMs,
        latencyMeasured: measured,
        totalMs: result.totalMs,
        idealMs: idealMs(params.strategy, params.n, latencyMs),
        records: result.records,
        cancelled: result.cancelled,
        counts: countStatuses(result.records),
      };
      this.records = result.records;
      this.last = run;
      this.history = [run, ...this.history].slice(0, 8);
    } finally {
      clearInterval(ticker);
      if (id === this.#runId) {
        this.running = false;
        this.#controller = null;
      }
    }
  }

  /** Aborts every outstanding request; the run then settles with them marked cancelled. */
  cancel(): void {
    this.#controller?.abort();
  }
}

/** The median time of the requests that answered; 0 when none did. */
function medianDuration(records: RequestRecord[]): number {
  const times = records
    .filter((record) => record.status === 'ok' && record.startMs !== null && record.endMs !== null)
    .map((record) => record.endMs! - record.startMs!)
    .sort((a, b) => a - b);
  if (times.length === 0) return 0;
  const middle = times.length >> 1;
  return times.length % 2 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
}
