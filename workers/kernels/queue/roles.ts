import { Board } from './board';
import { addMod32, consumeCost, itemValue, processItem, producerShare, spend } from './items';
import { SENTINEL, SharedQueue } from './sharedQueue';

/**
 * What one worker does in a producer/consumer run, on shared memory. Each role runs to its end inside the worker,
 * sleeping in `Atomics.wait` when the queue makes it wait; the page only watches the board.
 */
export interface ProducerConfig {
  queue: SharedArrayBuffer;
  board: SharedArrayBuffer;
  /** This worker's row on the board. */
  worker: number;
  producer: number;
  producers: number;
  items: number;
  costUs: number;
}

export interface RoleReport {
  worker: number;
  items: number;
  blockedMs: number;
  startedAt: number;
  finishedAt: number;
}

export interface ConsumerReport extends RoleReport {
  checksum: number;
  /** True when this consumer stopped on a sentinel, false when the queue was closed and drained. */
  sentinel: boolean;
}

const wallClock = () => performance.timeOrigin + performance.now();

export function produce(config: ProducerConfig): RoleReport {
  const board = new Board(config.board);
  const queue = new SharedQueue(config.queue, { hooks: board.hooksFor(config.worker) });
  const startedAt = wallClock();
  board.setState(config.worker, 'working');
  const share = producerShare(config.producer, config.items, config.producers);
  for (let s = 0; s < share; s++) {
    spend(config.costUs);
    queue.put(itemValue(config.producer, s, config.producers));
    board.countItem(config.worker);
  }
  board.setState(config.worker, 'done');
  return {
    worker: config.worker,
    items: share,
    blockedMs: board.row(config.worker).blockedMs,
    startedAt,
    finishedAt: wallClock(),
  };
}

/** Puts `count` sentinels, one per consumer to stop (the talk's `for _ in workers: q.put(None)`). */
export function putSentinels(queueBuffer: SharedArrayBuffer, count: number): void {
  const queue = new SharedQueue(queueBuffer);
  for (let i = 0; i < count; i++) queue.put(SENTINEL);
}

export interface ConsumerConfig {
  queue: SharedArrayBuffer;
  board: SharedArrayBuffer;
  /**
   * Int32 log of 2·slots words: word t holds the value taken with ticket t (the order the queue handed items out),
   * word slots + i the i-th value to finish (the order consumers completed them).
   */
  log: SharedArrayBuffer;
  worker: number;
  costUs: number;
}

export function consume(config: ConsumerConfig): ConsumerReport {
  const board = new Board(config.board);
  const queue = new SharedQueue(config.queue, { hooks: board.hooksFor(config.worker) });
  const log = new Int32Array(config.log);
  const half = log.length / 2;
  const startedAt = wallClock();
  board.setState(config.worker, 'working');
  let checksum = 0;
  let items = 0;
  let sentinel = false;
  for (;;) {
    const received = queue.get();
    if (received.done) break;
    if (received.ticket < half) log[received.ticket] = received.value;
    if (received.value === SENTINEL) {
      queue.taskDone();
      sentinel = true;
      break;
    }
    spend(consumeCost(config.costUs, received.value));
    checksum = addMod32(checksum, processItem(received.value));
    items++;
    const place = board.nextFinished();
    if (place < half) log[half + place] = received.value;
    board.countItem(config.worker);
    queue.taskDone();
  }
  board.setState(config.worker, 'done');
  const blockedMs = board.row(config.worker).blockedMs;
  return { worker: config.worker, items, checksum, sentinel, blockedMs, startedAt, finishedAt: wallClock() };
}
