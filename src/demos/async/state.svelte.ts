import type { Environment } from '../../environment';
import { asyncBatch, type AsyncBatchResult } from '../../lab/asyncBatch';
import { describeFibBatch, type Calibration } from '../../measure/calibrate';
import { calibrate } from '../../measure/calibration';
import { resultTable, type ResultTable } from '../../measure/export';
import { MIN_BASELINE_MS } from '../../measure/noise';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { meta } from './meta';
import { ASYNC_LIMIT_MS, asyncSchema, type AsyncSchema } from './settings';

export type AsyncResult = AsyncBatchResult & { n: number; count: number };

export interface AsyncBar {
  id: 'sequential' | 'promises' | 'workers';
  label: string;
  ms: number;
}

/** One batch of fib(n) calls three ways: a loop, promises awaited together, jobs for workers. */
export class AsyncState {
  readonly settings: Settings<AsyncSchema>;
  readonly runner = new JobRunner<AsyncResult>({ label: `the “${meta.title}” demo`, limitMs: ASYNC_LIMIT_MS });
  ranSettings = $state.raw<Readonly<Record<string, string | boolean>>>({});

  /** What the probe chose for the loop to last about 1 s, in words; null until it has answered. */
  sizing = $state.raw<string | null>(null);

  /** `calibration`: the probe to size the batch by; the page's own (once per visit) unless a test gives one. */
  constructor(
    readonly env: Environment,
    { calibration = calibrate() }: { calibration?: Promise<Calibration | null> } = {},
  ) {
    this.settings = new Settings(meta.id, asyncSchema(env.hardwareConcurrency));
    void calibration.then((found) => {
      if (!found) return;
      this.sizing = describeFibBatch(found.async, 'for the loop on the main thread here');
      // A link's own n and count (and anything typed meanwhile) stay as they are.
      this.settings.adoptDefaults({ n: String(found.async.n), count: String(found.async.k) });
    });
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  async run(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const params = { n: result.values.n, count: result.values.count };
    const cores = this.env.hardwareConcurrency;
    this.ranSettings = { ...this.settings.raw };
    await this.runner.run(async (signal) => ({ ...params, ...(await asyncBatch({ ...params, cores, signal })) }));
  }

  get bars(): AsyncBar[] {
    const r = this.runner.result;
    if (!r) return [];
    return [
      { id: 'sequential', label: 'One after another (main thread)', ms: r.sequentialMs },
      { id: 'promises', label: `${r.count} promises, Promise.all (main thread)`, ms: r.promisesMs },
      { id: 'workers', label: `${r.count} jobs on ${r.workers} worker${r.workers > 1 ? 's' : ''}`, ms: r.workersMs },
    ];
  }

  get longest(): number {
    return Math.max(1, ...this.bars.map((bar) => bar.ms));
  }

  get noise(): string[] {
    const r = this.runner.result;
    if (!r || r.sequentialMs >= MIN_BASELINE_MS) return [];
    return [
      `The loop took only ${Math.round(r.sequentialMs)} ms, too short to time reliably: use a larger n or more ` +
        'calls, so that it takes about a second.',
    ];
  }

  get table(): ResultTable {
    const r = this.runner.result;
    return resultTable(this.bars, [
      ['way', 'way', (bar) => bar.label],
      ['ms', 'ms', (bar) => Number(bar.ms.toFixed(3))],
      ['againstLoop', 'times as fast as the loop', (bar) => (r ? Number((r.sequentialMs / bar.ms).toFixed(3)) : '')],
    ]);
  }
}
