import type { Environment } from '../../environment';
import { Guess } from '../../learn/guess.svelte';
import { countsToPredict } from '../../measure/amdahl';
import { describeFibBatch, describeSum, fibCallMs, type Calibration } from '../../measure/calibrate';
import { calibrate } from '../../measure/calibration';
import { noiseWarnings } from '../../measure/noise';
import type { SweepProgress, SweepResult, SweepRow } from '../../measure/sweep';
import { MAIN_THREAD, sweepFraction } from '../../measure/sweepProgress';
import { sweepTable } from '../../measure/tables';
import { Settings } from '../../settings';
import { TASKS } from '../../tasks';
import { taskRaw, type AnyTask } from '../fields';
import { RunState, type Measured } from '../runState.svelte';
import { meta } from './meta';
import { refineSpeedup, speedupSchema, type SpeedupSchema } from './settings';

/** What a shown result was measured with: the task and parameters, not the ones edited since. */
interface Ran extends Measured {
  task: AnyTask;
  params: unknown;
}

/** The Speedup demo: one task swept over worker counts, checked against the 1-worker result, timed. */
export class SpeedupState extends RunState<SpeedupSchema, SweepResult<unknown>, SweepProgress, Ran> {
  /** This machine's calibration, once the probe has answered (null before, or where it could not run). */
  calibration = $state.raw<Calibration | null>(null);
  /** Whether the probe has yet to answer: the sizing line says it is coming, so the fields do not jump when it does. */
  probing = $state(true);
  /** Predict, then run: the speedup at the largest worker count. */
  readonly guess = new Guess('speedup');

  /** `calibration`: the probe to size the fib defaults by; the page's own (once per visit) unless a test gives one. */
  constructor(env: Environment, { calibration = calibrate() }: { calibration?: Promise<Calibration | null> } = {}) {
    const cores = env.hardwareConcurrency;
    super(env, new Settings(meta.id, speedupSchema(cores), { refine: refineSpeedup(cores) }), `the ${meta.title} demo`);
    const answered = (found: Calibration | null) => {
      this.probing = false;
      if (!found) return;
      this.calibration = found;
      // About 1 s on one worker here; a link's own n and k (and anything typed meanwhile) stay as they are.
      this.settings.adoptDefaults({
        'fib-n': String(found.speedup.n),
        'fib-k': String(found.speedup.k),
        ...(found.sum && { 'sum-n': String(found.sum.n) }),
      });
    };
    // A probe that failed to start leaves the static defaults, as one that could not run does.
    void calibration.then(answered, () => answered(null));
  }

  /** The fib batch or the sum set now, and how long it should take on one worker here, in words; null for others. */
  get sizing(): string | null {
    const calibration = this.calibration;
    if (!calibration) return null;
    const validation = this.task.validate(taskRaw(this.task, this.settings.raw));
    if (!validation.ok) return null;
    if (this.task.id === 'sum') return sumSizing(calibration, (validation.params as { n: number }).n);
    if (this.task.id !== 'fib') return null;
    const { n, k } = validation.params as { n: number; k: number };
    const now = describeFibBatch({ n, k, ms: k * fibCallMs(calibration.probe.unitMs, n) });
    const chosen = calibration.speedup;
    if (n === chosen.n && k === chosen.k) return `Sized for this machine by a quick probe: ${now}.`;
    return `Set to ${now}; the probe’s choice for about 1 s was fib(${chosen.n}) × ${chosen.k}.`;
  }

  /** The task picked now (the radio group only offers known ones). */
  get task(): AnyTask {
    return TASKS[String(this.settings.raw.task)] ?? TASKS.fib!;
  }

  /** One click for the Amdahl panel: enough worker counts (oversubscribed) for it to predict, and a run with them. */
  get countsToPredict(): { counts: string; apply: () => void; disabled: boolean } | null {
    const counts = countsToPredict(this.env.hardwareConcurrency);
    if (!counts) return null;
    const apply = () => {
      this.settings.raw.oversubscribe = true;
      this.settings.raw.workers = counts;
      void this.run();
    };
    return { counts, apply, disabled: this.runner.running || !!this.runner.blockedBy };
  }

  /** The largest worker count set now, which the guess is about; null while the counts are invalid. */
  get largestCount(): number | null {
    const result = this.settings.result;
    return result.ok ? Math.max(...result.values.workers) : null;
  }

  /** The shown run's speedup at its largest worker count, the measurement a guess is compared with. */
  get measuredSpeedup(): Pick<SweepRow, 'workers' | 'speedup'> | null {
    const rows = this.runner.result?.rows.filter((row) => row.workers !== MAIN_THREAD) ?? [];
    const largest = rows.reduce<SweepRow | null>(
      (best, row) => (best && best.workers > row.workers ? best : row),
      null,
    );
    return largest && largest.workers > 1 ? largest : null;
  }

  get ready(): boolean {
    return this.settings.result.ok;
  }

  /** Runs the sweep; resolves once it has ended, however it ended. */
  async run(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const values = result.values;
    const task = TASKS[values.task]!;
    const validation = task.validate(taskRaw(task, values));
    if (!validation.ok) return;
    const params = validation.params;
    const sweepSettings = {
      workerCounts: values.workers,
      repetitions: values.reps,
      includeMainThread: values.main,
    };
    this.ran = { task, params, settings: { ...this.settings.raw } };
    this.guess.lockIn();
    // The pool and the sweep load with the first run: the page needs neither to show the demo.
    await this.runner.run(async (signal, onProgress) => {
      const { sweep } = await import('../../measure/sweep');
      return sweep({ task, params, settings: sweepSettings, signal, onProgress });
    });
  }

  get progress(): { value: number; label: string } | null {
    const p = this.runner.progress;
    if (!p) return { value: 0, label: 'starting workers…' };
    const who =
      p.workers === MAIN_THREAD ? 'main thread (page frozen)' : `${p.workers} worker${p.workers > 1 ? 's' : ''}`;
    const label = `${who}, ${p.warmup ? 'warm-up' : 'timed run'}: ${p.chunksDone}/${p.chunks} chunks · run ${p.runsDone + 1} of ${p.runs}`;
    return { value: sweepFraction(p), label };
  }

  /** The shown result's reference, as the task writes it. */
  get resultText(): string {
    const result = this.runner.result;
    return result && this.ran ? this.ran.task.format(this.ran.params, result.reference) : '';
  }

  get table() {
    return this.runner.result ? sweepTable(this.runner.result.rows) : null;
  }

  get noise(): string[] {
    return this.runner.result ? noiseWarnings(this.runner.result.rows) : [];
  }
}

/** "Sized for this machine: N = 500,000,000, about 1.1 s on one worker here", or what the probe chose instead. */
function sumSizing({ sum, sumProbe }: Calibration, n: number): string | null {
  if (!sum || !sumProbe) return null;
  const now = describeSum(n, (n * sumProbe.nsPerTerm) / 1e6);
  if (n === sum.n) return `Sized for this machine by a quick probe: ${now}.`;
  return `Set to ${now}; the probe’s choice for about 1 s was N = ${sum.n.toLocaleString('en')}.`;
}
