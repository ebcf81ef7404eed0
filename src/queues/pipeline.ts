import { Board } from '../../workers/kernels/queue/board';
import { SharedQueue } from '../../workers/kernels/queue/sharedQueue';
import { NotIsolatedError } from './errors';
import type { RoleRow } from './producerConsumer';
import { WorkerGroup } from './workerGroup';
import { PIPELINE_LIMITS } from './limits';

/**
 * Channels between workers, Go style: generate → transform → reduce, every stage a worker, every arrow a channel
 * (a SharedQueue; capacity 0 is unbuffered). Compared with the same work done data-parallel: each worker runs all
 * three stages on its own block of items, with no channel at all. Both must give the one-thread checksum.
 */
export interface PipelineParams {
  items: number;
  /** Workers in the transform stage (they share one input and one output channel). */
  transformers: number;
  /** Capacity of both channels: 0 unbuffered (a rendezvous per item), else buffered. */
  capacity: number;
  /** Cost per item of each stage, in microseconds: generate, transform, reduce. */
  costsUs: [number, number, number];
}

export { PIPELINE_LIMITS };

export interface PipelinePicture {
  channels: [ReturnType<SharedQueue['snapshot']>, ReturnType<SharedQueue['snapshot']>];
  workers: (Omit<RoleRow, 'role'> & { stage: 'generate' | 'transform' | 'reduce' })[];
  elapsedMs: number;
}

export interface StageTiming {
  checksum: number;
  ms: number;
  itemsPerSecond: number;
}

export interface PipelineOptions {
  signal?: AbortSignal;
  onProgress?: (picture: PipelinePicture) => void;
  timeLimitMs?: number;
  crossOriginIsolated: boolean;
  notIsolatedReason?: string | null;
}

/** The pipeline on channels. Needs shared memory. */
export async function runPipeline(params: PipelineParams, options: PipelineOptions): Promise<StageTiming> {
  checkPipeline(params);
  if (!options.crossOriginIsolated) throw new NotIsolatedError(options.notIsolatedReason ?? null);
  const t = params.transformers;
  const first = SharedQueue.create(params.capacity, { canWait: false });
  const second = SharedQueue.create(params.capacity, { canWait: false });
  const board = Board.create(t + 2);
  board.setSenders(t);
  const stage = (w: number) => (w === 0 ? 'generate' : w <= t ? 'transform' : 'reduce');
  let started = performance.now();
  const picture = (): PipelinePicture => ({
    channels: [first.snapshot(), second.snapshot()],
    workers: board.rows().map((row, w) => ({ ...row, stage: stage(w) })),
    elapsedMs: performance.now() - started,
  });
  const group = new WorkerGroup(t + 2, {
    ...options,
    lastPicture: picture,
    onTerminate: () => {
      first.abort();
      second.abort();
    },
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    await group.ready();
    started = performance.now();
    timer = setInterval(() => options.onProgress?.(picture()), 50);
    const [g, tr, r] = params.costsUs;
    const remotes = group.remotes;
    const common = { board: board.buffer };
    const calls = [
      remotes[0]!.generate({ ...common, worker: 0, costUs: g, out: first.buffer, items: params.items }),
      ...remotes
        .slice(1, t + 1)
        .map((remote, i) =>
          remote.transform({ ...common, worker: 1 + i, costUs: tr, in: first.buffer, out: second.buffer }),
        ),
      remotes[t + 1]!.reduce({ ...common, worker: t + 1, costUs: r, in: second.buffer }),
    ];
    const reports = await group.guard(Promise.all(calls));
    const ms = performance.now() - started;
    options.onProgress?.(picture());
    return { checksum: reports[reports.length - 1]!.checksum, ms, itemsPerSecond: params.items / (ms / 1000) };
  } finally {
    clearInterval(timer);
    group.terminate();
  }
}

/**
 * The same items and stage costs, data-parallel: `workers` workers each take one contiguous block and do every
 * stage on it. Needs no shared memory (the blocks and the sums are plain messages).
 */
export async function runDataParallel(
  params: Omit<PipelineParams, 'capacity' | 'transformers'> & { workers: number },
  options: Omit<PipelineOptions, 'onProgress' | 'crossOriginIsolated'> = {},
): Promise<StageTiming> {
  checkPipeline({ ...params, capacity: 0, transformers: 1 });
  const group = new WorkerGroup(params.workers, options);
  try {
    await group.ready();
    const started = performance.now();
    const sums = await group.guard(
      Promise.all(
        group.remotes.map((remote, w) => {
          const start = Math.floor((params.items * w) / params.workers);
          const end = Math.floor((params.items * (w + 1)) / params.workers);
          return remote.processBlock(start, end, params.costsUs);
        }),
      ),
    );
    const ms = performance.now() - started;
    return { checksum: sums.reduce((a, b) => (a + b) >>> 0, 0), ms, itemsPerSecond: params.items / (ms / 1000) };
  } finally {
    group.terminate();
  }
}

function checkPipeline(params: PipelineParams): void {
  const { items, transformers, capacity, costUs } = PIPELINE_LIMITS;
  const check = (label: string, value: number, { min, max }: { min: number; max: number }) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${label} must be a whole number from ${min} to ${max}`);
    }
  };
  check('items', params.items, items);
  check('transformers', params.transformers, transformers);
  check('capacity', params.capacity, capacity);
  for (const cost of params.costsUs) check('a stage cost', cost, costUs);
}
