import { expect, it } from 'vitest';
import { AsyncState } from '../../../src/demos/async/state.svelte';
import { calibrationFrom, PHI } from '../../../src/measure/calibrate';
import { cancelWhileRunning, expectRunLockBlocks, testEnvironment } from './support';

const env = testEnvironment();

it('a cancelled batch stops at once; the next one, with small settings, times the three ways', async () => {
  const state = new AsyncState(env, { calibration: Promise.resolve(null) });
  state.settings.raw.n = '28';
  state.settings.raw.count = '4';
  await cancelWhileRunning(state.run(), state.runner, 20);
  expect(state.runner.result).toBeNull();

  state.settings.raw.n = '20';
  state.settings.raw.count = '2';
  await state.run();
  expect(state.runner.status).toBe('done');
  const result = state.runner.result!;
  expect(result).toMatchObject({ n: 20, count: 2, matches: true, workers: Math.min(2, env.hardwareConcurrency) });
  for (const ms of [result.sequentialMs, result.promisesMs, result.workersMs]) expect(ms).toBeGreaterThan(0);
  expect(state.bars.map((bar) => bar.id)).toEqual(['sequential', 'promises', 'workers']);
  // fib(20) twice is far below the time a run needs to be timed reliably: the result says so.
  expect(state.noise.join(' ')).toMatch(/too short/);

  const table = state.table;
  expect(table.rows).toHaveLength(3);
  table.rows.forEach((row, i) => {
    const bar = state.bars[i]!;
    expect(row.way).toBe(bar.label);
    expect(row.ms).toBeCloseTo(bar.ms, 2);
  });
  expect(table.rows[0]!.againstLoop).toBe(1);
  expect(state.ranSettings).toMatchObject({ n: '20', count: '2' });
});

it('refuses bad settings and resets to the defaults', () => {
  const state = new AsyncState(env, { calibration: Promise.resolve(null) });
  state.settings.raw.n = '40';
  state.settings.raw.count = 'many';
  expect(state.ready).toBe(false);
  expect(state.settings.isDefault).toBe(false);
  state.settings.reset();
  expect(state.settings.raw).toEqual({ n: '32', count: String(Math.min(16, 2 * env.hardwareConcurrency)) });
  expect(state.settings.isDefault).toBe(true);
  expect(state.ready).toBe(true);
});

it('waits while another experiment holds the lock, naming it', async () => {
  const state = new AsyncState(env, { calibration: Promise.resolve(null) });
  state.settings.raw.n = '20';
  await expectRunLockBlocks(() => state);
});

it('sizes the batch by the calibration so that the loop lasts about a second, and says so', async () => {
  const probe = { n: 30, ms: 30, unitMs: 30 / PHI ** 30 };
  const state = new AsyncState(env, { calibration: Promise.resolve(calibrationFrom(probe)) });
  await Promise.resolve();
  await Promise.resolve();
  // fib(30) in 30 ms: fib(33) × 8 is about 1.0 s.
  expect(state.settings.raw).toMatchObject({ n: '33', count: '8' });
  expect(state.sizing).toBe('fib(33) × 8, about 1.0 s for the loop on the main thread here');
  expect(state.settings.isDefault).toBe(true);
});
