import type { WasmBackend } from '../../workers/kernels/backend';
import type { KernelName } from '../../workers/kernels';

/**
 * The pool's own messages to and from its workers, one listener at each end. Why not comlink here: its generic proxy
 * call costs a Proxy, a random string id and wrapped arguments per call, about half again a raw round trip, which
 * tiny chunks pay. What a message costs is mostly how many objects the structured clone writes and reads (each
 * property name of an object, every message; each array), so:
 * - a request is one flat array led by an op code: the job's kernel name, backend and arguments in its slots, not a
 *   `{ kernel, args }` object with an array inside;
 * - the common answer, a kernel's primitive result (a number) untimed, is that value alone; anything else is an array
 *   led by an op code. Measured against an echo: each small array a round trip carries costs about as much as half
 *   a microsecond on each side.
 *
 * No ids: a worker runs one chunk at a time, and a worker whose chunk is cancelled or timed out is terminated (and
 * its listeners removed) before anything else is sent, so every answer is about its slot's running chunk.
 * Comlink's messages are objects, so a worker serving both tells a pool request apart with `Array.isArray`.
 */

export const Op = {
  /** Page → worker: answer at once (the first message, which tells that the worker has started). */
  Ping: 0,
  /** Page → worker: run one chunk. */
  Run: 1,
  /** Worker → page: the answer to `Ping`. */
  Pong: 2,
  /**
   * Worker → page: a chunk's result that is not sent alone (an object, or a timed chunk's), and if timed when the
   * kernel started and finished (ms since the Unix epoch). (Reading a clock costs about half a microsecond here: a
   * round trip that nobody traces does not pay for two.)
   */
  Done: 3,
  /** Worker → page: the kernel threw (or its result could not be cloned). */
  Failed: 4,
  /** Worker → page: the worker got a message it could not deserialize (a `messageerror`). */
  Unreadable: 5,
} as const;
type Ops = typeof Op;

/** A run's options, as bits: move a typed-array result's buffer back; time the kernel (only a traced chunk asks). */
export const Flag = { TransferResult: 1, Timed: 2 } as const;

/** Where a run request's arguments start: everything from this slot on is the kernel's arguments. */
export const ARGS_AT = 4;

/** Page → worker. `backend` is a WebAssembly backend, or undefined for the JavaScript kernel. */
export type Request =
  [Ops['Ping']] | [Ops['Run'], flags: number, kernel: KernelName, backend: WasmBackend | undefined, ...args: unknown[]];

/** A result that is sent alone as the answer to a run: anything that is not an object. */
export type BareResult = string | number | bigint | boolean | null | undefined;

/** Worker → page. */
export type Reply =
  | BareResult
  | [Ops['Pong']]
  | [Ops['Done'], value: unknown, startedAt?: number, finishedAt?: number]
  | [Ops['Failed'], error: unknown]
  | [Ops['Unreadable']];

export const PING: Request = [Op.Ping];

/** Is this result (or this answer) a bare result, sent alone? The worker and the page decide alike. */
export function isBareResult(value: unknown): value is BareResult {
  return value === null || typeof value !== 'object';
}

/** Is this message a pool request (and not, say, comlink's)? */
export function isPoolMessage(data: unknown): data is Request {
  return Array.isArray(data);
}
