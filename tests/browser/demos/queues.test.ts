import { afterEach, expect, it } from 'vitest';
import { QueuesState } from '../../../src/demos/queues/state.svelte';
import { makeSite, reachable } from '../../../src/queues/site';
import { sequentialChecksum } from '../../../workers/kernels/queue/items';
import { holdLock, testEnvironment } from './support';

const env = { ...testEnvironment(), hardwareConcurrency: 2 };
const states: QueuesState[] = [];

function queues(raw: Record<string, string | boolean> = {}, queueTimeLimitMs?: number): QueuesState {
  const state = new QueuesState(env, { queueTimeLimitMs });
  Object.assign(state.settings.raw, raw);
  states.push(state);
  return state;
}

afterEach(() => {
  for (const state of states.splice(0)) {
    for (const runner of [state.queue, state.pipeline, state.compare, state.crawler, state.sweep]) runner.cancel();
  }
});

const small = { producers: '2', consumers: '2', capacity: '4', items: '300', produceUs: '0', consumeUs: '20' };

it('runs a small queue in every mode this page offers: the checksum equals one thread’s, every item once', async () => {
  const modes = env.crossOriginIsolated ? ['shared', 'message'] : ['message'];
  expect(new QueuesState(env).lab.modes).toEqual(modes);
  for (const mode of modes) {
    const state = queues({ ...small, mode });
    await state.runQueue();
    expect(state.queue.status).toBe('done');
    const result = state.queue.result!;
    expect(result.mode).toBe(mode);
    expect(result.checksum).toBe(sequentialChecksum(300));
    expect(state.queueCheck).toMatchObject({ reference: sequentialChecksum(300), equal: true });
    expect([...result.finishOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(result.stoppedBySentinel).toBe(2);
    // The last picture stays on screen: everything put, taken and marked done.
    expect(state.queue.progress?.queue).toMatchObject({ unfinished: 0 });
    expect(state.stalled).toBeNull();
  }
});

it('runs the pipeline and the crawl small, both equal to the sequential reference', async () => {
  const state = queues({ pipeItems: '2000', transformUs: '0', pages: '60', latency: '1', fetchers: '4', seed: '3' });
  if (env.crossOriginIsolated) {
    await state.runPipeline();
    expect(state.pipeline.status).toBe('done');
    const r = state.pipeline.result!;
    expect(r.pipeline.checksum).toBe(sequentialChecksum(2000));
    expect(r.dataParallel.checksum).toBe(sequentialChecksum(2000));
  }
  await state.runCrawl();
  expect(state.crawler.status).toBe('done');
  const crawl = state.crawler.result!;
  const site = makeSite({ pages: 60, seed: 3, meanLinks: 3, brokenShare: 0.05, latencyMs: 1, jitterMs: 0.5 });
  const expected = reachable(site);
  expect(crawl.visited.length).toBe(expected.pages.size);
  expect(new Set(crawl.visited).size).toBe(crawl.visited.length);
  expect(crawl.missed).toBe(0);
});

it('a forgotten sentinel ends at the time limit, showing the consumer still blocked', async () => {
  const state = queues({ ...small, items: '50', forget: true }, 1500);
  await state.runQueue();
  expect(state.queue.status).toBe('cancelled');
  expect(state.stalled).not.toBeNull();
  const blocked = state.stalled!.workers.filter((w) => w.role === 'consumer' && w.state === 'blocked-empty');
  expect(blocked).toHaveLength(1);
  // Nothing is left holding the page: the next run starts and ends.
  Object.assign(state.settings.raw, { forget: false });
  await state.runQueue();
  expect(state.queue.status).toBe('done');
  expect(state.stalled).toBeNull();
});

it('cancel stops a long run at once, and the next run works', async () => {
  const state = queues({ ...small, items: '100000', consumeUs: '1000' });
  const running = state.runQueue();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(state.queue.status).toBe('running');
  state.queue.cancel();
  expect(state.queue.status).toBe('cancelled');
  await running;
  expect(state.queue.result).toBeNull();
  Object.assign(state.settings.raw, { items: '100', consumeUs: '0' });
  await state.runQueue();
  expect(state.queue.status).toBe('done');
  expect(state.queueCheck?.equal).toBe(true);
});

it('refuses settings out of bounds, and reset brings back the defaults', async () => {
  const state = queues({ producers: '0', capacity: '70000' });
  const result = state.settings.result;
  expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['capacity', 'producers']);
  expect(state.ready).toBe(false);
  await state.runQueue();
  expect(state.queue.status).toBe('idle');
  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
  expect(state.settings.raw).toMatchObject({ producers: '1', consumers: '1', capacity: '8', forget: false });
  expect(state.ready).toBe(true);
});

it('does not start while another experiment holds the page, and says which; nor beside itself', async () => {
  const other = holdLock('the Image demo');
  const state = queues(small);
  try {
    for (const runner of [state.queue, state.pipeline, state.compare, state.crawler, state.sweep]) {
      expect(runner.blockedBy).toMatch(/the Image demo is running/);
    }
    await state.runQueue();
    await state.runCrawl();
    expect(state.queue.status).toBe('idle');
    expect(state.crawler.status).toBe('idle');
  } finally {
    await other.release();
  }
  expect(state.queue.blockedBy).toBeNull();
  Object.assign(state.settings.raw, { pages: '2000', latency: '50', fetchers: '1' });
  const crawling = state.runCrawl();
  expect(state.running).toBe(true);
  expect(state.queue.blockedBy).toMatch(/crawl is running/);
  state.crawler.cancel();
  await crawling;
  expect(state.queue.blockedBy).toBeNull();
});

it('exports rows that match what it shows', async () => {
  const state = queues({ ...small, pages: '40', latency: '1', fetchers: '2' });
  await state.runQueue();
  const result = state.queue.result!;
  const table = state.queueTable!;
  expect(table.rows).toHaveLength(4);
  expect(table.rows.map((row) => row.role)).toEqual(result.workers.map((w) => w.role));
  expect(table.rows.map((row) => row.items)).toEqual(result.workers.map((w) => w.items));
  const consumed = table.rows.filter((row) => row.role === 'consumer').reduce((n, row) => n + Number(row.items), 0);
  expect(consumed).toBe(300);
  expect(state.ran.queue).toMatchObject({ items: '300', producers: '2' });

  await state.sweepCrawl();
  expect(state.sweep.status).toBe('done');
  const sweep = state.sweepTable!;
  expect(sweep.rows.map((row) => row.fetchers)).toEqual([1, 2, 4, 8, 16]);
  expect(sweep.rows[0]!.speedup).toBe(1);
  const pages = state.sweep.result!.map((row) => row.pages);
  expect(sweep.rows.map((row) => row.pages)).toEqual(pages);
  expect(new Set(pages).size).toBe(1); // every k visits the same pages
});
