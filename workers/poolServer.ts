import { Flag, isPoolMessage, Op, type Reply, type Request } from '../src/pool/protocol';
import { runJob, type Job } from './kernels';

/** The worker's clock on the page's time base: both add their own `timeOrigin`, so times from any worker compare. */
const origin = performance.timeOrigin;
export const wallClock = () => origin + performance.now();

/** What this needs of a worker's global scope (the project's type library is the page's, not a worker's). */
interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void;
}

/** How this worker runs a job: the JavaScript kernels unless told otherwise. */
export interface JobHandler {
  run(job: Job): unknown;
  /** Work to finish before a job's clock starts (a WebAssembly module to load and warm), or undefined if none. */
  prepare?(job: Job): Promise<void> | undefined;
}

/**
 * Answers the pool's messages (src/pool/protocol.ts) in this worker. Registered before any other listener (comlink's),
 * it stops a pool message from reaching them, so a chunk pays for one listener and one reply.
 */
export function servePool(
  handler: JobHandler = { run: runJob },
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  const reply = (message: Reply, transfer?: Transferable[]) =>
    transfer ? scope.postMessage(message, transfer) : scope.postMessage(message);

  scope.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as Request;
    if (!isPoolMessage(request)) return;
    event.stopImmediatePropagation();
    if (request[0] === Op.Ping) return reply([Op.Pong]);
    // Indexing, not destructuring: an array pattern runs the iterator protocol until the listener is optimised.
    const id = request[1];
    const job = request[2];
    const flags = request[3];
    const preparing = handler.prepare?.(job);
    if (preparing)
      preparing.then(
        () => execute(id, job, flags),
        (error: unknown) => replyFailed(id, error),
      );
    else execute(id, job, flags);
  });

  function execute(id: number, job: Job, flags: number): void {
    const timed = (flags & Flag.Timed) !== 0;
    let value: unknown;
    const startedAt = timed ? wallClock() : 0;
    try {
      value = handler.run(job);
    } catch (error) {
      return replyFailed(id, error);
    }
    const moved =
      (flags & Flag.TransferResult) !== 0 && ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer;
    const transfer = moved ? [(value as ArrayBufferView).buffer] : undefined;
    try {
      reply(timed ? [Op.Done, id, value, startedAt, wallClock()] : [Op.Done, id, value], transfer);
    } catch (error) {
      // The result cannot be cloned (a function, a DOM object…): say so, rather than leave the chunk waiting.
      replyFailed(id, new Error(`its result could not be sent back to the page: ${String(error)}`));
    }
  }

  // A job this worker could not deserialize: the pool has one chunk running here, so it knows which one failed.
  scope.addEventListener('messageerror', () => reply([Op.Unreadable]));

  function replyFailed(id: number, error: unknown): void {
    try {
      reply([Op.Failed, id, error]);
    } catch {
      reply([Op.Failed, id, new Error(String(error))]);
    }
  }
}
