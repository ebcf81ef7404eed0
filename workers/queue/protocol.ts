/**
 * The wire format of the message-passing queue: the same bounded queue as `SharedQueue`, kept by a broker on the
 * page and reached by `postMessage` only (no shared memory). A worker's `put` and `get` are requests; the broker
 * answers a `put` when the item is in (or, unbuffered, when a receiver took it) and a `get` when there is an item,
 * so a worker that awaits the answer is blocked exactly as on the shared queue.
 */
export type ClientMessage =
  | { type: 'put'; id: number; value: number }
  | { type: 'get'; id: number }
  /** Marks one item done; carries its value so the broker can log the order items finish in. */
  | { type: 'taskDone'; value: number }
  | { type: 'close' };

export type BrokerMessage =
  | { type: 'put-ok'; id: number; ticket: number }
  | { type: 'put-closed'; id: number }
  | { type: 'item'; id: number; value: number; ticket: number }
  | { type: 'closed'; id: number };
