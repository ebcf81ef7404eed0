/**
 * How chunks are assigned to workers.
 * - `static`: contiguous blocks, decided up front (chunk i of n goes to worker ⌊i·p/n⌋), like OpenMP's default.
 * - `cyclic`: round-robin, decided up front (chunk i goes to worker i mod p).
 * - `dynamic`: one shared queue; an idle worker pulls the next chunk, like `queue.Queue` feeding worker threads.
 */
export type Schedule = 'static' | 'cyclic' | 'dynamic';

export const SCHEDULES: readonly Schedule[] = ['static', 'cyclic', 'dynamic'];

/** The worker a chunk is pinned to, or undefined for the shared queue. */
export function assignWorker(schedule: Schedule, chunk: number, chunks: number, workers: number): number | undefined {
  switch (schedule) {
    case 'static':
      return Math.floor((chunk * workers) / chunks);
    case 'cyclic':
      return chunk % workers;
    case 'dynamic':
      return undefined;
  }
}
