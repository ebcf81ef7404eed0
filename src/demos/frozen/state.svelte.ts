import type { Environment } from '../../environment';
import { describeFibBatch, type Calibration } from '../../measure/calibrate';
import { calibrate } from '../../measure/calibration';
import { runBatch, type Where } from '../../lab/frozenPage';
import { resultTable, type ResultTable } from '../../measure/export';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { fibTask } from '../../tasks/fib';
import { FrameMeter, type FrameWindow } from './frameMeter.svelte';
import { meta } from './meta';
import { FROZEN_LIMIT_MS, frozenSchema } from './settings';

interface Outcome extends FrameWindow {
  where: Where;
  ms: number;
}

type Raw = Readonly<Record<string, string | boolean>>;

const WHERES: readonly Where[] = ['main', 'workers'];

/** A main-thread run shorter than this barely freezes the page: one or two long frames, easily missed. */
const MIN_FREEZE_MS = 100;

/**
 * The frozen page: the same batch of fib(n) calls on the page's thread or in workers, watched by a frame meter.
 * Each place keeps its latest outcome, so the two can be compared side by side.
 */
export class FrozenState {
  readonly settings = new Settings(meta.id, frozenSchema());
  readonly meter = new FrameMeter();
  readonly runner = new JobRunner<Outcome>({ label: `the “${meta.title}” demo`, limitMs: FROZEN_LIMIT_MS });
  outcomes = $state.raw<Partial<Record<Where, Outcome>>>({});
  /** The settings each shown outcome was measured with. */
  ranSettings = $state.raw<Partial<Record<Where, Raw>>>({});

  /** What the probe chose for about 2 s on the main thread, in words; null until it has answered. */
  sizing = $state.raw<string | null>(null);

  /** `calibration`: the probe to size the batch by; the page's own (once per visit) unless a test gives one. */
  constructor(
    readonly env: Environment,
    { calibration = calibrate() }: { calibration?: Promise<Calibration | null> } = {},
  ) {
    void calibration.then((found) => {
      if (!found) return;
      const { n, k } = found.frozen;
      this.sizing = describeFibBatch(found.frozen, 'on the main thread here');
      // A link's own n and count (and anything typed meanwhile) stay as they are.
      this.settings.adoptDefaults({ n: String(n), count: String(k) });
    });
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  /** What each place is called in the table. */
  label(where: Where): string {
    const cores = this.env.hardwareConcurrency;
    return where === 'main' ? 'On the main thread' : `In ${cores} worker${cores > 1 ? 's' : ''}`;
  }

  async run(where: Where): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const { n, count } = result.values;
    // One chunk per call: fib(n) × count, the same batch both ways.
    const jobs = fibTask.split({ n, k: count }, count);
    const workers = this.env.hardwareConcurrency;
    const ran = { ...this.settings.raw };
    const outcome = await this.runner.run(async (signal) => {
      const ms = await runBatch(where, jobs, { workers, signal, onTimingStarts: () => this.meter.begin() });
      return { where, ms, ...(await this.meter.end()) };
    });
    if (!outcome) return;
    this.outcomes = { ...this.outcomes, [where]: outcome };
    this.ranSettings = { ...this.ranSettings, [where]: ran };
  }

  get shown(): Outcome[] {
    return WHERES.flatMap((where) => this.outcomes[where] ?? []);
  }

  get noise(): string[] {
    const main = this.outcomes.main;
    if (!main || main.ms >= MIN_FREEZE_MS) return [];
    return [
      `The main-thread work took only ${Math.round(main.ms)} ms, too short to freeze the page visibly: use a ` +
        'larger n or more calls.',
    ];
  }

  /** The settings of the outcomes shown, for the export's stamp: one set when both places ran alike. */
  get exportSettings(): Raw {
    const { main, workers } = this.ranSettings;
    if (!main || !workers) return main ?? workers ?? {};
    if (JSON.stringify(main) === JSON.stringify(workers)) return main;
    const prefixed = (where: Where, set: Raw) => Object.entries(set).map(([key, value]) => [`${where}.${key}`, value]);
    return Object.fromEntries([...prefixed('main', main), ...prefixed('workers', workers)]);
  }

  get table(): ResultTable {
    return resultTable(this.shown, [
      ['where', 'where', (outcome) => this.label(outcome.where)],
      ['ms', 'work ms', (outcome) => Number(outcome.ms.toFixed(3))],
      ['frames', 'frames painted', (outcome) => outcome.frames],
      ['longestFrameMs', 'longest frame ms', (outcome) => Number(outcome.longestFrameMs.toFixed(3))],
      ['droppedFrames', 'dropped frames', (outcome) => outcome.droppedFrames],
    ]);
  }
}
