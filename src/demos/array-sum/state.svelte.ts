import type { Environment } from '../../environment';
import { makeFloatArray, runArraySum, shareFloatArray, type FloatArrayInput } from '../../image/arraySum';
import { MODES, type Mode } from '../../image/modes';
import { modeSweep, type ModeRow, type ModeSweepResult } from '../../image/modeSweep';
import { resultTable, type ResultTable } from '../../measure/export';
import { noiseWarnings } from '../../measure/noise';
import { sweepFraction, type SweepProgress } from '../../measure/sweep';
import { roundCell } from '../../measure/tables';
import { modeTable } from '../../image/modeTable';
import { Settings } from '../../settings';
import { summarize, type ModeSummary } from '../image/summary';
import { RunState, type Measured } from '../runState.svelte';
import { meta } from './meta';
import { arraySumSchema, type ArraySumSchema } from './settings';

/** Chunks per worker: a few each, so that a slow worker does not hold the others up. */
const CHUNKS_PER_WORKER = 4;

/** What a shown result was measured with. */
interface Ran extends Measured {
  mode: Mode;
  n: number;
}

/**
 * The memory-bound sum: one large Float64Array summed by 1, 2, … workers in one data mode, timed, every sum checked
 * against the 1-worker sum. The array is made once per length (and copied into shared memory once), outside every
 * timed run; each mode's latest run is kept for the side-by-side comparison until the length changes.
 */
export class ArraySumState extends RunState<ArraySumSchema, ModeSweepResult<number>, SweepProgress, Ran> {
  /** Each mode's latest run on the current array, at its largest worker count. */
  summaries = $state.raw<Partial<Record<Mode, ModeSummary>>>({});

  #input: FloatArrayInput | null = null;

  constructor(env: Environment) {
    const schema = arraySumSchema(env.hardwareConcurrency, env.crossOriginIsolated);
    super(env, new Settings(meta.id, schema), 'the memory-bound sum');
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  /** Runs the sweep; resolves once it has ended, however it ended. */
  async run(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok || this.runner.blockedBy) return;
    const { n, mode, workers, reps } = result.values;
    if (this.#input?.values.length !== n) {
      this.#input = { values: makeFloatArray(n), shared: null };
      this.summaries = {};
    }
    if (mode === 'shared' && !this.#input.shared) this.#input.shared = shareFloatArray(this.#input.values);
    const input = this.#input;
    const settings = { ...this.settings.raw };
    const sweep = await this.runner.run((signal, onProgress) =>
      modeSweep({
        run: (context) => runArraySum(context, input, mode, context.pool.size * CHUNKS_PER_WORKER),
        equal: (a, b) => a === b,
        workerCounts: workers,
        repetitions: reps,
        signal,
        onProgress,
      }),
    );
    if (!sweep) return;
    this.ran = { mode, n, settings };
    this.summaries = { ...this.summaries, [mode]: summarize(mode, sweep.rows, sweep.last, n / 1e6) };
  }

  get progress(): { value: number; label: string } {
    const p = this.runner.progress;
    const label = p
      ? `${p.workers} worker${p.workers > 1 ? 's' : ''}, ${p.warmup ? 'warm-up' : 'timed run'} · run ${p.runsDone + 1} of ${p.runs}`
      : 'starting workers…';
    return { value: sweepFraction(p), label };
  }

  /** The shown result, or null while none is (or while a run replaces it). */
  get result(): ModeSweepResult<number> | null {
    return this.ran ? this.runner.result : null;
  }

  /** Worker counts where moving the data took longer than summing it. */
  get copyHeavy(): ModeRow[] {
    return this.result?.rows.filter((row) => row.moveMs > row.computeMs) ?? [];
  }

  get noise(): string[] {
    return this.result ? noiseWarnings(this.result.rows) : [];
  }

  /** The sweep's rows with what moved and what computed: the timing table and the data-movement table in one. */
  get table(): ResultTable | null {
    const result = this.result;
    const ran = this.ran;
    if (!result || !ran) return null;
    return modeTable(result.rows, [
      'throughput',
      'M elements/s',
      (row) => roundCell(ran.n / 1e6 / (row.medianMs / 1000)),
    ]);
  }

  /** Each mode's latest run, as the comparison table shows it. */
  get modesTable(): ResultTable | null {
    const rows = MODES.flatMap((mode) => this.summaries[mode] ?? []);
    if (rows.length === 0) return null;
    return resultTable(rows, [
      ['mode', 'mode', (row) => row.mode],
      ['workers', 'workers', (row) => row.workers],
      ['medianMs', 'median ms', (row) => roundCell(row.medianMs)],
      ['throughput', 'M elements/s', (row) => roundCell(row.throughput)],
      ['bytesCloned', 'bytes cloned between threads', (row) => row.bytesCloned],
      ['bytesCopiedOnPage', 'bytes copied on the page', (row) => row.bytesCopiedOnPage],
      ['moveMs', 'moving data ms', (row) => roundCell(row.moveMs)],
      ['computeMs', 'computing ms (all workers)', (row) => roundCell(row.computeMs)],
      ['note', 'note', (row) => row.note],
    ]);
  }
}

/** Exported numbers to 3 decimals, as the sweep table writes them. */
