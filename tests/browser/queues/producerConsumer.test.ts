import { describe, expect, it } from 'vitest';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';
import { SENTINEL } from '../../../workers/kernels/queue/sharedQueue';
import { NotIsolatedError, TimeLimitError } from '../../../src/queues/errors';
import type { ProducerConsumerParams } from '../../../src/queues/params';
import {
  runProducerConsumer,
  type ProducerConsumerResult,
  type QueueMode,
  type QueuePicture,
} from '../../../src/queues/producerConsumer';
import { CancelledError } from '../../../src/pool';
import { seededRandom, drawInteger } from '../../../src/random';

const isolated = { crossOriginIsolated: true };

/** One producer, one consumer, ten items through a queue of 4 at no cost: what a test does not name. */
const queueParams = (changes: Partial<ProducerConsumerParams> = {}): ProducerConsumerParams => ({
  producers: 1,
  consumers: 1,
  capacity: 4,
  items: 10,
  produceCostUs: 0,
  consumeCostUs: 0,
  sentinels: 1,
  ...changes,
});

/** Every item exactly once, each producer's items in the order it put them, the checksum one thread computes. */
function expectExact(result: ProducerConsumerResult): void {
  const { items, producers, consumers, sentinels } = result.params;
  expect(result.checksum).toBe(sequentialChecksum(items));
  const taken = result.takenOrder.filter((v) => v !== SENTINEL);
  expect(result.takenOrder.length - taken.length).toBe(sentinels);
  expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: items }, (_, v) => v));
  expect([...result.finishOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: items }, (_, v) => v));
  for (let j = 0; j < producers; j++) {
    const mine = taken.filter((v) => v % producers === j);
    expect(mine).toEqual([...mine].sort((a, b) => a - b));
  }
  expect(result.stoppedBySentinel).toBe(Math.min(sentinels, consumers));
  expect(result.workers.every((w) => w.state === 'done')).toBe(true);
}

describe('p producers and c consumers around one bounded queue', () => {
  it('loses and duplicates nothing over 10⁵ items, seeded random p, c, capacities and costs (shared memory)', async () => {
    const random = seededRandom(11);
    const capacities = [0, 1, 2, 7, 1024];
    let total = 0;
    for (let round = 0; total < 100_000; round++) {
      const consumers = drawInteger(random, 1, 8);
      const params: ProducerConsumerParams = {
        producers: drawInteger(random, 1, 8),
        consumers,
        capacity: capacities[round % capacities.length]!,
        items: drawInteger(random, 5_000, 25_000),
        produceCostUs: drawInteger(random, 0, 1) * 2,
        consumeCostUs: drawInteger(random, 0, 1) * 2,
        sentinels: consumers,
      };
      const result = await runProducerConsumer(params, 'shared', isolated);
      expectExact(result);
      total += params.items;
    }
  });

  it.each([0, 1, 64])('the message-passing queue gives the same items and checksum, capacity %i', async (capacity) => {
    const params = queueParams({ producers: 3, consumers: 2, capacity, items: 3000, sentinels: 2 });
    expectExact(await runProducerConsumer(params, 'message', { crossOriginIsolated: false }));
  });

  it('without cross-origin isolation the shared queue refuses with a typed error, before any worker starts', async () => {
    const params = queueParams();
    await expect(
      runProducerConsumer(params, 'shared', { crossOriginIsolated: false, notIsolatedReason: 'no COOP' }),
    ).rejects.toBeInstanceOf(NotIsolatedError);
  });

  it('producers faster than consumers fill the buffer, then block on full; consumers never wait on empty', async () => {
    const params = queueParams({ producers: 2, items: 300, consumeCostUs: 500 });
    const pictures: QueuePicture[] = [];
    const result = await runProducerConsumer(params, 'shared', { ...isolated, onProgress: (p) => pictures.push(p) });
    expectExact(result);
    expect(Math.max(...pictures.map((p) => p.queue.length))).toBe(4);
    expect(pictures.some((p) => p.workers.some((w) => w.role === 'producer' && w.state === 'blocked-full'))).toBe(true);
    const [, , consumer] = result.workers;
    const producersBlocked = result.workers[0]!.blockedMs + result.workers[1]!.blockedMs;
    expect(producersBlocked).toBeGreaterThan(consumer!.blockedMs);
  });

  it('several consumers finish items in another order than the queue handed them out', async () => {
    const params = queueParams({ consumers: 4, capacity: 16, items: 300, consumeCostUs: 1000, sentinels: 4 });
    const result = await runProducerConsumer(params, 'shared', isolated);
    expectExact(result);
    expect(result.finishOrder).not.toEqual(result.takenOrder.filter((v) => v !== SENTINEL));
    // Every consumer took a share: the work was spread, not done by whichever worker started first.
    expect(result.workers.filter((w) => w.role === 'consumer').every((w) => w.items > 0)).toBe(true);
  });

  it.each<QueueMode>(['shared', 'message'])(
    'a forgotten sentinel leaves one consumer blocked on empty until the time limit terminates every worker (%s)',
    async (mode) => {
      const params = queueParams({ consumers: 3, items: 50, sentinels: 2 });
      const error = await runProducerConsumer(params, mode, { ...isolated, timeLimitMs: 2000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TimeLimitError);
      const last = (error as TimeLimitError<QueuePicture>).last!;
      const consumers = last.workers.filter((w) => w.role === 'consumer');
      expect(consumers.filter((w) => w.state === 'done')).toHaveLength(2);
      expect(consumers.filter((w) => w.state === 'blocked-empty')).toHaveLength(1);
      expect(last.queue.unfinished).toBe(0); // join had returned: every item was done before the sentinels
    },
  );

  it('cancel ends a run with every worker blocked, and the next run works', async () => {
    const controller = new AbortController();
    const params = queueParams({
      producers: 2,
      consumers: 2,
      capacity: 1,
      items: 1_000_000,
      consumeCostUs: 100,
      sentinels: 2,
    });
    const run = runProducerConsumer(params, 'shared', { ...isolated, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const next = { ...params, items: 100, consumeCostUs: 0 };
    expectExact(await runProducerConsumer(next, 'shared', isolated));
  });
});
