import { MB, payloadSweep, PAYLOAD_MODES, roundTrips, spawnMs } from '../../src/lab/messageCost';
import { median } from '../../src/measure/stats';
import { numberOption, type BenchRecord, type BenchSuite } from '../record';

const record = (
  task: string,
  workers: number,
  medianMs: number,
  details: Record<string, string | number | boolean> = {},
): BenchRecord => ({
  task,
  workers,
  medianMs,
  speedup: Number.NaN,
  efficiency: Number.NaN,
  ...details,
});

/**
 * What a message costs, through the same code as the Concurrency lab's page (src/lab/messageCost.ts):
 * - spawn: new Worker() until all answered, for 1, 2 and all the cores;
 * - roundtrip-raw / -comlink / -pool: a tiny message there and back; the pool's overhead on top of raw messaging is
 *   what tiny chunks pay;
 * - payload-copy / -transfer / -shared at 1 MB and 64 MB (`--payload-mb` changes the larger size).
 */
export const overhead: BenchSuite = async (options) => {
  const count = numberOption(options, 'round-trips', 2000);
  const rounds = numberOption(options, 'reps', 5);
  const bigMb = numberOption(options, 'payload-mb', 64);
  const records: BenchRecord[] = [];

  for (const workers of [...new Set([1, 2, navigator.hardwareConcurrency])]) {
    const times = [];
    for (let rep = 0; rep < rounds; rep++) times.push(await spawnMs(workers));
    records.push(record('spawn', workers, median(times), { perWorkerMs: median(times) / workers }));
  }

  const trips = await roundTrips(count, rounds);
  for (const [way, ms] of Object.entries(trips)) {
    records.push(record(`roundtrip-${way}`, 1, ms, { ratioToRaw: ms / trips.raw }));
  }

  const modes = PAYLOAD_MODES.filter((mode) => mode !== 'shared' || crossOriginIsolated);
  for (const point of await payloadSweep([MB, bigMb * MB], modes)) {
    records.push(
      record(`payload-${point.mode}`, 1, point.ms, {
        // A string detail, so that the bench script tells the 1 MB and 64 MB rows apart from run to run.
        size: `${point.bytes / MB} MB`,
        mbPerSecond: point.bytes / MB / (point.ms / 1000),
        sourceDetached: point.sourceDetached,
      }),
    );
  }
  return records;
};
