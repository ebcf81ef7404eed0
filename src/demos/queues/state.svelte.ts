import type { Environment } from '../../environment';
import type { ResultTable } from '../../measure/export';
import type { CrawlProgress } from '../../queues/crawler';
import { TimeLimitError } from '../../queues/errors';
import { QueuesLab, type CrawlOutcome, type CrawlRow, type QueueRateRow, type StepProgress } from '../../queues/lab';
import type { PipelinePicture, StageTiming } from '../../queues/pipeline';
import type { ProducerConsumerResult, QueuePicture } from '../../queues/producerConsumer';
import type { SiteParams } from '../../queues/site';
import { httpSource } from '../../queues/siteEndpoint';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';
import { meta } from './meta';
import { producerConsumerParams, queuesSchema, type QueuesSchema } from './settings';
import { compareTable, queueCheck, queueTable, sweepTable, type QueueCheck } from './tables';

export type { QueueCheck } from './tables';

/** The stated limit of one queue run: a run that cannot end (a forgotten sentinel) is stopped here. */
export const QUEUE_TIME_LIMIT_MS = 10_000;
/** The fetcher counts of the crawl sweep (pages per second against k). */
export const CRAWL_SWEEP = [1, 2, 4, 8, 16];
/** The queue comparison: capacities, items per run, runs per row (the median is shown). */
export const COMPARE = { capacities: [1, 64, 1024], items: 5000, repetitions: 3 } as const;

type Raw = Readonly<Record<string, string | boolean>>;

export interface PipelineComparison {
  pipeline: StageTiming;
  dataParallel: StageTiming;
  reference: number;
  workers: number;
}

export interface QueuesOptions {
  /** The queue run's time limit; tests shorten it. */
  queueTimeLimitMs?: number;
}

/**
 * The queues demo: a blocking queue between producer and consumer workers, channels in a pipeline, the two kinds
 * of queue compared, and a crawler whose work makes more work. All the orchestration is QueuesLab's; this class
 * keeps the settings, the runners (one experiment at a time, like every other on the page) and what the view reads.
 */
export class QueuesState {
  readonly settings: Settings<QueuesSchema>;
  readonly lab: QueuesLab;
  readonly queueTimeLimitMs: number;
  readonly queue = new JobRunner<ProducerConsumerResult, QueuePicture>({ label: `the “${meta.title}” queue run` });
  // The queue run has its own limit (QUEUE_TIME_LIMIT_MS), which keeps the picture of who was blocked; the others
  // stop at the runner's, stated beside their Run buttons.
  readonly pipeline = new JobRunner<PipelineComparison, PipelinePicture>({
    label: `the “${meta.title}” pipeline`,
    limitMs: 60_000,
  });
  readonly compare = new JobRunner<QueueRateRow[], StepProgress>({
    label: `the “${meta.title}” comparison`,
    limitMs: 60_000,
  });
  readonly crawler = new JobRunner<CrawlOutcome, CrawlProgress>({
    label: `the “${meta.title}” crawl`,
    limitMs: 60_000,
  });
  readonly sweep = new JobRunner<CrawlRow[], StepProgress>({
    label: `the “${meta.title}” crawl sweep`,
    limitMs: 120_000,
  });
  /** The picture when the last queue run hit its time limit: who was still blocked. */
  stalled = $state.raw<QueuePicture | null>(null);
  /** The settings each shown result was measured with, for its export. */
  ran = $state.raw<{ queue: Raw; compare: Raw; crawl: Raw; sweep: Raw }>({
    queue: {},
    compare: {},
    crawl: {},
    sweep: {},
  });

  constructor(
    readonly env: Environment,
    options: QueuesOptions = {},
  ) {
    this.lab = new QueuesLab(env);
    this.settings = new Settings(meta.id, queuesSchema(env.crossOriginIsolated));
    this.queueTimeLimitMs = options.queueTimeLimitMs ?? QUEUE_TIME_LIMIT_MS;
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  get running(): boolean {
    return [this.queue, this.pipeline, this.compare, this.crawler, this.sweep].some((runner) => runner.running);
  }

  /** Why shared memory is off (the queue then runs on messages, the pipeline not at all); null when it is on. */
  get sharedOffReason(): string | null {
    return this.lab.sharedOffReason;
  }

  /** More busy workers than cores take turns on them: said next to the run, so slow numbers are not misread. */
  get queueOverCores(): string | null {
    const result = this.settings.result;
    if (!result.ok) return null;
    const workers = result.values.producers + result.values.consumers;
    const cores = this.env.hardwareConcurrency;
    return workers > cores
      ? `${workers} workers on ${cores} core${cores === 1 ? '' : 's'}: busy workers take turns on the cores, so ` +
          'a woken worker may wait for its turn, and the times include that wait.'
      : null;
  }

  async runQueue(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const params = producerConsumerParams(result.values);
    const settings = { ...this.settings.raw };
    const limit = this.queueTimeLimitMs;
    if (this.queue.blockedBy) return;
    this.stalled = null;
    const done = await this.queue.run(async (signal, onProgress) => {
      try {
        return await this.lab.runQueue(params, result.values.mode, signal, onProgress, limit);
      } catch (error) {
        if (error instanceof TimeLimitError) this.stalled = error.last as QueuePicture | null;
        throw error;
      }
    });
    if (done) this.ran = { ...this.ran, queue: settings };
  }

  /** The queue run's checks: the checksum one thread computes, and whether items finished out of order. */
  get queueCheck(): QueueCheck | null {
    return this.queue.result ? queueCheck(this.queue.result) : null;
  }

  /** The queue result per worker, as exported. */
  get queueTable(): ResultTable | null {
    return this.queue.result ? queueTable(this.queue.result) : null;
  }

  async runPipeline(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok || this.sharedOffReason) return;
    const v = result.values;
    const params = {
      items: v.pipeItems,
      transformers: v.transformers,
      capacity: v.pipeCapacity,
      costsUs: [0, v.transformUs, 0] as [number, number, number],
    };
    await this.pipeline.run(async (signal, onProgress) => {
      const pipeline = await this.lab.runPipeline(params, signal, onProgress);
      const dataParallel = await this.lab.runDataParallel(params, signal);
      return { pipeline, dataParallel, reference: sequentialChecksum(params.items), workers: params.transformers + 2 };
    });
  }

  async compareQueues(): Promise<void> {
    const settings = { compareItems: String(COMPARE.items), compareReps: String(COMPARE.repetitions) };
    const done = await this.compare.run((signal, onProgress) =>
      this.lab.compareQueues(
        { capacities: [...COMPARE.capacities], items: COMPARE.items, repetitions: COMPARE.repetitions },
        signal,
        onProgress,
      ),
    );
    if (done) this.ran = { ...this.ran, compare: settings };
  }

  get compareTable(): ResultTable | null {
    return this.compare.result ? compareTable(this.compare.result) : null;
  }

  #site(): SiteParams | null {
    const result = this.settings.result;
    if (!result.ok) return null;
    const v = result.values;
    return {
      pages: v.pages,
      seed: v.seed,
      meanLinks: v.links,
      brokenShare: v.broken,
      latencyMs: v.latency,
      jitterMs: v.latency / 2,
    };
  }

  async runCrawl(): Promise<void> {
    const site = this.#site();
    const result = this.settings.result;
    if (!site || !result.ok) return;
    const v = result.values;
    const settings = { ...this.settings.raw };
    const source = v.overHttp ? httpSource(site) : undefined;
    const done = await this.crawler.run((signal, onProgress) =>
      this.lab.crawl(
        site,
        { fetchers: v.fetchers, stopRule: v.bug ? 'frontier-empty' : 'join', source },
        signal,
        onProgress,
      ),
    );
    if (done) this.ran = { ...this.ran, crawl: settings };
  }

  async sweepCrawl(): Promise<void> {
    const site = this.#site();
    const result = this.settings.result;
    if (!site || !result.ok) return;
    const settings = { ...this.settings.raw };
    const source = result.values.overHttp ? httpSource(site) : undefined;
    const done = await this.sweep.run((signal, onProgress) =>
      this.lab.crawlSweep(site, CRAWL_SWEEP, signal, onProgress, source),
    );
    if (done) this.ran = { ...this.ran, sweep: settings };
  }

  get sweepTable(): ResultTable | null {
    return this.sweep.result ? sweepTable(this.sweep.result) : null;
  }
}
