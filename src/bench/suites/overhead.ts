import { wrap } from 'comlink';
import type { ComputeApi } from '../../../workers/compute.worker';
import { createPool } from '../../pool';
import { spawnComputeWorker } from '../../pool/slot';
import { median } from '../stats';
import { numberOption, type BenchSuite } from '../record';

/** Mean ms per call of `once`, over `count` calls one after another. */
async function perCall(count: number, once: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await once();
  return (performance.now() - start) / count;
}

/**
 * The cost of one chunk's round trip with an empty kernel, three ways: a raw `postMessage` echo, a comlink call,
 * and the pool's `submit`. The pool's overhead on top of raw messaging is what tiny chunks pay.
 */
export const overhead: BenchSuite = async (options) => {
  const count = numberOption(options, 'round-trips', 2000);
  const rounds = numberOption(options, 'reps', 5);

  const echo = new Worker(new URL('../../../workers/echo.worker.ts', import.meta.url), { type: 'module' });
  const worker = spawnComputeWorker();
  const remote = wrap<ComputeApi>(worker);
  const pool = createPool({ size: 1 });
  await pool.ready;
  const ways = {
    raw: () =>
      new Promise((resolve) => {
        echo.onmessage = resolve;
        echo.postMessage(0);
      }),
    comlink: () => remote.run({ kernel: 'noop', args: [0] }),
    pool: () => pool.submit({ kernel: 'noop', args: [0] }),
  };
  // Interleave the three ways round by round, so that a slow moment of the machine hits all of them alike.
  const means: Record<keyof typeof ways, number[]> = { raw: [], comlink: [], pool: [] };
  for (let round = -1; round < rounds; round++) {
    for (const [way, once] of Object.entries(ways) as [keyof typeof ways, () => Promise<unknown>][]) {
      const mean = await perCall(count, once);
      if (round >= 0) means[way].push(mean); // round −1 warms everything up
    }
  }
  echo.terminate();
  worker.terminate();
  await pool.shutdown();

  const rawMs = median(means.raw);
  return Object.entries(means).map(([way, values]) => ({
    task: `roundtrip-${way}`,
    workers: 1,
    medianMs: median(values),
    speedup: Number.NaN,
    efficiency: Number.NaN,
    ratioToRaw: median(values) / rawMs,
  }));
};
