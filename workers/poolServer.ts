import { ARGS_AT, Flag, isBareResult, isPoolMessage, Op, type Reply, type Request } from '../src/pool/protocol';
import type { WasmBackend } from './kernels/backend';
import { runKernel, type KernelArgs, type KernelName } from './kernels';

/** The worker's clock on the page's time base: both add their own `timeOrigin`, so times from any worker compare. */
const origin = performance.timeOrigin;
export const wallClock = () => origin + performance.now();

/** What this needs of a worker's global scope (the project's type library is the page's, not a worker's). */
interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void;
}

/**
 * How this worker runs a chunk: the JavaScript kernels unless told otherwise. `backend` is a WebAssembly backend, or
 * undefined for JavaScript.
 */
export interface JobHandler {
  run(kernel: KernelName, args: KernelArgs<KernelName>, backend: WasmBackend | undefined): unknown;
  /** Work to finish before a chunk's clock starts (a WebAssembly module to load and warm), or undefined if none. */
  prepare?(backend: WasmBackend): Promise<void> | undefined;
}

const PONG: Reply = [Op.Pong];
const UNREADABLE: Reply = [Op.Unreadable];

/**
 * Answers the pool's messages (src/pool/protocol.ts) in this worker. Registered before any other listener (comlink's),
 * it stops a pool message from reaching them, so a chunk pays for one listener and one reply. The common chunk (no
 * backend, no clock, a number back) allocates nothing here but its arguments' array.
 */
export function servePool(
  handler: JobHandler = { run: runKernel },
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  scope.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as Request;
    if (!isPoolMessage(request)) return;
    event.stopImmediatePropagation();
    if (request[0] === Op.Ping) return scope.postMessage(PONG);
    // Indexing, not destructuring: an array pattern runs the iterator protocol until the listener is optimised.
    const flags = request[1];
    const kernel = request[2];
    const backend = request[3];
    const args = request.slice(ARGS_AT) as KernelArgs<KernelName>;
    const preparing = backend === undefined ? undefined : handler.prepare?.(backend);
    if (preparing)
      preparing.then(
        () => execute(flags, kernel, args, backend),
        (error: unknown) => replyFailed(error),
      );
    else execute(flags, kernel, args, backend);
  });

  function execute(flags: number, kernel: KernelName, args: KernelArgs<KernelName>, backend: WasmBackend | undefined) {
    const timed = (flags & Flag.Timed) !== 0;
    let value: unknown;
    const startedAt = timed ? wallClock() : 0;
    try {
      value = handler.run(kernel, args, backend);
    } catch (error) {
      return replyFailed(error);
    }
    try {
      if (timed) send([Op.Done, value, startedAt, wallClock()], flags, value);
      else send(isBareResult(value) ? value : [Op.Done, value], flags, value);
    } catch (error) {
      // The result cannot be cloned (a function, a DOM object…): say so, rather than leave the chunk waiting.
      replyFailed(new Error(`its result could not be sent back to the page: ${String(error)}`));
    }
  }

  /** Posts a result, moving a typed array's buffer back if the chunk asked for it. */
  function send(reply: Reply, flags: number, value: unknown): void {
    if ((flags & Flag.TransferResult) !== 0 && ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) {
      scope.postMessage(reply, [value.buffer]);
    } else scope.postMessage(reply);
  }

  // A job this worker could not deserialize: the pool has one chunk running here, so it knows which one failed.
  scope.addEventListener('messageerror', () => scope.postMessage(UNREADABLE));

  function replyFailed(error: unknown): void {
    try {
      scope.postMessage([Op.Failed, error] satisfies Reply);
    } catch {
      scope.postMessage([Op.Failed, new Error(String(error))] satisfies Reply);
    }
  }
}
