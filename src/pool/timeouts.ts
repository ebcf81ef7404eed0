import type { Item } from './item';

/** setTimeout's longest delay; a longer one would fire at once. */
export const MAX_DELAY = 2 ** 31 - 1;

/** Throws unless `timeout` is a number of ms > 0 (or `Infinity`). */
export function checkTimeout(timeout: number): void {
  if (!(timeout > 0)) throw timeoutRangeError(timeout);
}

export function timeoutRangeError(timeout: number): RangeError {
  return new RangeError(`a timeout must be a number of ms > 0 (or Infinity), got ${timeout}`);
}

/** Starts a chunk's time limit as it is handed to a worker: `onTimeout(item)` runs past it, unless it settled first. */
export function armTimeout(item: Item, onTimeout: (item: Item) => void): void {
  if (item.timeout !== Infinity) item.timer = setTimeout(onTimeout, Math.min(item.timeout, MAX_DELAY), item);
}

/** Stops a settled chunk's time limit. */
export function disarmTimeout(item: Item): void {
  if (item.timer !== undefined) clearTimeout(item.timer);
}
