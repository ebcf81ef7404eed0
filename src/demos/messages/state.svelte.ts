import type { Environment } from '../../environment';
import { chunkCounts, granularitySweep, type GranularityPoint } from '../../lab/granularity';
import {
  MB,
  PAYLOAD_MODES,
  payloadSizes,
  payloadSweep,
  ROUND_TRIP_WAYS,
  roundTrips,
  spawnMs,
  type PayloadMode,
  type PayloadPoint,
  type RoundTripWay,
} from '../../lab/messageCost';
import { resultTable, type ResultTable } from '../../measure/export';
import { median } from '../../measure/stats';
import { JobRunner } from '../../run/jobRunner.svelte';
import { Settings } from '../../settings';
import { meta } from './meta';
import { messagesSchema } from './settings';

export const SPAWN_REPETITIONS = 3;
export const TRIPS = 300;
export const ROUNDS = 5;
export const GRANULARITY_REPETITIONS = 3;

export const ROUND_TRIP_LABELS: Record<RoundTripWay, string> = {
  raw: 'Raw postMessage (an echo worker)',
  comlink: 'comlink call of an empty kernel',
  pool: 'pool.submit of an empty kernel',
};

export const PAYLOAD_LABELS: Record<PayloadMode, string> = {
  copy: 'copy (structured clone)',
  transfer: 'transfer (buffer moved)',
  shared: 'shared (SharedArrayBuffer)',
};

/** The whole sum as one chunk faster than this makes every speedup a ratio of timer noise. */
const MIN_WHOLE_MS = 50;

type Raw = Readonly<Record<string, string | boolean>>;
const round = (value: number) => Number(value.toFixed(4));

/** A payload measured right: the buffer detached exactly when transferred, and every byte arrived. */
export const payloadOk = (point: PayloadPoint) => point.arrived && point.sourceDetached === (point.mode === 'transfer');

/**
 * What a message costs, four experiments: starting workers, a tiny round trip, payloads by size and mode, and the
 * same work cut ever finer. Each has its own runner (one at a time, like every experiment on the page); the sweeps
 * report their points as they come, so a cancelled sweep still shows what it measured.
 */
export class MessagesState {
  readonly settings = new Settings(meta.id, messagesSchema());
  readonly spawn = new JobRunner<{ workers: number; ms: number }[]>({
    label: `the “${meta.title}” spawn timing`,
    limitMs: 30_000,
  });
  readonly roundTrip = new JobRunner<Record<RoundTripWay, number>>({
    label: `the “${meta.title}” round trips`,
    limitMs: 30_000,
  });
  readonly payload = new JobRunner<PayloadPoint[], PayloadPoint[]>({
    label: `the “${meta.title}” payload sweep`,
    limitMs: 60_000,
  });
  readonly granularity = new JobRunner<GranularityPoint[], GranularityPoint[]>({
    label: `the “${meta.title}” granularity sweep`,
    limitMs: 60_000,
  });
  /** What the shown payload and granularity results were measured with. */
  payloadRan = $state.raw<{ sizes: number[]; modes: readonly PayloadMode[]; settings: Raw }>({
    sizes: [],
    modes: [],
    settings: {},
  });
  granularityRan = $state.raw<{ counts: number[]; settings: Raw }>({ counts: [], settings: {} });

  constructor(readonly env: Environment) {}

  get running(): boolean {
    return [this.spawn, this.roundTrip, this.payload, this.granularity].some((runner) => runner.running);
  }

  /** 1, 2 and the cores: what one worker costs, and what a pool of them does. */
  get spawnCounts(): number[] {
    const counts = [1, 2, this.env.hardwareConcurrency];
    return counts.filter((count, i) => counts.indexOf(count) === i).sort((a, b) => a - b);
  }

  /** Shared memory only where the page may use it. */
  get payloadModes(): readonly PayloadMode[] {
    return PAYLOAD_MODES.filter((mode) => mode !== 'shared' || this.env.crossOriginIsolated);
  }

  async runSpawn(): Promise<void> {
    const counts = this.spawnCounts;
    await this.spawn.run(async (signal) => {
      const rows = [];
      for (const workers of counts) {
        const times = [];
        for (let rep = 0; rep < SPAWN_REPETITIONS; rep++) times.push(await spawnMs(workers, signal));
        rows.push({ workers, ms: median(times) });
      }
      return rows;
    });
  }

  async runRoundTrips(trips = TRIPS, rounds = ROUNDS): Promise<void> {
    await this.roundTrip.run((signal) => roundTrips(trips, rounds, signal));
  }

  async runPayloads(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const sizes = payloadSizes(Number(result.values.payloadMb) * MB);
    const modes = this.payloadModes;
    this.payloadRan = { sizes, modes, settings: { payloadMb: result.values.payloadMb } };
    await this.payload.run((signal, onProgress) => {
      const points: PayloadPoint[] = [];
      const onPoint = (point: PayloadPoint) => {
        points.push(point);
        onProgress([...points]);
      };
      return payloadSweep(sizes, modes, { signal, onPoint });
    });
  }

  async runGranularity(): Promise<void> {
    const result = this.settings.result;
    if (!result.ok) return;
    const { n, chunks } = result.values;
    const counts = chunkCounts(chunks);
    this.granularityRan = { counts, settings: { n: this.settings.raw.n, chunks: this.settings.raw.chunks } };
    await this.granularity.run((signal, onProgress) => {
      const points: GranularityPoint[] = [];
      return granularitySweep({
        n,
        counts,
        workers: this.env.hardwareConcurrency,
        repetitions: GRANULARITY_REPETITIONS,
        signal,
        onPoint: (point) => {
          points.push(point);
          onProgress([...points]);
        },
      });
    });
  }

  get payloadPoints(): PayloadPoint[] {
    return this.payload.result ?? this.payload.progress ?? [];
  }

  get granularityPoints(): GranularityPoint[] {
    return this.granularity.result ?? this.granularity.progress ?? [];
  }

  get payloadProgress(): { value: number; label: string } {
    const all = this.payloadRan.sizes.length * this.payloadRan.modes.length;
    return { value: all ? this.payloadPoints.length / all : 0, label: `${this.payloadPoints.length} of ${all} trips` };
  }

  get granularityProgress(): { value: number; label: string } {
    const all = this.granularityRan.counts.length;
    const done = this.granularityPoints.length;
    return { value: all ? done / all : 0, label: `${done} of ${all} chunk counts` };
  }

  /** One row per payload size: each mode's point at that size. */
  get payloadRows(): { bytes: number; byMode: Partial<Record<PayloadMode, PayloadPoint>> }[] {
    return this.payloadRan.sizes
      .map((bytes) => {
        const byMode: Partial<Record<PayloadMode, PayloadPoint>> = {};
        for (const point of this.payloadPoints) if (point.bytes === bytes) byMode[point.mode] = point;
        return { bytes, byMode };
      })
      .filter((row) => Object.keys(row.byMode).length > 0);
  }

  /** The fastest point of the granularity sweep. */
  get bestGranularity(): GranularityPoint | null {
    return this.granularityPoints.reduce<GranularityPoint | null>(
      (a, p) => (a && a.speedup >= p.speedup ? a : p),
      null,
    );
  }

  get granularityNoise(): string[] {
    const warnings: string[] = [];
    const whole = this.granularityPoints[0];
    if (whole && whole.ms < MIN_WHOLE_MS) {
      warnings.push(
        `The whole sum as one chunk took only ${whole.ms.toFixed(1)} ms: the speedups are ratios of very short ` +
          'times and move from run to run. Use a larger N to see the trade clearly.',
      );
    }
    // p workers cannot do the work more than p times faster: a larger ratio says the one-chunk baseline was slow.
    const workers = this.env.hardwareConcurrency;
    const beyond = this.granularityPoints.filter((point) => point.speedup > workers * 1.1);
    if (beyond.length) {
      const top = Math.max(...beyond.map((point) => point.speedup));
      warnings.push(
        `A speedup of ${top.toFixed(2)}× on ${workers} worker${workers === 1 ? '' : 's'} is more than ${workers} ` +
          'workers can give: the one-chunk baseline was slowed by something other than the work (one long chunk ' +
          'runs before the JavaScript compiler has optimised the loop, or the machine was busy). Read these rows ' +
          'as "faster than one long chunk", not as a parallel speedup.',
      );
    }
    return warnings;
  }

  get spawnTable(): ResultTable {
    return resultTable(this.spawn.result ?? [], [
      ['workers', 'workers', (row) => row.workers],
      ['ms', 'spawn to first message ms', (row) => round(row.ms)],
      ['perWorkerMs', 'per worker ms', (row) => round(row.ms / row.workers)],
    ]);
  }

  get roundTripTable(): ResultTable {
    const result = this.roundTrip.result;
    const trips = result ? ROUND_TRIP_WAYS.map((way) => ({ way, ms: result[way], raw: result.raw })) : [];
    return resultTable(trips, [
      ['way', 'way', (trip) => ROUND_TRIP_LABELS[trip.way]],
      ['ms', 'round trip ms', (trip) => round(trip.ms)],
      ['againstRaw', 'against raw', (trip) => round(trip.ms / trip.raw)],
    ]);
  }

  get payloadTable(): ResultTable {
    return resultTable(this.payloadPoints, [
      ['bytes', 'bytes', (point) => point.bytes],
      ['mode', 'mode', (point) => point.mode],
      ['ms', 'median ms per trip', (point) => round(point.ms)],
      ['sourceDetached', 'sender buffer detached', (point) => point.sourceDetached],
      ['arrived', 'every byte arrived', (point) => point.arrived],
    ]);
  }

  get granularityTable(): ResultTable {
    return resultTable(this.granularityPoints, [
      ['chunks', 'chunks', (point) => point.chunks],
      ['workPerChunkMs', 'work per chunk ms', (point) => round(point.workPerChunkMs)],
      ['ms', 'median ms', (point) => round(point.ms)],
      ['speedup', 'speedup', (point) => round(point.speedup)],
      ['matches', 'sum equals one-chunk sum', (point) => point.matches],
    ]);
  }
}
