import { expect, it } from 'vitest';
import { COUNTING_WAYS } from '../../../workers/kernels/counter';
import { RacesState } from '../../../src/demos/races/state.svelte';
import { holdLock, testEnvironment } from './support';

const env = testEnvironment();

it('a cancelled run keeps the ways it finished; the next one, with small settings, counts every way', async () => {
  const state = new RacesState(env);
  state.settings.raw.workers = '2';
  state.settings.raw.m = '3000000';
  const cancelled = state.run();
  expect(state.runner.status).toBe('running');
  await expect.poll(() => state.rows.length, { timeout: 5000 }).toBeGreaterThan(0);
  state.runner.cancel();
  expect(state.runner.status).toBe('cancelled');
  await cancelled;
  expect(state.rows.length).toBeLessThan(COUNTING_WAYS.length);

  // Spawning pools is most of a run's time here: the run after the cancel is also the one checked in full.
  state.settings.raw.m = '2000';
  expect(state.ready).toBe(true);
  await state.run();
  expect(state.runner.status).toBe('done');
  expect(state.rows.map((row) => row.way)).toEqual([...COUNTING_WAYS]);
  for (const row of state.rows) {
    expect(row.expected).toBe(4000);
    expect(row.actual + row.lost).toBe(4000);
    if (row.way !== 'plain') expect(row.lost).toBe(0);
  }
  expect(state.falseSharing).toBeGreaterThan(0);

  // The export holds the same numbers, one row per way.
  const table = state.table;
  expect(table.rows).toHaveLength(COUNTING_WAYS.length);
  table.rows.forEach((row, i) => {
    const result = state.rows[i]!;
    expect(row).toMatchObject({ way: result.way, workers: 2, m: 2000, actual: result.actual, lost: result.lost });
  });
  expect(table.columns.map((column) => column.key)).toEqual(Object.keys(table.rows[0]!));
  expect(state.ranSettings).toMatchObject({ workers: '2', m: '2000' });
});

it('refuses bad settings and resets to the defaults', () => {
  const state = new RacesState(env);
  expect(state.settings.isDefault).toBe(true);
  state.settings.raw.m = '0';
  state.settings.raw.workers = '99';
  expect(state.ready).toBe(false);
  const result = state.settings.result;
  expect(result.ok ? {} : result.errors).toEqual({
    m: 'M must be from 1 to 10,000,000',
    workers: expect.stringMatching(/^Workers must be from 1 to \d+$/),
  });
  state.settings.reset();
  expect(state.settings.isDefault).toBe(true);
  expect(state.settings.raw).toEqual({ workers: String(Math.min(env.hardwareConcurrency, 4)), m: '1000000' });
  expect(state.ready).toBe(true);
});

it('waits while another experiment holds the lock, naming it', async () => {
  const state = new RacesState(env);
  state.settings.raw.m = '1000';
  const other = holdLock();
  try {
    expect(state.runner.blockedBy).toContain(other.label);
    await state.run();
    expect(state.runner.status).toBe('idle');
    expect(state.rows).toEqual([]);
  } finally {
    await other.release();
  }
  expect(state.runner.blockedBy).toBeNull();
});

it('needs shared memory', () => {
  const state = new RacesState({ ...env, crossOriginIsolated: false, notIsolatedReason: 'off' });
  expect(state.settings.result.ok).toBe(true);
  expect(state.ready).toBe(false);
});
