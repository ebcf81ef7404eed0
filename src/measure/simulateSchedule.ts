import { assignWorker, type Schedule } from '../pool';

/** One chunk in a simulated run: who ran it, and when its messaging and its computation took place. */
export interface SimulatedChunk {
  chunk: number;
  worker: number;
  start: number;
  /** The messaging overhead ends and computing begins here. */
  computeAt: number;
  end: number;
}

/**
 * Plays the pool's three schedules on paper, with known chunk costs and a fixed messaging cost per chunk: the
 * pictures that explain why static blocks leave workers idle and why tiny chunks drown in messaging.
 * Static and cyclic chunks wait for the worker they are pinned to, in chunk order (as the pool's per-worker queues
 * do); dynamic hands the next chunk, in chunk order, to the worker that frees first (the lowest slot on a tie), as the
 * pool's shared queue does.
 */
export function simulateSchedule(
  costs: readonly number[],
  workers: number,
  schedule: Schedule,
  overheadPerChunk = 0,
): SimulatedChunk[] {
  const freeAt = new Array<number>(workers).fill(0);
  return costs.map((cost, chunk) => {
    const pinned = assignWorker(schedule, chunk, costs.length, workers);
    const worker = pinned ?? freeAt.indexOf(Math.min(...freeAt));
    const start = freeAt[worker]!;
    const computeAt = start + overheadPerChunk;
    const end = computeAt + cost;
    freeAt[worker] = end;
    return { chunk, worker, start, computeAt, end };
  });
}

/** The time the last worker finishes. */
export function makespan(chunks: readonly SimulatedChunk[]): number {
  return Math.max(0, ...chunks.map((chunk) => chunk.end));
}
