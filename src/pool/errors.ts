/** Every error the pool raises is a PoolError, so a caller can tell the pool's failures from its own. */
export class PoolError extends Error {
  override name = 'PoolError';
}

/** The work was cancelled (by its signal, `cancel()`, or a shutdown that cancels) before it produced a result. */
export class CancelledError extends PoolError {
  override name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

/** The pool was shut down: it accepts no new work. */
export class PoolClosedError extends PoolError {
  override name = 'PoolClosedError';
  constructor() {
    super('the pool has been shut down');
  }
}

/** The kernel threw inside the worker. The worker itself is fine and stays in the pool. */
export class KernelError extends PoolError {
  override name = 'KernelError';
  constructor(kernel: string, cause: unknown) {
    super(`kernel "${kernel}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The worker died (an uncaught error at its top level, or its script failed to load); it has been replaced. */
export class WorkerCrashedError extends PoolError {
  override name = 'WorkerCrashedError';
  constructor(slot: number, detail: string) {
    super(`worker ${slot} crashed: ${detail}`);
  }
}
