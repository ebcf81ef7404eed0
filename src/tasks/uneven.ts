import { splitRange } from './split';
import type { Task } from './task';

/**
 * A task whose work is a row of units (image rows, fib calls) of very different cost: the scheduling demo cuts it by
 * a chunk size, in units, instead of by a number of chunks.
 */
export interface UnevenTask<P, R> extends Task<P, R> {
  /** What one unit is, in words for the UI ("rows", "calls"). */
  unit: string;
  /** How many units the work has. */
  units(params: P): number;
}

/**
 * The number of chunks for a chunk size: ⌈units / size⌉. `split` then makes chunks of ⌊units/chunks⌋ or ⌈units/chunks⌉
 * units, never more than `size`, in order.
 */
export function chunkCount(units: number, size: number): number {
  return Math.ceil(units / size);
}

/** The chunks' unit ranges, exactly as the task's split cuts them: for labels in the timeline. */
export function chunkRanges(units: number, size: number) {
  return splitRange(0, units, chunkCount(units, size));
}
