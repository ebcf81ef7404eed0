import { COUNTING_WAYS, type CountingWay } from '../../../workers/kernels/counter';
import type { Environment } from '../../environment';
import { Guess } from '../../learn/guess.svelte';
import { runCounting, type CountingResult } from '../../lab/races';
import { resultTable, type ResultTable } from '../../measure/export';
import { CancelledError } from '../../pool';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { meta } from './meta';
import { RACES_LIMIT_MS, racesSchema, type RacesSchema } from './settings';

export const WAYS: Record<CountingWay, { label: string; how: string }> = {
  plain: { label: 'Plain counter', how: 'words[i] = words[i] + 1: read, add, write' },
  atomic: { label: 'Atomics.add', how: 'one indivisible read-modify-write' },
  lock: { label: 'Lock', how: 'compareExchange to take it, Atomics.wait/notify to sleep and wake' },
  private: { label: 'Private, merged once', how: 'count in a local variable, one Atomics.add at the end' },
  adjacent: { label: 'Own word, same cache line', how: 'Atomics.add on neighbouring words of one 64-byte line' },
  padded: { label: 'Own word, own cache line', how: 'Atomics.add on words 64 bytes apart' },
};

/** Below this, a way's time is mostly start-up and timer steps: its rate says little. */
const MIN_COMPARED_MS = 20;

/**
 * The lost-update experiment: k workers add 1 to one shared counter M times each, every way in turn. The rows
 * arrive one way at a time (as progress), so a cancelled run still shows the ways it finished.
 */
export class RacesState {
  readonly settings: Settings<RacesSchema>;
  readonly runner = new JobRunner<CountingResult[], CountingResult[]>({
    label: `the “${meta.title}” demo`,
    limitMs: RACES_LIMIT_MS,
  });
  /** The settings the shown rows were measured with. */
  ranSettings = $state.raw<Readonly<Record<string, string | boolean>>>({});
  /** Predict, then run: how many of the k·M increments the plain counter loses ("25%" reads as a share of k·M). */
  readonly guess = new Guess('count', () => ({ total: this.expected ?? undefined }));

  constructor(readonly env: Environment) {
    this.settings = new Settings(meta.id, racesSchema(env.hardwareConcurrency));
  }

  /** k·M, the increments the settings ask for now; null while they are invalid. */
  get expected(): number | null {
    const result = this.settings.result;
    return result.ok ? result.values.workers * result.values.m : null;
  }

  /** Valid settings, and shared memory to count in. */
  get ready(): boolean {
    return this.settings.result.ok && this.env.crossOriginIsolated;
  }

  async run(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok || !this.ready) return;
    const { workers, m } = result.values;
    this.ranSettings = { ...this.settings.raw };
    this.guess.lockIn();
    await this.runner.run(async (signal, onProgress) => {
      const rows: CountingResult[] = [];
      for (const way of COUNTING_WAYS) {
        if (signal.aborted) throw new CancelledError();
        rows.push(await runCounting({ way, workers, m, signal }));
        onProgress([...rows]);
      }
      return rows;
    });
  }

  /** The ways counted so far: all of them once done, those finished before a cancel or failure otherwise. */
  get rows(): CountingResult[] {
    return this.runner.result ?? this.runner.progress ?? [];
  }

  get progress(): { value: number; label: string } {
    const done = this.rows.length;
    const next = COUNTING_WAYS[done];
    return { value: done / COUNTING_WAYS.length, label: next ? `counting: ${WAYS[next].label}` : 'done' };
  }

  get byWay(): Partial<Record<CountingWay, CountingResult>> {
    const byWay: Partial<Record<CountingWay, CountingResult>> = {};
    for (const row of this.rows) byWay[row.way] = row;
    return byWay;
  }

  get fastest(): number {
    return Math.max(1, ...this.rows.map((row) => row.opsPerSecond));
  }

  /** How many times faster words on separate cache lines ran than words on one, with two workers or more. */
  get falseSharing(): number | null {
    const { adjacent, padded } = this.byWay;
    if (!adjacent || !padded || adjacent.workers < 2) return null;
    return padded.opsPerSecond / adjacent.opsPerSecond;
  }

  /** Why the timings (not the counts: those are exact) may mislead. */
  get noise(): string[] {
    const warnings: string[] = [];
    const { adjacent, padded } = this.byWay;
    if (adjacent && padded && Math.min(adjacent.ms, padded.ms) < MIN_COMPARED_MS) {
      warnings.push(
        `The cache-line runs took only ${Math.min(adjacent.ms, padded.ms).toFixed(1)} ms, too short to compare ` +
          'reliably: use a larger M.',
      );
    }
    const workers = this.rows[0]?.workers ?? 0;
    if (workers > this.env.hardwareConcurrency) {
      warnings.push(
        `${workers} workers on ${this.env.hardwareConcurrency} cores take turns, which slows the shared ways for ` +
          'reasons other than sharing: compare with at most as many workers as cores.',
      );
    }
    return warnings;
  }

  get table(): ResultTable {
    return resultTable(this.rows, [
      ['way', 'way', (row) => row.way],
      ['workers', 'workers', (row) => row.workers],
      ['m', 'increments per worker', (row) => row.m],
      ['expected', 'expected', (row) => row.expected],
      ['actual', 'actual', (row) => row.actual],
      ['lost', 'lost updates', (row) => row.lost],
      ['ms', 'ms', (row) => Number(row.ms.toFixed(3))],
      ['opsPerSecond', 'increments per second', (row) => Math.round(row.opsPerSecond)],
    ]);
  }
}
