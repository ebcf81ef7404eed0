import { expect, it } from 'vitest';
import { FrameMeter } from '../../../src/demos/frozen/frameMeter.svelte';
import { FrozenState } from '../../../src/demos/frozen/state.svelte';
import { cancelWhileRunning, holdLock, testEnvironment } from './support';

const env = testEnvironment();
const noCalibration = { calibration: Promise.resolve(null) };

it('runs the batch in workers and on the main thread, keeping each outcome for the table', async () => {
  const state = new FrozenState(env, noCalibration);
  state.meter.start();
  try {
    state.settings.raw.n = '20';
    state.settings.raw.count = '2';
    await state.run('workers');
    expect(state.runner.status).toBe('done');
    await state.run('main');
    expect(state.runner.status).toBe('done');
  } finally {
    state.meter.stop();
  }
  expect(state.shown.map((outcome) => outcome.where)).toEqual(['main', 'workers']);
  for (const outcome of state.shown) {
    expect(outcome.ms).toBeGreaterThan(0);
    expect(outcome.frames).toBeGreaterThan(0);
  }
  // fib(20) twice does not freeze anything: the result says it was too short to show.
  expect(state.noise.join(' ')).toMatch(/too short/);

  const table = state.table;
  expect(table.rows.map((row) => row.where)).toEqual([state.label('main'), state.label('workers')]);
  table.rows.forEach((row, i) => {
    const outcome = state.shown[i]!;
    expect(row).toMatchObject({ frames: outcome.frames, droppedFrames: outcome.droppedFrames });
    expect(row.ms).toBeCloseTo(outcome.ms, 2);
  });
  expect(state.exportSettings).toMatchObject({ n: '20', count: '2' });
});

it('a cancelled worker run changes no outcome, and the next run works', async () => {
  const state = new FrozenState(env, noCalibration);
  state.settings.raw.n = '34';
  state.settings.raw.count = '16';
  await cancelWhileRunning(state.run('workers'), state.runner, 100);
  expect(state.outcomes).toEqual({});

  state.settings.raw.n = '20';
  state.settings.raw.count = '1';
  await state.run('workers');
  expect(state.runner.status).toBe('done');
  expect(state.outcomes.workers).toBeDefined();
});

it('refuses bad settings and resets to the defaults', () => {
  const state = new FrozenState(env, noCalibration);
  state.settings.raw.n = '35';
  expect(state.ready).toBe(false);
  state.settings.reset();
  expect(state.settings.raw).toEqual({ n: '32', count: '8' });
  expect(state.settings.isDefault).toBe(true);
  expect(state.ready).toBe(true);
});

it('waits while another experiment holds the lock, naming it', async () => {
  const state = new FrozenState(env, noCalibration);
  const other = holdLock();
  try {
    expect(state.runner.blockedBy).toContain(other.label);
    await state.run('main');
    expect(state.runner.status).toBe('idle');
    expect(state.outcomes).toEqual({});
  } finally {
    await other.release();
  }
  expect(state.runner.blockedBy).toBeNull();
});

it('a paused meter stands still while idle, still counts a run’s frames, and shows them when the run ends', async () => {
  const meter = new FrameMeter();
  const frames = (n: number) =>
    (async () => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    })();
  meter.setPaused(true);
  meter.setVisible(true);
  expect(meter.running).toBe(false);
  const still = { now: meter.now, recent: meter.recent };
  await frames(5);
  expect(meter.now).toBe(still.now);
  expect(meter.recent).toBe(still.recent);

  meter.begin();
  expect(meter.running).toBe(true);
  await frames(6);
  // Nothing is redrawn frame by frame while paused…
  expect(meter.now).toBe(still.now);
  expect(meter.recent).toBe(still.recent);
  const seen = await meter.end();
  // …but the run's frames were counted, and appear in one step at its end.
  expect(seen.frames).toBeGreaterThanOrEqual(6);
  expect(meter.recent.length).toBeGreaterThanOrEqual(6);
  expect(meter.running).toBe(false);

  meter.setPaused(false);
  expect(meter.running).toBe(true);
  await frames(3);
  expect(meter.now).toBeGreaterThan(still.now);
  meter.setVisible(false);
  expect(meter.running).toBe(false);
});
