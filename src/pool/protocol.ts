import type { Job } from '../../workers/kernels';

/**
 * The pool's own messages to and from its workers: a few plain objects, one listener at each end, matched by id.
 * (comlink's generic proxy call costs a Proxy, a random id and wrapped arguments per call: about half again a raw
 * round trip, which tiny chunks pay.) Every message carries `pp`, so a worker can tell them from comlink's.
 */

/** Page → worker: run one chunk, or answer at once (the first message, which tells the worker has started). */
export type Request = { pp: 'run'; id: number; job: Job; transferResult: boolean } | { pp: 'ping' };

/** Worker → page. `unreadable`: the worker got a message it could not deserialize (a `messageerror`). */
export type Reply =
  | { pp: 'pong' }
  | { pp: 'done'; id: number; value: unknown; startedAt: number; finishedAt: number }
  | { pp: 'failed'; id: number; error: unknown }
  | { pp: 'unreadable' };

export const PING: Request = { pp: 'ping' };

/** Is this message one of the pool's (and not, say, comlink's)? */
export function isPoolMessage(data: unknown): data is { pp: string } {
  return typeof data === 'object' && data !== null && 'pp' in data;
}
