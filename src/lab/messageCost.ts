import { wrap } from 'comlink';
import type { ComputeApi } from '../../workers/compute.worker';
import { median } from '../measure/stats';
import { CancelledError, createPool, type Pool } from '../pool';
import { spawnComputeWorker } from '../pool/slot';

/**
 * What a message costs, measured here and now: the same code feeds the Concurrency lab's page and the `overhead`
 * benchmark suite, so the figures a visitor sees and the ones `npm run bench` records are measured alike.
 */

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Ms from creating `workers` compute workers until every one has answered a first message (pool.ready). */
export async function spawnMs(workers: number, signal?: AbortSignal): Promise<number> {
  throwIfAborted(signal);
  const pool = createPool({ size: workers });
  try {
    return await pool.whenReady(signal);
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
}

export const ROUND_TRIP_WAYS = ['raw', 'comlink', 'pool'] as const;
export type RoundTripWay = (typeof ROUND_TRIP_WAYS)[number];

/** Mean ms per call of `once`, over `count` calls one after another. */
async function perCall(count: number, once: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await once();
  return (performance.now() - start) / count;
}

/**
 * The round trip of a tiny message, three ways: a raw `postMessage` echo, a comlink call of an empty kernel, and the
 * pool's `submit` of it. Each way's median over `rounds` of the mean of `count` trips; the three ways are
 * interleaved round by round, so that a slow moment of the machine hits all of them alike. Round −1 warms up.
 */
export async function roundTrips(
  count: number,
  rounds: number,
  signal?: AbortSignal,
): Promise<Record<RoundTripWay, number>> {
  const echo = new Worker(new URL('../../workers/echo.worker.ts', import.meta.url), { type: 'module' });
  const worker = spawnComputeWorker();
  const remote = wrap<ComputeApi>(worker);
  const pool = createPool({ size: 1 });
  try {
    await pool.whenReady(signal);
    const ways: Record<RoundTripWay, () => Promise<unknown>> = {
      raw: () =>
        new Promise((resolve) => {
          echo.onmessage = resolve;
          echo.postMessage(0);
        }),
      comlink: () => remote.run({ kernel: 'noop', args: [0] }),
      pool: () => pool.submit({ kernel: 'noop', args: [0] }),
    };
    const means: Record<RoundTripWay, number[]> = { raw: [], comlink: [], pool: [] };
    for (let round = -1; round < rounds; round++) {
      for (const way of ROUND_TRIP_WAYS) {
        throwIfAborted(signal);
        const mean = await perCall(count, ways[way]);
        if (round >= 0) means[way].push(mean);
      }
    }
    return { raw: median(means.raw), comlink: median(means.comlink), pool: median(means.pool) };
  } finally {
    echo.terminate();
    worker.terminate();
    await pool.shutdown({ cancelPending: true });
  }
}

export const PAYLOAD_MODES = ['copy', 'transfer', 'shared'] as const;
export type PayloadMode = (typeof PAYLOAD_MODES)[number];

export interface PayloadPoint {
  mode: PayloadMode;
  bytes: number;
  /** Median ms from posting the payload until the worker's answer (its length, read there) is back. */
  ms: number;
  /** The sender's buffer was empty (detached) after the trip: true for every transfer, false otherwise. */
  sourceDetached: boolean;
  /** The worker saw every byte: the length it read equals the size sent. */
  arrived: boolean;
}

export const KB = 1024;
export const MB = 1024 * KB;
/** The payload sizes, ×4 from 1 KB: 1 KB, 4 KB, … 64 MB. */
export function payloadSizes(maxBytes: number): number[] {
  const sizes = [];
  for (let bytes = KB; bytes <= maxBytes; bytes *= 4) sizes.push(bytes);
  return sizes;
}

/** Fewer repetitions for big payloads: each 64 MB trip allocates and fills 64 MB first. */
function repetitionsFor(bytes: number): number {
  return bytes >= 16 * MB ? 3 : bytes >= MB ? 5 : 15;
}

/** A payload of `bytes` in the memory the mode sends: an ArrayBuffer, or a SharedArrayBuffer for `shared`. */
function makePayload(mode: PayloadMode, bytes: number): Uint8Array {
  const payload = new Uint8Array(mode === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  payload.fill(7); // written, so the pages are real and a copy really copies them
  return payload;
}

/**
 * One payload through the pool to one worker and back, per mode and size. Copy clones the bytes (the pickling of
 * Python's multiprocessing), transfer moves the buffer (the sender's copy is detached), shared sends a handle to the
 * same memory. About two payloads of the largest size live at once (the sender's and the worker's copy).
 */
export async function payloadSweep(
  sizes: readonly number[],
  modes: readonly PayloadMode[],
  { signal, onPoint }: { signal?: AbortSignal; onPoint?: (point: PayloadPoint) => void } = {},
): Promise<PayloadPoint[]> {
  const pool = createPool({ size: 1 });
  const points: PayloadPoint[] = [];
  try {
    await pool.whenReady(signal);
    for (const bytes of sizes) {
      for (const mode of modes) {
        const times: number[] = [];
        let sourceDetached = true;
        let arrived = true;
        // Copy and shared send the same payload every time, as a program would; a transfer empties the sender's
        // buffer, so each trip needs a fresh one (made before the clock starts).
        let payload = makePayload(mode, bytes);
        for (let rep = -1; rep < repetitionsFor(bytes); rep++) {
          throwIfAborted(signal);
          if (payload.buffer.byteLength === 0) payload = makePayload(mode, bytes);
          const start = performance.now();
          const answer = await trip(pool, mode, payload, signal);
          if (rep >= 0) times.push(performance.now() - start);
          sourceDetached &&= payload.buffer.byteLength === 0;
          arrived &&= answer.length === bytes && answer.last === 7;
        }
        const point = { mode, bytes, ms: median(times), sourceDetached, arrived };
        points.push(point);
        onPoint?.(point);
      }
    }
    return points;
  } finally {
    await pool.shutdown({ cancelPending: true });
  }
}

function trip(pool: Pool, mode: PayloadMode, payload: Uint8Array, signal: AbortSignal | undefined) {
  const job = { kernel: 'touchBytes' as const, args: [payload] as [Uint8Array] };
  return pool.submit(job, {
    signal,
    ...(mode === 'transfer' && { transfer: [payload.buffer as ArrayBuffer] }),
  });
}
