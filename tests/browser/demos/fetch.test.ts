import { expect, it } from 'vitest';
import { FetchState } from '../../../src/demos/fetch/state.svelte';
import { cancelAfterEach, expectRunLockBlocks, testEnvironment } from './support';

// The vitest browser server serves the app's public folder: a real file, with real (tiny) latency.
const SAMPLE = new URL('/fetch-sample.txt', location.origin).href;
const env = testEnvironment();
const keep = cancelAfterEach((state: FetchState) => [state.runner]);

function fetchState(raw: Record<string, string> = {}): FetchState {
  const state = new FetchState(env);
  Object.assign(state.settings.raw, { source: 'url', url: SAMPLE, n: '4' }, raw);
  return keep(state);
}

it('sends N requests with a strategy; the summary, the history and the exported rows match', async () => {
  const size = (await (await fetch(SAMPLE, { cache: 'no-store' })).arrayBuffer()).byteLength;
  expect(size).toBeGreaterThan(0);
  const state = fetchState({ strategy: 'limited', k: '2' });
  expect(state.target).toBe('url');
  expect(state.ready).toBe(true);
  await state.run();
  expect(state.runner.status).toBe('done');
  const last = state.last!;
  expect(last).toMatchObject({ n: 4, strategy: { kind: 'limited', k: 2 }, latencyMeasured: true, cancelled: false });
  expect(last.counts).toMatchObject({ ok: 4, failed: 0, timeout: 0, cancelled: 0 });
  expect(last.totalMs).toBeGreaterThan(0);
  expect(last.idealMs).toBeCloseTo(2 * last.latencyMs); // ⌈4/2⌉·L
  expect(state.records).toBe(last.records);

  const requests = state.requestsTable!;
  expect(requests.rows).toHaveLength(4);
  expect(requests.rows.map((row) => row.request)).toEqual([1, 2, 3, 4]);
  for (const [i, row] of requests.rows.entries()) {
    const record = last.records[i]!;
    expect(row).toMatchObject({ status: 'ok', bytes: size, detail: '' });
    expect(row.tookMs).toBeCloseTo(record.endMs! - record.startMs!, 0);
  }

  state.settings.raw.strategy = 'sequential';
  await state.run();
  expect(state.history.map((run) => run.strategy.kind)).toEqual(['sequential', 'limited']);
  const runs = state.runsTable!;
  expect(runs.rows).toHaveLength(2);
  expect(runs.rows[0]).toMatchObject({ strategy: 'one after another', n: 4, ok: 4, cancelled: 0 });
  expect(runs.rows[1]).toMatchObject({ strategy: 'at most 2 at a time', n: 4, ok: 4 });
  expect(runs.rows[0]!.totalMs).toBeCloseTo(state.history[0]!.totalMs, 0);
});

it('without a service worker, the default source falls back to the site’s sample file', async () => {
  const state = keep(new FetchState(env));
  state.settings.raw.n = '3';
  expect(state.target).toBe('fallback');
  await state.run();
  expect(state.last?.counts).toMatchObject({ ok: 3, failed: 0 });
  expect(state.last?.latencyMeasured).toBe(true);
});

it('Cancel aborts the outstanding requests and keeps the run as cancelled; the next run works', async () => {
  const state = fetchState({ n: '30', strategy: 'all' });
  const running = state.run();
  expect(state.runner.status).toBe('running');
  expect(state.records).toHaveLength(30);
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await running;
  expect(state.last).toMatchObject({ cancelled: true, counts: { cancelled: 30, ok: 0 } });
  expect(state.requestsTable!.rows.every((row) => row.status === 'cancelled')).toBe(true);

  state.settings.raw.n = '2';
  await state.run();
  expect(state.runner.status).toBe('done');
  expect(state.last).toMatchObject({ cancelled: false, counts: { ok: 2 } });
  expect(state.history).toHaveLength(2);
});

it('reset restores the defaults; invalid settings do not run', async () => {
  const state = fetchState({ strategy: 'limited', k: '0' });
  expect(state.settings.isDefault).toBe(false);
  expect(state.ready).toBe(false);
  expect(state.settings.result).toMatchObject({ ok: false, errors: { k: 'k must be from 1 to 500' } });
  await state.run();
  expect(state.runner.status).toBe('idle');
  state.settings.raw.url = '';
  state.settings.raw.strategy = 'all';
  expect(state.settings.result).toMatchObject({ ok: false, errors: { url: /Enter an address/ } });

  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
  expect(state.settings.raw).toMatchObject({ source: 'delay', url: '', strategy: 'all', n: '20', k: '5' });
  expect(state.ready).toBe(true);
});

it('another experiment holding the run lock blocks the run, with the reason', async () => {
  await expectRunLockBlocks(() => fetchState(), {
    ranNothing: (state) => expect(state.last).toBeNull(),
    free: () => fetchState({ n: '1' }),
  });
});
