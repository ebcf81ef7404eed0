import { createLimiter } from './limiter';

/**
 * How N requests are issued: one after another (await in a loop), all at once (Promise.allSettled, like
 * asyncio.gather), or at most k at a time (a limiter, like asyncio.Semaphore).
 */
export type Strategy = { kind: 'sequential' } | { kind: 'all' } | { kind: 'limited'; k: number };

export type RequestStatus = 'waiting' | 'running' | 'ok' | 'failed' | 'timeout' | 'cancelled';

/** One request of a run, with times in ms from the start of the run; a request never started has no times. */
export interface RequestRecord {
  index: number;
  status: RequestStatus;
  startMs: number | null;
  endMs: number | null;
  /** Bytes received, for requests that succeeded. */
  bytes: number;
  /** Why it failed, in words. */
  detail: string;
}

/** Performs request `index`; resolves with the bytes received, rejects with an Error that says why it failed. */
export type Requester = (index: number, signal: AbortSignal) => Promise<number>;

export interface RunOptions {
  n: number;
  strategy: Strategy;
  request: Requester;
  /** Each request is aborted after this many ms and counted as timed out. */
  timeoutMs: number;
  /** Cancel: aborts every outstanding request and starts no more. */
  signal?: AbortSignal;
  /** Called after every change to a record, for a live timeline. */
  onUpdate?: (records: readonly RequestRecord[]) => void;
  now?: () => number;
}

export interface RunResult {
  records: RequestRecord[];
  totalMs: number;
  cancelled: boolean;
}

/** Runs N requests with a strategy. Never rejects: every request ends as ok, failed, timeout or cancelled. */
export async function runRequests(options: RunOptions): Promise<RunResult> {
  const { n, strategy, request, timeoutMs, signal, onUpdate, now = () => performance.now() } = options;
  const t0 = now();
  const records: RequestRecord[] = Array.from({ length: n }, (_, index) => ({
    index,
    status: 'waiting',
    startMs: null,
    endMs: null,
    bytes: 0,
    detail: '',
  }));
  const update = (index: number, change: Partial<RequestRecord>) => {
    records[index] = { ...records[index]!, ...change };
    onUpdate?.(records);
  };

  const attempt = async (index: number): Promise<void> => {
    if (signal?.aborted) return update(index, { status: 'cancelled', detail: 'never started' });
    update(index, { status: 'running', startMs: now() - t0 });
    const outcome = await withTimeout((requestSignal) => request(index, requestSignal), timeoutMs, signal);
    update(index, { ...outcome, endMs: now() - t0 });
  };

  const indices = records.map((record) => record.index);
  if (strategy.kind === 'sequential') {
    for (const index of indices) await attempt(index);
  } else if (strategy.kind === 'all') {
    await Promise.allSettled(indices.map(attempt));
  } else {
    const limit = createLimiter(strategy.k);
    await Promise.allSettled(indices.map((index) => limit(() => attempt(index))));
  }
  return { records, totalMs: now() - t0, cancelled: signal?.aborted ?? false };
}

/**
 * Runs one request with its own AbortController, aborted by the timeout or by the run's cancel signal. Settles as
 * soon as either fires, even if the request ignores its signal, so a cancelled run leaves nothing pending.
 */
async function withTimeout(
  run: (signal: AbortSignal) => Promise<number>,
  timeoutMs: number,
  cancel: AbortSignal | undefined,
): Promise<Pick<RequestRecord, 'status' | 'bytes' | 'detail'>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no answer after ${timeoutMs} ms`));
  }, timeoutMs);
  const onCancel = () => controller.abort(new Error('cancelled'));
  cancel?.addEventListener('abort', onCancel, { once: true });
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
  );
  try {
    const bytes = await Promise.race([run(controller.signal), aborted]);
    return { status: 'ok', bytes, detail: '' };
  } catch (error) {
    if (timedOut) return { status: 'timeout', bytes: 0, detail: `timed out: no answer after ${timeoutMs} ms` };
    if (cancel?.aborted) return { status: 'cancelled', bytes: 0, detail: 'aborted by Cancel' };
    return { status: 'failed', bytes: 0, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  }
}

/** The counts a run ends with, for the summary line. */
export function countStatuses(records: readonly RequestRecord[]): Record<RequestStatus, number> {
  const counts: Record<RequestStatus, number> = { waiting: 0, running: 0, ok: 0, failed: 0, timeout: 0, cancelled: 0 };
  for (const record of records) counts[record.status]++;
  return counts;
}

/**
 * The time a strategy needs when every request takes exactly L ms and nothing else costs anything: N·L one after
 * another, L all at once, ⌈N/k⌉·L at most k at a time.
 */
export function idealMs(strategy: Strategy, n: number, latencyMs: number): number {
  if (strategy.kind === 'sequential') return n * latencyMs;
  if (strategy.kind === 'all') return latencyMs;
  return Math.ceil(n / strategy.k) * latencyMs;
}

/** The ideal's formula, as the page shows it. */
export function idealFormula(strategy: Strategy): string {
  if (strategy.kind === 'sequential') return 'N·L';
  if (strategy.kind === 'all') return '≈ L';
  return '⌈N/k⌉·L';
}
