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

/**
 * A worker failed before answering its first message: its script did not load (a 404, a network error, a
 * Content-Security-Policy or an extension that blocks workers) or threw at its top level. Nothing ran on it.
 */
export class WorkerStartError extends PoolError {
  override name = 'WorkerStartError';
  constructor(
    readonly script: string,
    readonly reason: string,
  ) {
    super(`the worker ${script} could not start: ${reason}`);
  }
}

/** The chunk ran past its time limit; its worker was terminated and replaced. */
export class TimeoutError extends PoolError {
  override name = 'TimeoutError';
  constructor(kernel: string, ms: number) {
    super(`kernel "${kernel}" did not finish within ${ms} ms; its worker was terminated`);
  }
}

/**
 * The job could not be sent to a worker (its arguments or transfer list cannot be structured-cloned: a
 * `DataCloneError`, kept as the cause). The kernel never ran and no worker was touched.
 */
export class ArgumentError extends PoolError {
  override name = 'ArgumentError';
  constructor(kernel: string, cause: unknown) {
    super(
      `the arguments of kernel "${kernel}" could not be sent to a worker, so the kernel never ran: ${describe(cause)}`,
      { cause },
    );
  }
}

/** A message between the page and a worker could not be deserialized (a `messageerror`); the worker stays. */
export class MessageError extends PoolError {
  override name = 'MessageError';
  constructor(kernel: string, side: 'page' | 'worker') {
    super(
      side === 'page'
        ? `the result of kernel "${kernel}" could not be deserialized on the page`
        : `the job for kernel "${kernel}" could not be deserialized in the worker`,
    );
  }
}

/** A callback given to the pool (such as `onTrace`) threw; the chunk's own outcome is lost, the pool is fine. */
export class CallbackError extends PoolError {
  override name = 'CallbackError';
  constructor(callback: string, cause: unknown) {
    super(`${callback} threw: ${describe(cause)}`, { cause });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
