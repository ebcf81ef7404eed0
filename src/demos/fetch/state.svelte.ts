import { allowedRequests, classifyAddress, type AddressVerdict } from '../../fetch/addressSafety';
import type { Environment } from '../../environment';
import type { FetchRaw } from '../../fetch/params';
import { Guess } from '../../learn/guess.svelte';
import { requesterFor, type Target } from '../../fetch/requesters';
import {
  countStatuses,
  idealMs,
  runRequests,
  type RequestRecord,
  type RunResult,
  type Strategy,
} from '../../fetch/strategies';
import { serviceWorker } from '../../hosting/serviceWorker.svelte';
import { resultTable, type ResultTable } from '../../measure/export';
import { median } from '../../measure/stats';
import { JobRunner } from '../../run/jobRunner.svelte';
import { linkedValues, Settings } from '../../settings';
import { meta } from './meta';
import { fetchParams, fetchSchema, refineFetch, type FetchSchema } from './settings';

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
  records: readonly RequestRecord[];
  cancelled: boolean;
  counts: ReturnType<typeof countStatuses>;
  /** The settings it ran with, for its export. */
  settings: Readonly<Record<string, string | boolean>>;
}

/** How many recent runs the comparison table keeps. */
const HISTORY = 8;

/**
 * The fetch demo: N requests sent one after another, all at once, or k at a time, on one thread. Waiting is not
 * computing, yet a run still takes the page's run lock: a CPU sweep beside it would delay every promise callback
 * and spoil its timings, as it would spoil the sweep's, and one experiment at a time is the rule people can see.
 * A cancelled run is kept like any other: its outstanding requests end as cancelled, and the table says so.
 */
export class FetchState {
  readonly settings: Settings<FetchSchema>;
  /** Progress is the run's requests, live. */
  readonly runner = new JobRunner<RunResult, readonly RequestRecord[]>({ label: `the ${meta.title} demo` });
  /** Ms since the current run started, ticking while it runs, so running bars grow. */
  elapsedMs = $state(0);
  /** The latest run that ended (done or cancelled). */
  last = $state.raw<FetchRun | null>(null);
  /** Recent runs, newest first, to compare strategies. */
  history = $state.raw<readonly FetchRun[]>([]);
  /** Predict, then run: the run's total time. */
  readonly guess = new Guess('duration');

  #runs = 0;

  constructor(readonly env: Environment) {
    this.settings = new Settings(meta.id, fetchSchema(), { refine: refineFetch(location.origin) });
    this.#linkedUrl = linkedValues(meta.id)?.url;
  }

  /** The address the page's link set, which the visitor has not typed and so must see and confirm once. */
  readonly #linkedUrl: string | boolean | undefined;
  /** The other host the visitor agreed to send requests to. */
  confirmedHost = $state<string | null>(null);

  /** Where the requests would go now, as the address check sees it (null for this site's own endpoint). */
  get verdict(): AddressVerdict | null {
    return this.settings.raw.source === 'url' ? classifyAddress(this.settings.raw.url, location.origin) : null;
  }

  /** The other host a link's address points at, until the visitor confirms it; null when nothing waits. */
  get hostToConfirm(): string | null {
    const verdict = this.verdict;
    if (verdict?.kind !== 'foreign' || this.settings.raw.url !== this.#linkedUrl) return null;
    return verdict.host === this.confirmedHost ? null : verdict.host;
  }

  /** Requests per run to another host are capped; what the run will send, and whether that is fewer than asked. */
  get requestCap(): { sends: number; capped: boolean } | null {
    const result = this.settings.result;
    const verdict = this.verdict;
    if (!result.ok || !verdict) return null;
    const sends = allowedRequests(verdict, result.values.n);
    return { sends, capped: sends < result.values.n };
  }

  /** Where the requests go: the user's URL, the service worker's latency endpoint, or a small file of this site. */
  get target(): Target {
    if (this.settings.raw.source === 'url') return 'url';
    return serviceWorker.controlled ? 'endpoint' : 'fallback';
  }

  /** What the guess is about with the settings now ("10 requests, all at once"); null while they are invalid. */
  get guessQuestion(): string | null {
    const result = this.settings.result;
    if (!result.ok) return null;
    const { n, strategy } = fetchParams(result.values);
    const sends = this.requestCap?.sends ?? n;
    return `How long will ${sends} request${sends === 1 ? '' : 's'} take in all, ${strategyName(strategy)}?`;
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  /** The requests to draw: the running run's, live, or the last run's. */
  get records(): readonly RequestRecord[] {
    return this.runner.running ? (this.runner.progress ?? []) : (this.last?.records ?? []);
  }

  /** Sets the fields a preset names and leaves the others as they are. */
  applyPreset(values: Partial<FetchRaw>): void {
    Object.assign(this.settings.raw, values);
  }

  /** Sends the requests; resolves once the run has ended, however it ended. */
  async run(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok || this.runner.blockedBy || this.hostToConfirm) return;
    // To another host, at most the cap: the page says so beside the Send button.
    const params = { ...fetchParams(result.values), n: this.requestCap?.sends ?? result.values.n };
    const target = this.target;
    const settings = { ...this.settings.raw };
    const id = ++this.#runs;
    this.guess.lockIn();
    this.last = null;
    this.elapsedMs = 0;
    const started = performance.now();
    const ticker = setInterval(() => {
      if (id === this.#runs) this.elapsedMs = performance.now() - started;
    }, 100);
    // runRequests never rejects: on Cancel it still settles, with the outstanding requests marked cancelled.
    const ended: RunResult[] = [];
    try {
      await this.runner.run(async (signal, onProgress) => {
        const outcome = await runRequests({
          n: params.n,
          strategy: params.strategy,
          request: requesterFor(target, params, id),
          timeoutMs: params.timeoutMs,
          signal,
          onUpdate: (records) => onProgress([...records]),
        });
        ended.push(outcome);
        return outcome;
      });
    } finally {
      clearInterval(ticker);
    }
    const outcome = ended[0];
    if (id !== this.#runs || !outcome) return;
    const measured = target !== 'endpoint';
    const latencyMs = measured ? medianDuration(outcome.records) : params.delayMs;
    const run: FetchRun = {
      id,
      target,
      strategy: params.strategy,
      n: params.n,
      latencyMs,
      latencyMeasured: measured,
      totalMs: outcome.totalMs,
      idealMs: idealMs(params.strategy, params.n, latencyMs),
      records: outcome.records,
      cancelled: outcome.cancelled,
      counts: countStatuses(outcome.records),
      settings,
    };
    this.elapsedMs = outcome.totalMs;
    this.last = run;
    this.history = [run, ...this.history].slice(0, HISTORY);
  }

  get progress(): { value: number; label: string } {
    const records = this.records;
    const inFlight = records.filter((record) => record.status === 'running').length;
    const ended = records.filter((record) => record.endMs !== null).length;
    return {
      value: records.length ? ended / records.length : 0,
      label: `Waiting: ${inFlight} in flight, ${ended} of ${records.length} ended.`,
    };
  }

  /** The last run's requests, one row each. */
  get requestsTable(): ResultTable | null {
    const last = this.last;
    if (!last) return null;
    return resultTable(last.records, [
      ['request', 'request', (record) => record.index + 1],
      ['status', 'status', (record) => record.status],
      ['sentMs', 'sent at ms', (record) => (record.startMs === null ? '' : round(record.startMs))],
      ['endedMs', 'ended at ms', (record) => (record.endMs === null ? '' : round(record.endMs))],
      [
        'tookMs',
        'took ms',
        (record) => (record.startMs === null || record.endMs === null ? '' : round(record.endMs - record.startMs)),
      ],
      ['bytes', 'bytes', (record) => record.bytes],
      ['detail', 'why', (record) => record.detail],
    ]);
  }

  /** The recent runs, newest first, as the comparison table shows them. */
  get runsTable(): ResultTable | null {
    if (this.history.length === 0) return null;
    return resultTable(this.history, [
      ['strategy', 'strategy', (run) => strategyName(run.strategy)],
      ['n', 'N', (run) => run.n],
      ['latencyMs', 'L ms', (run) => round(run.latencyMs)],
      ['latencyMeasured', 'L measured', (run) => run.latencyMeasured],
      ['totalMs', 'total ms', (run) => round(run.totalMs)],
      ['idealMs', 'ideal ms', (run) => round(run.idealMs)],
      ['speedup', 'N·L / total', (run) => (run.totalMs > 0 && !run.cancelled ? round(overlap(run)) : '')],
      ['ok', 'answered', (run) => run.counts.ok],
      ['failed', 'failed', (run) => run.counts.failed],
      ['timeout', 'timed out', (run) => run.counts.timeout],
      ['cancelled', 'cancelled', (run) => run.counts.cancelled],
    ]);
  }
}

export function strategyName(strategy: Strategy): string {
  if (strategy.kind === 'sequential') return 'one after another';
  if (strategy.kind === 'all') return 'all at once';
  return `at most ${strategy.k} at a time`;
}

/** How many times faster than N waits one after another: N·L ÷ total (Infinity for a run that took no time). */
export function overlap(run: Pick<FetchRun, 'n' | 'latencyMs' | 'totalMs'>): number {
  return (run.n * run.latencyMs) / run.totalMs;
}

/** Exported times to 0.1 ms: the clock is no finer, and the files stay readable. */
const round = (value: number) => Math.round(value * 10) / 10;

/** The median time of the requests that answered; 0 when none did. */
function medianDuration(records: readonly RequestRecord[]): number {
  const times = records.flatMap((record) =>
    record.status === 'ok' && record.startMs !== null && record.endMs !== null ? [record.endMs - record.startMs] : [],
  );
  return times.length ? median(times) : 0;
}
