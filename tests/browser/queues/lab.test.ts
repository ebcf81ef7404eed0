import { describe, expect, it } from 'vitest';
import { NotIsolatedError } from '../../../src/queues/errors';
import { QueuesLab } from '../../../src/queues/lab';
import { PRODUCER_CONSUMER_DEFAULTS } from '../../../src/queues/params';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';

const isolated = new QueuesLab({ crossOriginIsolated: true, notIsolatedReason: null });
const plain = new QueuesLab({ crossOriginIsolated: false, notIsolatedReason: 'this page is not isolated' });
const signal = () => new AbortController().signal;

describe('the queues lab, as a UI drives it', () => {
  it('without cross-origin isolation: the message-passing queue only, the shared one a typed error', async () => {
    expect(isolated.modes).toEqual(['shared', 'message']);
    expect(plain.modes).toEqual(['message']);
    expect(plain.sharedOffReason).toBe('this page is not isolated');
    const params = { ...PRODUCER_CONSUMER_DEFAULTS, items: 200 };
    await expect(plain.runQueue(params, 'shared', signal(), () => {})).rejects.toBeInstanceOf(NotIsolatedError);
    expect((await plain.runQueue(params, 'message', signal(), () => {})).checksum).toBe(sequentialChecksum(200));
  });

  it('the defaults run and give the one-thread checksum', async () => {
    const result = await isolated.runQueue(PRODUCER_CONSUMER_DEFAULTS, 'shared', signal(), () => {});
    expect(result.checksum).toBe(sequentialChecksum(PRODUCER_CONSUMER_DEFAULTS.items));
  });

  it('the shared queue moves small items much faster than the postMessage queue (measured, logged)', async () => {
    const steps: string[] = [];
    const rows = await isolated.compareQueues(
      { capacities: [1, 64, 1024], items: 3000, repetitions: 1 },
      signal(),
      (p) => steps.push(p.label),
    );
    console.table(
      rows.map(({ task, capacity, itemsPerSecond, usPerItem }) => ({
        task,
        capacity,
        itemsPerSecond: Math.round(itemsPerSecond),
        usPerItem: usPerItem.toFixed(2),
      })),
    );
    expect(steps).toHaveLength(6);
    const rate = (mode: string, capacity: number) =>
      rows.find((r) => r.mode === mode && r.capacity === capacity)!.itemsPerSecond;
    // Issue 11's target is 10× at capacity 1024; the test asks a generous 3× so a loaded CI machine passes.
    expect(rate('shared', 1024)).toBeGreaterThan(3 * rate('message', 1024));
  });

  it('crawl sweep: pages per second grow with the number of fetchers; the buggy rule reports what it missed', async () => {
    const site = { pages: 200, seed: 3, meanLinks: 3, brokenShare: 0.05, latencyMs: 10, jitterMs: 5 };
    const rows = await isolated.crawlSweep(site, [1, 16], signal(), () => {});
    console.table(rows);
    expect(rows[0]!.pages).toBe(rows[1]!.pages);
    expect(rows[1]!.pagesPerSecond).toBeGreaterThan(4 * rows[0]!.pagesPerSecond);
    const buggy = await isolated.crawl(site, { fetchers: 8, stopRule: 'frontier-empty' }, signal(), () => {});
    expect(buggy.missed).toBe(buggy.reachable - buggy.visited.length);
    const right = await isolated.crawl(site, { fetchers: 8, stopRule: 'join' }, signal(), () => {});
    expect(right.missed).toBe(0);
  });
});
