import { CancelledError } from '../pool';
import { crawl, siteSource, type CrawlProgress, type CrawlResult, type PageSource, type StopRule } from './crawler';
import { NotIsolatedError } from './errors';
import type { ProducerConsumerParams } from './params';
import { runDataParallel, runPipeline, type PipelineParams, type PipelinePicture, type StageTiming } from './pipeline';
import {
  runProducerConsumer,
  type ProducerConsumerResult,
  type QueueMode,
  type QueuePicture,
} from './producerConsumer';
import { makeSite, reachable, type SiteParams } from './site';

/** What the lab needs to know about the page, read once (src/environment.ts). */
export interface LabEnvironment {
  crossOriginIsolated: boolean;
  notIsolatedReason: string | null;
}

/** One row of the queue comparison: 1 producer, 1 consumer, small items at no cost, through one kind of queue. */
export interface QueueRateRow {
  task: `queue-${QueueMode}`;
  mode: QueueMode;
  capacity: number;
  items: number;
  itemsPerSecond: number;
  /** Microseconds per item, the inverse of the rate: what one hand-over costs. */
  usPerItem: number;
  medianMs: number;
}

export interface CrawlRow {
  task: 'crawler';
  fetchers: number;
  pages: number;
  pagesPerSecond: number;
  ms: number;
}

export interface CrawlOutcome extends CrawlResult {
  /** Pages reachable from the start (the sequential reference) and how many this crawl missed. */
  reachable: number;
  missed: number;
}

/** Reported while a comparison or a sweep runs: which step of how many. */
export interface StepProgress {
  step: number;
  steps: number;
  label: string;
}

/**
 * Everything the queues demo runs, framework-free, for a UI (or a tutorial, or a benchmark) to drive: every method
 * takes an AbortSignal and a progress callback, and has the shape of a JobRunner's work. Shared memory is used
 * only when the page is cross-origin isolated: otherwise `run('shared', …)` and the pipeline throw
 * NotIsolatedError, and `modes` offers the message-passing queue alone, which works on any page.
 */
export class QueuesLab {
  constructor(readonly environment: LabEnvironment) {}

  /** The queues this page can run, the shared one first when it can. */
  get modes(): QueueMode[] {
    return this.environment.crossOriginIsolated ? ['shared', 'message'] : ['message'];
  }

  /** Why the shared-memory parts are off, for the page; null when they are on. */
  get sharedOffReason(): string | null {
    return this.environment.crossOriginIsolated
      ? null
      : (this.environment.notIsolatedReason ?? new NotIsolatedError(null).message);
  }

  runQueue(
    params: ProducerConsumerParams,
    mode: QueueMode,
    signal: AbortSignal,
    onProgress: (picture: QueuePicture) => void,
    timeLimitMs?: number,
  ): Promise<ProducerConsumerResult> {
    return runProducerConsumer(params, mode, { ...this.environment, signal, onProgress, timeLimitMs });
  }

  runPipeline(
    params: PipelineParams,
    signal: AbortSignal,
    onProgress: (picture: PipelinePicture) => void,
  ): Promise<StageTiming> {
    return runPipeline(params, { ...this.environment, signal, onProgress });
  }

  /** The pipeline's work done data-parallel on as many workers as the pipeline used. */
  runDataParallel(params: PipelineParams, signal: AbortSignal): Promise<StageTiming> {
    const { items, costsUs, transformers } = params;
    return runDataParallel({ items, costsUs, workers: transformers + 2 }, { signal });
  }

  /**
   * Items per second through each queue this page can run, 1 producer and 1 consumer, costs 0: "communicating by
   * sharing memory" against "sharing memory by communicating". Median of `repetitions` runs per row.
   */
  async compareQueues(
    options: { capacities: number[]; items: number; repetitions: number },
    signal: AbortSignal,
    onProgress: (progress: StepProgress) => void,
  ): Promise<QueueRateRow[]> {
    const rows: QueueRateRow[] = [];
    const steps = this.modes.length * options.capacities.length * options.repetitions;
    let step = 0;
    for (const mode of this.modes) {
      for (const capacity of options.capacities) {
        const times: number[] = [];
        for (let r = 0; r < options.repetitions; r++) {
          onProgress({ step: ++step, steps, label: `${mode} queue, capacity ${capacity}` });
          const params = { producers: 1, consumers: 1, capacity, items: options.items, sentinels: 1 };
          const result = await this.runQueue({ ...params, produceCostUs: 0, consumeCostUs: 0 }, mode, signal, () => {});
          times.push(result.ms);
        }
        const medianMs = median(times);
        const itemsPerSecond = options.items / (medianMs / 1000);
        rows.push({
          task: `queue-${mode}`,
          mode,
          capacity,
          items: options.items,
          itemsPerSecond,
          usPerItem: 1e6 / itemsPerSecond,
          medianMs,
        });
      }
    }
    return rows;
  }

  /** One crawl of the synthetic site, with the reference count of reachable pages to say how many it missed. */
  async crawl(
    site: SiteParams,
    options: { fetchers: number; stopRule: StopRule; source?: PageSource },
    signal: AbortSignal,
    onProgress: (progress: CrawlProgress) => void,
  ): Promise<CrawlOutcome> {
    const built = makeSite(site);
    const result = await crawl({
      source: options.source ?? siteSource(built),
      fetchers: options.fetchers,
      stopRule: options.stopRule,
      signal,
      onProgress,
    });
    const reachablePages = reachable(built).pages.size;
    return { ...result, reachable: reachablePages, missed: reachablePages - result.visited.length };
  }

  /** Pages per second against k: the same site crawled with each number of fetchers. */
  async crawlSweep(
    site: SiteParams,
    fetchers: number[],
    signal: AbortSignal,
    onProgress: (progress: StepProgress) => void,
    source?: PageSource,
  ): Promise<CrawlRow[]> {
    const rows: CrawlRow[] = [];
    for (const [i, k] of fetchers.entries()) {
      if (signal.aborted) throw new CancelledError();
      onProgress({ step: i + 1, steps: fetchers.length, label: `${k} fetchers` });
      const result = await this.crawl(site, { fetchers: k, stopRule: 'join', source }, signal, () => {});
      rows.push({
        task: 'crawler',
        fetchers: k,
        pages: result.visited.length,
        pagesPerSecond: result.pagesPerSecond,
        ms: result.ms,
      });
    }
    return rows;
  }
}

/** The middle value (mean of the two middle ones for an even count). Local: the statistics module is moving. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
