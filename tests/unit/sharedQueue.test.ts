import { describe, expect, it } from 'vitest';
import { Board } from '../../workers/kernels/queue/board';
import { consumeCost, itemValue, producerShare, sequentialChecksum } from '../../workers/kernels/queue/items';
import {
  QueueClosedError,
  QueueTimeoutError,
  SharedQueue,
  type WaitReason,
} from '../../workers/kernels/queue/sharedQueue';

// One thread here: these check the queue's bookkeeping. Blocking between real workers is in tests/browser/queues.
describe('SharedQueue on one thread', () => {
  it('is FIFO, bounded, and hands out tickets in order', () => {
    const queue = SharedQueue.create(3);
    expect([queue.tryPut(10), queue.tryPut(11), queue.tryPut(12), queue.tryPut(13)]).toEqual([0, 1, 2, -1]);
    expect(queue.snapshot()).toMatchObject({ capacity: 3, length: 3, unfinished: 3, closed: false });
    expect(queue.get()).toEqual({ done: false, value: 10, ticket: 0 });
    expect(queue.put(13)).toBe(3);
    expect([queue.get(), queue.get(), queue.get()].map((r) => (r.done ? null : r.value))).toEqual([11, 12, 13]);
    expect(queue.tryGet()).toBeNull();
  });

  it('wraps around its ring many times without losing an item', () => {
    const queue = SharedQueue.create(7);
    const out: number[] = [];
    for (let v = 0; v < 1000; v++) {
      queue.put(v);
      if (v % 3 === 2) while (queue.snapshot().length > 0) out.push((queue.get() as { value: number }).value);
    }
    for (const v of (queue.close(), queue)) out.push(v);
    expect(out).toEqual(Array.from({ length: 1000 }, (_, v) => v));
  });

  it('a put on a full queue and a get on an empty one wait, then time out; the hooks see the wait', () => {
    const reasons: WaitReason[] = [];
    const hooks = { onWait: (r: WaitReason) => reasons.push(r), onWake: () => {} };
    const queue = SharedQueue.create(1, { hooks });
    queue.put(1);
    const start = performance.now();
    expect(() => queue.put(2, 30)).toThrow(QueueTimeoutError);
    expect(performance.now() - start).toBeGreaterThanOrEqual(25);
    queue.get();
    expect(() => queue.get(30)).toThrow(QueueTimeoutError);
    expect(reasons).toEqual(['full', 'empty']);
    expect(queue.tryPut(3)).toBe(1); // the lock was released on the way out
  });

  it('join waits for the last taskDone; one taskDone too many is an error', () => {
    const queue = SharedQueue.create(4);
    queue.put(1);
    queue.put(2);
    queue.get();
    queue.taskDone();
    expect(() => queue.join(20)).toThrow(QueueTimeoutError);
    queue.get();
    queue.taskDone();
    queue.join(0);
    expect(() => queue.taskDone()).toThrow(RangeError);
    expect(queue.snapshot().unfinished).toBe(0);
  });

  it('close: puts fail, gets drain what is left and then report done', () => {
    const queue = SharedQueue.create(0);
    expect(queue.tryPut(5)).toBe(0);
    queue.close();
    expect(() => queue.put(6)).toThrow(QueueClosedError);
    expect(queue.get()).toEqual({ done: false, value: 5, ticket: 0 });
    expect(queue.get()).toEqual({ done: true });
  });

  it('the page may not block: blocking calls refuse, the others work', () => {
    const queue = SharedQueue.create(2, { canWait: false });
    expect(() => queue.put(1)).toThrow(/may not wait/);
    expect(() => queue.get()).toThrow(/may not wait/);
    expect(queue.tryPut(1)).toBe(0);
    expect(queue.occupiedSlots()).toEqual([true, false]);
  });

  it('a queue attached from the buffer is the same queue', () => {
    const queue = SharedQueue.create(5);
    queue.put(42);
    const other = new SharedQueue(queue.buffer);
    expect(other.capacity).toBe(5);
    expect(other.get()).toMatchObject({ value: 42 });
    expect(() => SharedQueue.create(-1)).toThrow(RangeError);
  });
});

describe('items and the board', () => {
  it('producers share the items exactly, every value once', () => {
    const values: number[] = [];
    for (let j = 0; j < 3; j++) for (let s = 0; s < producerShare(j, 10, 3); s++) values.push(itemValue(j, s, 3));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, v) => v));
  });

  it('the reference checksum and the consume cost are fixed by the items', () => {
    expect(sequentialChecksum(1000)).toBe(sequentialChecksum(1000));
    expect(sequentialChecksum(0)).toBe(0);
    for (let v = 0; v < 100; v++) {
      expect(consumeCost(100, v)).toBeGreaterThanOrEqual(50);
      expect(consumeCost(100, v)).toBeLessThanOrEqual(150);
    }
  });

  it('the board counts items and time blocked per worker', () => {
    const board = Board.create(2);
    board.setState(1, 'blocked-empty');
    board.countItem(1);
    board.addBlocked(1, 2.5);
    expect(board.rows()).toEqual([
      { state: 'idle', items: 0, blockedMs: 0 },
      { state: 'blocked-empty', items: 1, blockedMs: 2.5 },
    ]);
  });
});
