import { QueuesLab } from '../../src/queues/lab';
import { numberOption, type BenchSuite } from '../record';

/**
 * Issue 11's rows: items per second through the shared-memory queue and the postMessage queue (1 producer,
 * 1 consumer, small items at no cost) at capacities 1, 64 and 1024, and the crawler's pages per second against k on
 * the synthetic site in the page. `speedup` is against the postMessage queue at the same capacity, and against
 * k = 1 for the crawler.
 */
export const queues: BenchSuite = async (options) => {
  const items = numberOption(options, 'queue-items', 20_000);
  const reps = numberOption(options, 'reps', 3);
  const lab = new QueuesLab({ crossOriginIsolated: globalThis.crossOriginIsolated === true, notIsolatedReason: null });
  const signal = new AbortController().signal;
  const rates = await lab.compareQueues({ capacities: [1, 64, 1024], items, repetitions: reps }, signal, () => {});
  const messageRate = (capacity: number) =>
    rates.find((row) => row.mode === 'message' && row.capacity === capacity)?.itemsPerSecond ?? Number.NaN;
  const site = { pages: 300, seed: 1, meanLinks: 3, brokenShare: 0.05, latencyMs: 20, jitterMs: 10 };
  const crawls = await lab.crawlSweep(site, [1, 2, 4, 8, 16, 64], signal, () => {});
  return [
    ...rates.map((row) => ({
      task: row.task,
      workers: 2,
      capacity: row.capacity,
      itemsPerSecond: row.itemsPerSecond,
      medianMs: row.medianMs,
      speedup: row.itemsPerSecond / messageRate(row.capacity),
      efficiency: Number.NaN,
    })),
    ...crawls.map((row) => ({
      task: 'crawler',
      workers: 0,
      fetchers: row.fetchers,
      pagesPerSecond: row.pagesPerSecond,
      medianMs: row.ms,
      speedup: row.pagesPerSecond / crawls[0]!.pagesPerSecond,
      efficiency: Number.NaN,
    })),
  ];
};
