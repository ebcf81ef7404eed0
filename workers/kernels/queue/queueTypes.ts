/** The shared queue's public types: wait hooks, errors, what `get` and `snapshot` return, options. */
export type WaitReason = 'full' | 'empty' | 'receiver' | 'join';

/** Told when a call is about to sleep and when it wakes, so a worker can show "blocked" and time it. */
export interface WaitHooks {
  onWait(reason: WaitReason): void;
  onWake(reason: WaitReason): void;
}

export class QueueClosedError extends Error {
  override name = 'QueueClosedError';
  constructor() {
    super('put on a closed queue');
  }
}

/**
 * The run was stopped. Terminating a worker is not enough to stop it at once: Chromium lets a worker blocked in
 * `Atomics.wait` live on for up to about two seconds after `terminate()` (measured: it still took items 1.5 s
 * later), so a stopped run first aborts its queues, which wakes every sleeper into this error.
 */
export class QueueAbortedError extends Error {
  override name = 'QueueAbortedError';
  constructor() {
    super('the queue was aborted');
  }
}

export class QueueTimeoutError extends Error {
  override name = 'QueueTimeoutError';
  constructor(operation: string) {
    super(`${operation} timed out`);
  }
}

/** What one `get` returns: the item and its ticket (its place in the queue's one order), or done when closed. */
export type Received = { done: false; value: number; ticket: number } | { done: true };

/** A consistent-enough picture of the queue for a live view, read without the lock (the page may not block). */
export interface QueueSnapshot {
  capacity: number;
  head: number;
  tail: number;
  length: number;
  unfinished: number;
  closed: boolean;
}

export interface SharedQueueOptions {
  /**
   * Whether this thread may sleep in `Atomics.wait`. Workers may; the page's main thread may not, so there only the
   * non-blocking calls work (`tryPut`, `tryGet`, `close`, `snapshot`, `joinAsync`) and the lock spins.
   */
  canWait?: boolean;
  hooks?: WaitHooks;
}
