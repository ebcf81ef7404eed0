import type { WasmBackend } from '../../workers/kernels/backend';
import type { KernelName } from '../../workers/kernels';

/**
 * The pool's own messages to and from its workers: short arrays led by an op code, one listener at each end, matched
 * by id. Why not comlink here: its generic proxy call costs a Proxy, a random string id and wrapped arguments per
 * call, about half again a raw round trip, which tiny chunks pay. Why flat arrays: the structured clone writes and
 * reads every property name of an object, every message; a number in an array slot costs less. So a job travels as
 * its kernel's name and its arguments, not as the `{ kernel, args }` object (about a microsecond less per chunk, on
 * each side). Comlink's messages are objects, so a worker serving both tells ours apart with `Array.isArray`.
 */

export const Op = {
  /** Page → worker: answer at once (the first message, which tells that the worker has started). */
  Ping: 0,
  /** Page → worker: run one chunk. */
  Run: 1,
  /** Worker → page: the answer to `Ping`. */
  Pong: 2,
  /**
   * Worker → page: a chunk's result, and if timed when the kernel started and finished (ms since the Unix epoch).
   * (Reading a clock costs about half a microsecond here: a round trip that nobody traces does not pay for two.)
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

/** Page → worker. A job's `backend` is sent only when it is a WebAssembly one: absent, the JavaScript kernel runs. */
export type Request =
  | [Ops['Ping']]
  | [Ops['Run'], id: number, kernel: KernelName, args: readonly unknown[], flags: number, backend?: WasmBackend];

/** Worker → page. */
export type Reply =
  | [Ops['Pong']]
  | [Ops['Done'], id: number, value: unknown, startedAt?: number, finishedAt?: number]
  | [Ops['Failed'], id: number, error: unknown]
  | [Ops['Unreadable']];

export const PING: Request = [Op.Ping];

/** Is this message one of the pool's (and not, say, comlink's)? */
export function isPoolMessage(data: unknown): data is Request | Reply {
  return Array.isArray(data);
}
