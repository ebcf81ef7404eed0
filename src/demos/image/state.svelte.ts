import { BACKEND_LABELS } from '../../../workers/kernels/backend';
import type { Environment } from '../../environment';
import { describeFilter, filterFrom } from '../../image/filterParams';
import { runFilter } from '../../image/filterRun';
import { wasmMemoryNote } from '../../image/sharedPath';
import { modeSweep, type ModeSweepResult } from '../../image/modeSweep';
import { MODES, modeUnavailable, type Mode } from '../../image/modes';
import { equalBytes, megapixels, sharePicture, type Picture, type SharedPicture } from '../../image/picture';
import { drawSample } from '../../image/sampleInWorker';
import type { ResultTable } from '../../measure/export';
import { noiseWarnings } from '../../measure/noise';
import { sweepFraction, type SweepProgress } from '../../measure/sweep';
import { roundCell } from '../../measure/tables';
import { modeTable } from '../../image/modeTable';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { meta } from './meta';
import { GpuFilter } from './gpuState.svelte';
import { imageSchema, type ImageSchema } from './settings';
import { summarize, type ModeSummary } from './summary';

/** What the shown result was computed for, not what has been edited since. */
interface Shown {
  after: Picture;
  text: string;
  mode: Mode;
  /** Megapixels per run. */
  work: number;
  settings: Readonly<Record<string, string | boolean>>;
  /** Where a WebAssembly backend's picture was (its own memory, or the shared one in place); null for JavaScript. */
  memoryNote: string | null;
}

/**
 * The Image demo: a picture filtered in bands by 1, 2, … workers, in one data mode or each in turn, every result
 * checked byte for byte against the 1-worker one.
 */
export class ImageState {
  readonly settings: Settings<ImageSchema>;
  readonly runner = new JobRunner<ModeSweepResult<Uint8ClampedArray>, SweepProgress>({
    label: `the ${meta.title} demo`,
  });
  readonly availableModes: readonly Mode[];
  readonly gpu = new GpuFilter();

  /** Null while the sample picture is being drawn (in a worker, so that opening the page does not wait on it). */
  picture = $state.raw<Picture | null>(null);
  pictureLabel = $state('the sample picture');
  pictureNotice = $state<string | null>(null);
  shown = $state.raw<Shown | null>(null);
  /** Each mode's latest run on this picture, filter and banding, for the side-by-side table. */
  comparison = $state.raw<{ setup: string; summaries: Partial<Record<Mode, ModeSummary>> }>({
    setup: '',
    summaries: {},
  });
  /** The mode of the sweep in progress ("Compare all" goes through several). */
  runningMode = $state<Mode>('copy');

  #pictureId = 0;
  // The picture's copy in shared memory, made the first time shared mode runs on it.
  #shared: SharedPicture | null = null;
  // The sample being drawn: a run started meanwhile waits for it.
  #drawing: Promise<Picture | null> = Promise.resolve(null);

  constructor(readonly env: Environment) {
    const { hardwareConcurrency: cores, crossOriginIsolated } = env;
    this.settings = new Settings(meta.id, imageSchema(cores, crossOriginIsolated));
    this.availableModes = MODES.filter((mode) => !modeUnavailable(mode, crossOriginIsolated));
    this.useSample();
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  /** Replaces the picture; a run on the old one is cancelled and its results are dropped. */
  usePicture(next: Picture | null, label: string, notice?: string): void {
    this.runner.cancel();
    this.picture = next;
    this.pictureLabel = label;
    this.pictureNotice = notice ?? null;
    this.#pictureId++;
    this.#shared = null;
    this.shown = null;
    this.comparison = { setup: '', summaries: {} };
  }

  /** Back to the sample picture: results are cleared now, the picture arrives once drawn (unless replaced first). */
  useSample(): void {
    this.usePicture(null, 'the sample picture');
    const id = this.#pictureId;
    this.#drawing = drawSample().then((sample) => {
      if (id !== this.#pictureId) return null;
      this.picture = sample;
      return sample;
    });
  }

  /** Sweeps the worker counts in each mode in turn (the chosen one by default); resolves once it has ended. */
  async run(modes?: readonly Mode[]): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const { values } = result;
    const filter = filterFrom(values.filter, values);
    const input = this.picture ?? (await this.#drawing);
    if (!input) return; // replaced while it was being drawn
    const work = megapixels(input);
    const text = `${describeFilter(filter)} in ${BACKEND_LABELS[values.backend]} on ${this.pictureLabel} (${input.width}×${input.height})`;
    const setup = `${this.#pictureId}|${text}|${values.bands}|${values.backend}`;
    const settings = { ...this.settings.raw };
    for (const mode of modes ?? [values.mode]) {
      this.runningMode = mode;
      // "Compare all": the mode picker follows the mode being run, so the form always names what the summary shows.
      if (modes) this.settings.raw.mode = mode;
      if (mode === 'shared' && !this.#shared) this.#shared = sharePicture(input);
      const shared = this.#shared ?? undefined;
      const sweep = await this.runner.run((signal, onProgress) =>
        modeSweep({
          run: (context) =>
            runFilter(context, input, filter, mode, context.pool.size * values.bands, shared, values.backend),
          equal: equalBytes,
          keep: (bytes) => bytes.slice(),
          workerCounts: values.workers,
          repetitions: values.reps,
          signal,
          onProgress,
        }),
      );
      if (!sweep || input !== this.picture) return;
      const memoryNote = wasmMemoryNote(values.backend, mode, shared, this.env.crossOriginIsolated);
      const after = { ...input, data: sweep.reference };
      this.shown = { after, text, mode, work, settings: { ...settings, mode }, memoryNote };
      const summaries = this.comparison.setup === setup ? this.comparison.summaries : {};
      this.comparison = { setup, summaries: { ...summaries, [mode]: summarize(mode, sweep.rows, sweep.last, work) } };
    }
  }

  /** The chosen filter on this picture, on the GPU. */
  async runGpu(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const picture = this.picture ?? (await this.#drawing);
    if (!picture) return;
    await this.gpu.run(picture, filterFrom(result.values.filter, result.values), this.pictureLabel);
  }

  get progress(): { value: number; label: string } {
    const p = this.runner.progress;
    if (!p) return { value: 0, label: 'starting workers…' };
    const what = this.runningMode === 'shared' ? 'band-passes' : 'bands';
    const label = `${this.runningMode} mode, ${p.workers} worker${p.workers > 1 ? 's' : ''}, ${p.warmup ? 'warm-up' : 'timed run'}: ${p.chunksDone}/${p.chunks} ${what} · run ${p.runsDone + 1} of ${p.runs}`;
    return { value: sweepFraction(p), label };
  }

  /** The best throughput of the shown result, in megapixels per second. */
  get bestThroughput(): number {
    const rows = this.runner.result?.rows ?? [];
    const work = this.shown?.work ?? 0;
    return Math.max(...rows.map((row) => work / (row.medianMs / 1000)));
  }

  get noise(): string[] {
    return this.runner.result ? noiseWarnings(this.runner.result.rows) : [];
  }

  /** The shown result as a table to keep: the sweep's timings and where the time went. */
  get table(): ResultTable | null {
    const rows = this.runner.result?.rows;
    const work = this.shown?.work;
    return rows && work !== undefined
      ? modeTable(rows, ['mpPerS', 'megapixels per s', (row) => roundCell(work / (row.medianMs / 1000))])
      : null;
  }
}
