import { requesterFor } from '../../src/fetch/requesters';
import { idealMs, runRequests, type Strategy } from '../../src/fetch/strategies';
import { numberOption, type BenchSuite } from '../record';
import { median } from '../../src/measure/stats';

/** The benchmark page has no service worker of its own: register the app's, and wait until it answers requests. */
async function ensureServiceWorker(): Promise<void> {
  const container = navigator.serviceWorker;
  if (container.controller) return;
  const controlled = new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
  await container.register('./sw.js', { scope: './' });
  await controlled;
}

/**
 * The async fetch demo's strategies against the service worker's latency endpoint: N requests of L ms one after
 * another, all at once, k at a time, and the "200 tasks of 1 s, 50 at a time" preset. No workers: waiting overlaps
 * on one thread. `speedup` is against one-after-another; `idealMs` is N·L, L or ⌈N/k⌉·L.
 */
export const fetch: BenchSuite = async (options) => {
  const n = numberOption(options, 'fetch-n', 20);
  const delayMs = numberOption(options, 'fetch-delay', 200);
  const k = numberOption(options, 'fetch-k', 5);
  const reps = numberOption(options, 'reps', 3);
  await ensureServiceWorker();

  const cases: { name: string; n: number; delayMs: number; strategy: Strategy }[] = [
    { name: 'sequential', n, delayMs, strategy: { kind: 'sequential' } },
    { name: 'all', n, delayMs, strategy: { kind: 'all' } },
    { name: `limited k=${k}`, n, delayMs, strategy: { kind: 'limited', k } },
    { name: '200×1 s, 50 at a time', n: 200, delayMs: 1000, strategy: { kind: 'limited', k: 50 } },
  ];
  const medians: number[] = [];
  const records = [];
  for (const c of cases) {
    const params = {
      source: 'delay' as const,
      url: '',
      strategy: c.strategy,
      n: c.n,
      delayMs: c.delayMs,
      jitterMs: 0,
      bytes: 1000,
      failRate: 0,
      seed: 1,
      timeoutMs: 60_000,
    };
    const times: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const result = await runRequests({ ...params, request: requesterFor('endpoint', params, rep) });
      if (result.records.some((record) => record.status !== 'ok')) throw new Error(`${c.name}: a request failed`);
      times.push(result.totalMs);
    }
    const medianMs = median(times);
    medians.push(medianMs);
    const ideal = idealMs(c.strategy, c.n, c.delayMs);
    records.push({
      task: 'fetch',
      strategy: c.name,
      workers: 0,
      requests: c.n,
      medianMs,
      idealMs: ideal,
      overheadMs: medianMs - ideal,
      speedup: c.n === n ? medians[0]! / medianMs : Number.NaN,
      efficiency: Number.NaN,
    });
  }
  return records;
};
