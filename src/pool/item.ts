import type { Job } from '../../workers/kernels';
import type { Future, SubmitOptions } from './options';
import type { WorkerSlot } from './slot';

/** One submission as the pool keeps it, from `submit` until its future settles. */
export interface Item {
  id: number;
  job: Job;
  options: SubmitOptions;
  timeout: number;
  state: 'queued' | 'running' | 'settled';
  queuedAt: number;
  dispatchedAt: number;
  slot: WorkerSlot<Item> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Cancels this item; bound once so the same function can be added to and removed from its signal. */
  onAbort: () => boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The future of a submission refused before it became an item: already rejected, nothing to cancel. */
export function rejectedFuture<T>(error: Error): Future<T> {
  const promise = Promise.reject<T>(error);
  return Object.assign(promise, { id: -1, cancel: () => false });
}
